import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting

/// A backup repository, its two copy locations and a store in a temporary folder, with a clock
/// the test moves by hand.
final class BackupFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    let store: Store
    private let lock = NSLock()
    private var time: Date

    init(now: String = "2026-05-15T10:00:00+08:00") throws {
        directory = try TemporaryDirectory(prefix: "jifang-backup")
        store = try Store(path: directory.appending("jifang.sqlite").path)
        time = ISO8601DateFormatter().date(from: now)!
        for folder in ["repo", "second", "removable"] {
            try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
        }
    }

    deinit { directory.remove() }

    func path(_ name: String) -> String { directory.appending(name).path }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func set(_ iso: String) {
        lock.lock()
        time = ISO8601DateFormatter().date(from: iso)!
        lock.unlock()
    }

    func agent(_ targets: [BackupTarget], policy: BackupPolicy? = nil, devices: [Device] = []) throws -> BackupAgent {
        let inventory = BackupInventory(
            repository: path("repo"), secondCopy: path("second"), removable: path("removable"), targets: targets)
        let loaded =
            try policy
            ?? BackupPolicy.load(path: PackagePaths.root.appendingPathComponent("Policies/backups.yaml").path)
        return BackupAgent(inventory: inventory, policy: loaded, store: store, devices: devices, now: { [self] in now })
    }

    func write(_ text: String, to name: String) throws {
        let url = directory.appending(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Runs sqlite3 on `database` with `sql` and returns its output.
    static func sqlite(_ database: String, _ sql: String) throws -> String {
        try Command.run("/usr/bin/sqlite3", [database, sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
