import Foundation
import JifangAgents
import JifangModel
import JifangTesting
import Testing

/// A real PostgreSQL 15 server, started by the test as the `postgres` user on a free loopback
/// port: `pg_dump -Fc`, verification by `pg_restore --list` and a scratch-database restore, and a
/// restore into a new database.
@Suite(.serialized)
struct PostgresBackupTests {
    static let bin = "/usr/lib/postgresql/15/bin"

    final class Server {
        let directory: TemporaryDirectory
        let port: Int
        var data: String { directory.appending("data").path }

        init() throws {
            directory = try TemporaryDirectory(prefix: "jifang-pg")
            port = LoopbackPort.freeTCP()
            try Command.run("chown", ["-R", "postgres", directory.path])
            try Command.run("chmod", ["755", directory.path])
            try Self.asPostgres(
                "\(bin)/initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
            // Started without pipes: the server outlives pg_ctl and must not hold the test's output open.
            let start = try ChildProcess(
                "/usr/sbin/runuser",
                [
                    "-u", "postgres", "--", "\(bin)/pg_ctl", "-D", data, "-w", "-l",
                    directory.appending("server.log").path,
                    "-o", "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory.path) -c fsync=off", "start",
                ])
            let status = start.wait()
            guard status == 0 else {
                throw PostgresStartError(status: status, log: directory.appending("server.log").path)
            }
        }

        func stop() {
            let stop = try? ChildProcess(
                "/usr/sbin/runuser",
                ["-u", "postgres", "--", "\(bin)/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"])
            stop?.wait()
            directory.remove()
        }

        @discardableResult
        static func asPostgres(_ executable: String, _ arguments: [String]) throws -> String {
            try Command.run("runuser", ["-u", "postgres", "--", executable] + arguments)
        }

        func psql(_ database: String, _ sql: String) throws -> String {
            try Command.run(
                "\(bin)/psql",
                ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-At", "-d", database, "-c", sql]
            ).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "\(bin)/initdb")))
    func dumpVerifyAndRestore() async throws {
        let server = try Server()
        defer { server.stop() }
        try Command.run(
            "\(Self.bin)/createdb", ["-h", "127.0.0.1", "-p", String(server.port), "-U", "postgres", "mis"])
        _ = try server.psql(
            "mis",
            "CREATE TABLE persons(id serial PRIMARY KEY, name text NOT NULL); "
                + "INSERT INTO persons(name) SELECT 'person ' || i FROM generate_series(1, 5000) i;")

        let fixture = try BackupFixture()
        let source = PostgresSource(
            host: "127.0.0.1", port: server.port, database: "mis", user: "postgres", binDirectory: Self.bin)
        let agent = try fixture.agent([
            BackupTarget(name: "registry-pg", category: .database, source: .postgres(source))
        ])
        let outcome = agent.backUp(agent.inventory.targets[0])
        #expect(outcome.result == .done, "\(outcome.message)")
        let record = try #require(outcome.record)
        #expect(record.status == .good && record.verified == true)
        #expect(FileManager.default.fileExists(atPath: "\(record.path!)/mis.dump"))
        // The scratch database used for verification is gone again.
        let databases = try server.psql("postgres", "SELECT datname FROM pg_database ORDER BY 1")
        #expect(!databases.contains("jifang_verify"), "\(databases)")

        let (_, results) = try agent.verify()
        #expect(results.count == 1 && results[0].passed, "\(results)")

        _ = try agent.restore(id: record.id, to: "mis_restored")
        #expect(try server.psql("mis_restored", "SELECT count(*) FROM persons") == "5000")
    }
}

struct PostgresStartError: Error, CustomStringConvertible {
    var status: Int32
    var log: String
    var description: String { "pg_ctl start exited with \(status); see \(log)" }
}
