import JifangModel
import Testing

@testable import JifangAgents

/// The PostgreSQL database name is never read as an option nor used to leave the backup folder.
@Suite struct SourceCopierTests {
    @Test func pgDumpGetsTheDatabaseAfterTheEndOfOptions() {
        let source = PostgresSource(host: "db1", port: 5433, database: "mis", user: "backup")
        let arguments = SourceCopier.dumpArguments(source, into: "/repo/.partial/1-pg/mis.dump")
        #expect(
            arguments == [
                "-h", "db1", "-p", "5433", "-U", "backup", "-w", "-Fc", "-f", "/repo/.partial/1-pg/mis.dump", "--",
                "mis",
            ])
    }

    @Test(arguments: ["../../etc/cron.d/x", "-f/etc/passwd", "a/b", ".."])
    func aDatabaseNameBuiltInCodeCannotLeaveTheFolder(name: String) {
        let source = PostgresSource(host: "db1", port: 5432, database: name)
        #expect(throws: BackupError.self) { try SourceCopier.dumpPath(of: source, in: "/repo/x", target: "pg") }
    }

    @Test func anOrdinaryNameIsADumpFileInTheFolder() throws {
        let source = PostgresSource(host: "db1", port: 5432, database: "mis_2026")
        #expect(try SourceCopier.dumpPath(of: source, in: "/repo/x", target: "pg") == "/repo/x/mis_2026.dump")
    }
}
