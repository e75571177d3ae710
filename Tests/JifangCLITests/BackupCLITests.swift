import Foundation
import JifangTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `jifang backup` as a person runs it, against files in a temporary folder.
@Suite(.serialized)
final class BackupCLITests {
    let directory: TemporaryDirectory
    let jifang = PackagePaths.executable("jifang").path

    init() throws {
        directory = try TemporaryDirectory(prefix: "jifang-backup-cli")
        let path = directory.path
        for folder in ["repo", "second", "removable", "drop"] {
            try FileManager.default.createDirectory(atPath: "\(path)/\(folder)", withIntermediateDirectories: true)
        }
        try """
        repository: \(path)/repo
        copies: { second: \(path)/second, removable: \(path)/removable }
        targets:
          - { name: registry-db, category: database, sqlite: \(path)/registry.sqlite }
          - name: router-config
            category: configuration
            device: router
            dropFolder: { path: \(path)/drop }
        """.write(toFile: "\(path)/backups.yaml", atomically: true, encoding: .utf8)
        try "devices:\n  - { name: router, address: 127.0.0.1, port: 9, community: public, timeout: 0.2, retries: 0 }\n"
            .write(toFile: "\(path)/site.yaml", atomically: true, encoding: .utf8)
        try "hostname router\n".write(toFile: "\(path)/drop/router.cfg", atomically: true, encoding: .utf8)
    }

    deinit { directory.remove() }

    func run(_ arguments: [String]) throws -> CommandRunner.Output {
        let path = directory.path
        return try CommandRunner(executable: URL(fileURLWithPath: jifang)).run(
            ["backup"] + arguments + [
                "--backups", "\(path)/backups.yaml", "--inventory", "\(path)/site.yaml", "--policies",
                PackagePaths.root.appendingPathComponent("Policies").path, "--database", "\(path)/jifang.sqlite",
            ])
    }

