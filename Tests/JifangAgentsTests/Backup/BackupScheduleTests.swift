import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// The schedule driven by an injected clock: months, grace days, quarters' discs, years' archives.
@Suite(.serialized)
struct BackupScheduleTests {
    @Test func calendarPeriodsAtChinaStandardTime() {
        let calendar = BackupCalendar(utcOffsetSeconds: 8 * 3600)
        let date = ISO8601DateFormatter().date(from: "2026-03-31T17:00:00Z")!  // 1 April 01:00 in Beijing
        #expect(calendar.month(of: date) == "2026-04")
        #expect(calendar.quarter(of: date) == "2026Q2")
        #expect(calendar.quarter(ofMonth: "2026-12") == "2026Q4")
        let bounds = calendar.bounds(of: "2026Q2")!
        #expect(ISO8601DateFormatter().string(from: bounds.start) == "2026-03-31T16:00:00Z")
        #expect(ISO8601DateFormatter().string(from: bounds.end) == "2026-06-30T16:00:00Z")
        #expect(calendar.hasEnded("2026Q1", at: date) && !calendar.hasEnded("2026Q2", at: date))
    }

    @Test func monthlyDueOverdueDiscAndArchive() async throws {
        let fixture = try BackupFixture(now: "2026-05-03T09:00:00+08:00")
        try fixture.write("2026-05-01 server started\n", to: "logs/server.log")
        let logs = BackupTarget(name: "server-logs", category: .logs, source: .folder(path: fixture.path("logs")))
        let agent = try fixture.agent([logs])

        #expect(try agent.dueItems().map(\.state) == [.due])
        fixture.set("2026-05-06T09:00:00+08:00")
        #expect(try agent.dueItems().map(\.state) == [.overdue], "after graceDays a missing backup is overdue")

        var outcomes = try await agent.run()
        #expect(outcomes.map(\.result) == [.done])
        #expect(try agent.dueItems().isEmpty)
        outcomes = try await agent.run()
        #expect(outcomes.map(\.result) == [.notDue], "a second run in the same month does nothing")

        fixture.set("2026-06-01T00:30:00+08:00")
        #expect(try agent.dueItems().map(\.period) == ["2026-06"])
        _ = try await agent.run()

        // The quarter ends: the run packs its disc image.
        fixture.set("2026-07-01T08:00:00+08:00")
        let due = try agent.dueItems()
        #expect(due.map(\.kind) == [.backup, .disc])
        #expect(due.last?.period == "2026Q2")
        outcomes = try await agent.run()
        #expect(outcomes.map(\.result) == [.done, .done], "\(outcomes.map(\.message))")
        let disc = try #require(outcomes.last?.record)
        #expect(disc.kind == .disc && disc.period == "2026Q2" && disc.locations.count == 3)
        let iso = "\(disc.path!)/jifang-2026Q2.iso"
        let listing = try Command.run(
            "/usr/bin/xorriso", ["-indev", iso, "-ls", "/logs/server-logs/server-logs/2026-05/*"])
        #expect(listing.contains("MANIFEST.json") && listing.contains("files"), "\(listing)")
        let root = try Command.run("/usr/bin/xorriso", ["-indev", iso, "-ls", "/"])
        #expect(root.contains("MANIFEST.json"))
        #expect(try agent.dueItems().isEmpty)

        // October's run packs the third quarter; January's packs the fourth and the year.
        fixture.set("2026-10-02T08:00:00+08:00")
        outcomes = try await agent.run()
        #expect(outcomes.map(\.kind) == [.backup, .disc])
        fixture.set("2027-01-02T08:00:00+08:00")
        outcomes = try await agent.run()
        #expect(outcomes.map(\.kind) == [.backup, .disc, .archive], "\(outcomes.map(\.message))")
        #expect(outcomes.allSatisfy { $0.result == .done }, "\(outcomes.map(\.message))")
        let archive = try #require(outcomes.last?.record)
        let names = try Command.run("/usr/bin/tar", ["-tf", "\(archive.path!)/jifang-archive-2026.tar"])
        #expect(names.contains("./MANIFEST.json") && names.contains("./packages/disc/discs/2026Q2/MANIFEST.json"))
        #expect(try agent.dueItems().isEmpty)
        let (_, results) = try agent.verify()
        #expect(!results.isEmpty && results.allSatisfy(\.passed), "\(results.filter { !$0.passed })")
    }

    @Test func changedFingerprintMakesAConfigurationDue() async throws {
        let fixture = try BackupFixture()
        try fixture.write("sysname sw\n", to: "drop/sw.cfg")
        let target = BackupTarget(
            name: "sw-config", category: .configuration,
            source: .deviceConfig(device: "sw", method: .dropFolder(path: fixture.path("drop"), pattern: nil)))
        let agent = try fixture.agent([target])
        #expect(try agent.dueItems().map(\.reason) == ["never backed up"])
        _ = await agent.backUpConfiguration(target, snmp: false)
        #expect(try agent.dueItems().isEmpty)
        try fixture.store.setConfigFingerprint(
            target: "sw-config", fingerprint: "other", source: "tables", at: fixture.now, backedUp: false)
        #expect(try agent.dueItems().map(\.kind) == [.config])
    }
}
