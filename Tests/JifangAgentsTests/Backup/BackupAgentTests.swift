import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Testing

@Suite(.serialized)
struct BackupAgentTests {
    /// A WAL-mode registry that another process keeps inserting into during the backup: the copy
    /// is a consistent snapshot, passes integrity_check and restores.
    @Test func sqliteRegistryBackedUpWhileBeingWritten() async throws {
        let fixture = try BackupFixture()
        let database = fixture.path("registry.sqlite")
        _ = try BackupFixture.sqlite(
            database,
            """
            PRAGMA journal_mode=WAL; CREATE TABLE persons(id INTEGER PRIMARY KEY, name TEXT, photo BLOB);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO persons(name, photo) SELECT 'person ' || i, randomblob(500) FROM n;
            """)
        // A writer in another process, committing one row at a time for a few seconds.
        let writer = try ChildProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import os, sqlite3, sys, time
                db = sqlite3.connect(sys.argv[1], timeout=30)
                end = time.time() + 60
                while time.time() < end and not os.path.exists(sys.argv[1] + ".stop"):
                    db.execute("INSERT INTO persons(name, photo) VALUES ('late', randomblob(500))"); db.commit()
                """,
                database,
            ])
        defer { writer.stop() }
        // Python starts in well under a second, but a loaded CI host can take longer: wait for its
        // first row rather than for a fixed time.
        let initial = Int(try BackupFixture.sqlite(database, "SELECT count(*) FROM persons")) ?? 0
        let started = ContinuousClock.now
        while (Int(try BackupFixture.sqlite(database, "SELECT count(*) FROM persons")) ?? 0) <= initial,
            ContinuousClock.now - started < .seconds(30)
        {
            try await Task.sleep(for: .milliseconds(50))
        }
        let agent = try fixture.agent([
            BackupTarget(name: "registry-db", category: .database, source: .sqlite(path: database))
        ])
        let before = Int(try BackupFixture.sqlite(database, "SELECT count(*) FROM persons")) ?? 0
        var outcomes: [BackupOutcome] = []
        for _ in 0..<3 {
            outcomes.append(agent.backUp(agent.inventory.targets[0]))
        }
        #expect(writer.isRunning, "the writer was still writing during the backups")
        let after = Int(try BackupFixture.sqlite(database, "SELECT count(*) FROM persons")) ?? 0
        #expect(after > before, "rows were committed while the backups ran")
        _ = FileManager.default.createFile(atPath: database + ".stop", contents: nil)
        for outcome in outcomes {
            #expect(outcome.result == .done, "\(outcome.message)")
            let record = try #require(outcome.record)
            try #require(record.status == .good, "\(outcome.message)")
            #expect(record.status == .good && record.verified == true && record.locations.count == 3)
            let copy = "\(record.path!)/registry.sqlite"
            #expect(try BackupFixture.sqlite(copy, "PRAGMA integrity_check") == "ok")
            let count = try BackupFixture.sqlite(copy, "SELECT count(*) FROM persons")
            #expect((Int(count) ?? 0) >= 20000, "\(count)")
            #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        }
        let restored = fixture.path("restored.sqlite")
        let message = try agent.restore(id: outcomes[0].record!.id, to: restored)
        #expect(message.contains("restored"))
        #expect(try BackupFixture.sqlite(restored, "PRAGMA integrity_check") == "ok")
        let events = try fixture.store.events().map(\.type.rawValue)
        #expect(events.filter { $0 == "backup-done" }.count == 3)
        #expect(events.contains("backup-restored"))
    }

    /// Configurations from a drop folder: a version per real change, none for a timestamp line,
    /// a diff with secrets masked, content-addressed objects, and each run in the duty log.
    @Test func dropFolderConfigurationVersions() async throws {
        let fixture = try BackupFixture()
        let drop = fixture.path("tftp/core-router")
        let config = """
            sysname core-router
            ! Last configuration change at 10:00:00 CST Fri May 15 2026
            snmp-server community Pub1ic-S3cret RO
            interface GigabitEthernet0/1
             ip address 10.1.1.1 255.255.255.0
            """
        try fixture.write(config, to: "tftp/core-router/core-router-20260515.cfg")
        try fixture.write("partial upload", to: "tftp/core-router/core-router.cfg.part")
        let target = BackupTarget(
            name: "core-router-config", category: .configuration,
            source: .deviceConfig(device: "core-router", method: .dropFolder(path: drop, pattern: "*.cfg")))
        let agent = try fixture.agent([target])

        let first = await agent.backUpConfiguration(target)
        #expect(first.result == .done, "\(first.message)")
        #expect(first.diff?.contains("+snmp-server community <secret> RO") == true)
        #expect(first.diff?.contains("Pub1ic-S3cret") == false)

        // Only the volatile line moves: not a change.
        try fixture.write(
            config.replacingOccurrences(of: "10:00:00", with: "11:30:00"),
            to: "tftp/core-router/core-router-20260515.cfg")
        let same = await agent.backUpConfiguration(target)
        #expect(same.result == .unchanged, "\(same.message)")

        // A real change, pushed as a newer file.
        fixture.set("2026-05-16T09:00:00+08:00")
        try await Task.sleep(for: .milliseconds(20))
        try fixture.write(
            config.replacingOccurrences(of: "10.1.1.1", with: "10.1.1.254"),
            to: "tftp/core-router/core-router-20260516.cfg")
        let changed = await agent.backUpConfiguration(target)
        #expect(changed.result == .done, "\(changed.message)")
        let diff = try #require(changed.diff)
        #expect(diff.contains("- ip address 10.1.1.1 255.255.255.0"))
        #expect(diff.contains("+ ip address 10.1.1.254 255.255.255.0"))
        #expect(!diff.contains("Pub1ic-S3cret"))
        #expect(changed.message.contains("+1 −1"))

        let versions = try fixture.store.backups(target: "core-router-config", kind: .config, status: .good)
        #expect(versions.count == 2)
        for version in versions {
            #expect(version.path!.hasSuffix("/objects/\(version.sha256!)"))
            #expect(version.locations.count == 3)
        }
        let stored = try String(contentsOfFile: "\(versions[1].path!)/config.txt", encoding: .utf8)
        #expect(stored.contains("Pub1ic-S3cret"), "the stored version keeps the device's text")
        let (_, results) = try agent.verify()
        #expect(results.count == 2 && results.allSatisfy(\.passed), "\(results)")
        let events = try fixture.store.events().filter { $0.type.rawValue == "backup-done" }
        #expect(events.count == 2)
        #expect(events.last!.message.contains("core-router configuration changed"))
    }

    @Test func missingDropFolderIsAFailureInTheDutyLog() async throws {
        let fixture = try BackupFixture()
        let target = BackupTarget(
            name: "sw-config", category: .configuration,
            source: .deviceConfig(device: "sw", method: .dropFolder(path: fixture.path("nowhere"), pattern: nil)))
        let outcome = await (try fixture.agent([target])).backUpConfiguration(target)
        #expect(outcome.result == .failed)
        #expect(outcome.message.contains("drop folder"))
        let event = try #require(try fixture.store.events().last)
        #expect(event.type.rawValue == "backup-failed")
        #expect(event.message.contains("sw-config"))
    }

    /// A config fetched by a command hook, and a verify that notices a tampered copy.
    @Test func hookConfigurationAndTamperedCopy() async throws {
        let fixture = try BackupFixture()
        try fixture.write("hostname fw\nset password abc123\n", to: "fw.conf")
        let target = BackupTarget(
            name: "fw-config", category: .configuration,
            source: .deviceConfig(device: "fw", method: .hook(command: ["/bin/cat", fixture.path("fw.conf")])))
        let agent = try fixture.agent([target])
        let outcome = await agent.backUpConfiguration(target)
        #expect(outcome.result == .done, "\(outcome.message)")
        let copy = try #require(outcome.record?.locations.last)
        try Data("hostname fw\nset password changed\n".utf8).write(to: URL(fileURLWithPath: "\(copy)/config.txt"))
        let (_, results) = try agent.verify()
        #expect(results.count == 1 && !results[0].passed)
        #expect(results[0].problems.joined().contains(copy))
    }
}