    /// kill -9 in the middle of a backup of a large database: nothing is marked good, `verify`
    /// marks the run interrupted and removes its partial files, and the next run succeeds.
    @Test func killedBackupIsNeverMarkedGood() async throws {
        let path = directory.path
        _ = try Command.run(
            "sqlite3",
            [
                "\(path)/registry.sqlite",
                "CREATE TABLE persons(id INTEGER PRIMARY KEY, photo BLOB); "
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) "
                    + "INSERT INTO persons(photo) SELECT randomblob(4000) FROM n;",
            ])
        let child = try ChildProcess(
            jifang,
            [
                "backup", "run", "--target", "registry-db", "--backups", "\(path)/backups.yaml", "--inventory",
                "\(path)/site.yaml", "--policies", PackagePaths.root.appendingPathComponent("Policies").path,
                "--database", "\(path)/jifang.sqlite",
            ], outputPath: "\(path)/run.out")
        // Kill it as soon as the backup has created its staging folder.
        let partial = "\(path)/repo/.partial"
        let deadline = ContinuousClock.now + .seconds(60)
        var started = false
        while ContinuousClock.now < deadline && child.isRunning {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: partial)) ?? []
            // The staging folder appears first; copying 240 MB into it takes far longer than this loop's step.
            if !entries.isEmpty {
                started = true
                break
            }
            // A blocking wait keeps this thread: an await could park the test behind busy tests
            // until the backup had finished.
            usleep(2_000)
        }
        kill(child.pid, SIGKILL)
        child.wait()
        let output = (try? String(contentsOfFile: "\(path)/run.out", encoding: .utf8)) ?? ""
        try #require(started, "the backup was seen in progress before it was killed; it printed: \(output)")

        let listed = try run(["list", "--format", "json"])
        #expect(listed.stdout.contains("\"running\""), "\(listed)")
        #expect(!listed.stdout.contains("\"good\""), "\(listed)")

        let verify = try run(["verify", "--format", "json"])
        #expect(verify.status == 0, "\(verify)")
        let report = try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any]
        let interrupted = try #require(report?["interrupted"] as? [[String: Any]])
        #expect(interrupted.count == 1 && interrupted[0]["status"] as? String == "interrupted")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: partial))?.isEmpty ?? true)
        let kept = (try? FileManager.default.contentsOfDirectory(atPath: "\(path)/repo/registry-db")) ?? []
        #expect(kept.isEmpty, "no folder of the killed run was renamed into place: \(kept)")

        let due = try run(["due", "--format", "json"])
        #expect(due.stdout.contains("registry-db"))
        let again = try run(["run", "--target", "registry-db"])
        #expect(again.status == 0, "\(again)")
        let second = try run(["verify"])
        #expect(second.status == 0 && second.stdout.contains("1 of 1 backups verified"), "\(second)")
    }

    @Test func runDueListDiffAndRestoreFromTheCommandLine() throws {
        let path = directory.path
        _ = try Command.run("sqlite3", ["\(path)/registry.sqlite", "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
        let before = try run(["due"])
        #expect(before.stdout.contains("registry-db") && before.stdout.contains("never backed up"), "\(before)")
        let first = try run(["run"])
        #expect(first.status == 0, "\(first)")
        #expect(try run(["due"]).stdout.contains("Nothing is due."))

        try "hostname router\ninterface eth0\n".write(
            toFile: "\(path)/drop/router.cfg", atomically: true, encoding: .utf8)
        let changed = try run(["run", "--format", "json"])
        let outcomes = try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [[String: Any]] ?? []
        let config = try #require(outcomes.first { $0["target"] as? String == "router-config" })
        #expect(config["result"] as? String == "done", "\(changed)")
        let id = try #require((config["record"] as? [String: Any])?["id"] as? Int)
        let diff = try run(["list", "--diff", String(id)])
        #expect(diff.stdout.contains("+interface eth0"), "\(diff)")

        let records =
            try JSONSerialization.jsonObject(
                with: Data(try run(["list", "--kind", "backup", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        let backupID = try #require(records?.first?["id"] as? Int)
        let restored = try run(["restore", String(backupID), "--to", "\(path)/restored.sqlite"])
        #expect(restored.status == 0, "\(restored)")
        #expect(try Command.run("sqlite3", ["\(path)/restored.sqlite", "SELECT x FROM t"]).contains("1"))
        let refused = try run(["restore", String(backupID), "--to", "\(path)/restored.sqlite"])
        #expect(refused.status != 0 && refused.stderr.contains("already exists"), "\(refused)")
    }

    /// A store that refuses the run's evidence (a trigger on the backup register, then one on
    /// the configuration fingerprints): `backup run` exits non-zero and names the target and
    /// the store's error, even when the configuration itself is unchanged.
    @Test func runWhoseEvidenceCannotBeWrittenExitsNonZero() throws {
        let path = directory.path
        _ = try Command.run("sqlite3", ["\(path)/registry.sqlite", "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
        let first = try run(["run", "--target", "router-config"])
        #expect(first.status == 0, "\(first)")
        let refusal = "the disk refuses this write"
        _ = try Command.run(
            "sqlite3",
            [
                "\(path)/jifang.sqlite",
                "CREATE TRIGGER no_good BEFORE UPDATE ON backups WHEN NEW.status = 'good' "
                    + "BEGIN SELECT RAISE(ABORT, '\(refusal)'); END; "
                    + "CREATE TRIGGER no_fingerprint BEFORE UPDATE ON config_fingerprints "
                    + "BEGIN SELECT RAISE(ABORT, '\(refusal)'); END;",
            ])
        let backup = try run(["run", "--target", "registry-db"])
        #expect(backup.status != 0, "\(backup)")
        #expect(backup.stdout.contains("registry-db: the store could not record its good backup"), "\(backup)")
        #expect(backup.stdout.contains(refusal), "\(backup)")
        let unchanged = try run(["run", "--target", "router-config"])
        #expect(unchanged.status != 0, "\(unchanged)")
        #expect(unchanged.stdout.contains("router-config: the store could not record"), "\(unchanged)")
        #expect(unchanged.stdout.contains(refusal), "\(unchanged)")
    }
}
