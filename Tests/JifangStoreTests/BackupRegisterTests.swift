import Foundation
import JifangModel
import JifangStore
import JifangTesting
import Testing

struct BackupRegisterTests {
    @Test func backupRowsEventsAndFingerprints() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-register")
        defer { directory.remove() }
        let store = try Store(path: directory.appending("jifang.sqlite").path)
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let id = try store.beginBackup(
            target: "registry-db", category: .database, kind: .backup, period: "2026-05", at: start)
        #expect(try store.backup(id: id)?.status == .running)
        // A dead process on this host makes the row interrupted; a live one does not.
        #expect(try store.interruptedBackups(isAlive: { _ in true }).isEmpty)
        #expect(try store.interruptedBackups(isAlive: { _ in false }).map(\.id) == [id])

        let record = try store.finishBackup(
            id: id, status: .good, at: start.addingTimeInterval(5), path: "/r/x", size: 42, sha256: "ab",
            locations: ["/r/x", "/s/x"], verified: true, event: ("backup-done", "no-such-device", "done"))
        #expect(record.status == .good && record.locations == ["/r/x", "/s/x"] && record.verified == true)
        let event = try #require(try store.events().last)
        #expect(event.type == "backup-done" && event.device == nil, "unknown devices are not named")
        #expect(try store.backups(kind: .backup, status: .good).map(\.id) == [id])

        try store.setConfigFingerprint(target: "sw", fingerprint: "f1", source: "tables", at: start, backedUp: true)
        try store.setConfigFingerprint(target: "sw", fingerprint: "f2", source: "tables", at: start, backedUp: false)
        let state = try #require(try store.configFingerprint(target: "sw"))
        #expect(state.observed == "f2" && state.backedUp == "f1")
    }
}
