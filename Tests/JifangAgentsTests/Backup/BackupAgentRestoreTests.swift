import Foundation
import JifangAgents
import JifangModel
import JifangTesting
import Testing

/// Restores, often run as root into folders others can write to, follow no link planted on the way.
@Suite struct BackupAgentRestoreTests {
    /// A good backup of a folder of two files, and its register id.
    static func folderBackup(_ fixture: BackupFixture) throws -> (BackupAgent, Int64) {
        try fixture.write("alpha\n", to: "documents/a.txt")
        try fixture.write("beta\n", to: "documents/sub/b.txt")
        let target = BackupTarget(
            name: "documents", category: .documents, source: .folder(path: fixture.path("documents")))
        let agent = try fixture.agent([target])
        let outcome = agent.backUp(target)
        #expect(outcome.result == .done, "\(outcome.message)")
        return (agent, try #require(outcome.record?.id))
    }

    @Test func aLinkAtTheOldPredictableTemporaryPathIsNotFollowed() throws {
        let fixture = try BackupFixture()
        let (agent, id) = try Self.folderBackup(fixture)
        let destination = fixture.path("restored")
        // Where the restore used to build its copy, a link to a folder the attacker wants written.
        let victim = fixture.path("victim")
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: "\(destination).partial-\(ProcessInfo.processInfo.processIdentifier)", withDestinationPath: victim)

        let message = try agent.restore(id: id, to: destination)
        #expect(message.contains("restored"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim).isEmpty)
        #expect(DurableFilesTests.mode(destination) == 0o700)
        var info = stat()
        #expect(lstat(destination, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
        #expect(try String(contentsOfFile: "\(destination)/a.txt", encoding: .utf8) == "alpha\n")
        #expect(try String(contentsOfFile: "\(destination)/sub/b.txt", encoding: .utf8) == "beta\n")
        DurableFilesTests.expectPrivate(destination)
        // Nothing is left beside the destination but the planted link.
        let beside = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.url.path)
        #expect(!beside.contains { $0.contains(".restored.restore-") })
    }

    @Test func aLinkAtTheDestinationIsNotFollowed() throws {
        let fixture = try BackupFixture()
        let (agent, id) = try Self.folderBackup(fixture)
        // A dangling link: "does the destination exist?" must not ask where it points.
        let destination = fixture.path("restored")
        let victim = fixture.path("victim")
        try FileManager.default.createSymbolicLink(atPath: destination, withDestinationPath: victim)
        #expect(throws: BackupError.self) { try agent.restore(id: id, to: destination) }
        #expect(!FileManager.default.fileExists(atPath: victim))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: destination)) == victim)
    }

    @Test func aFileRestoreIsPrivateAndReplacesNothing() throws {
        let fixture = try BackupFixture()
        let database = fixture.path("registry.sqlite")
        _ = try BackupFixture.sqlite(database, "CREATE TABLE t(x); INSERT INTO t VALUES (42);")
        let target = BackupTarget(name: "registry-db", category: .database, source: .sqlite(path: database))
        let agent = try fixture.agent([target])
        let id = try #require(agent.backUp(target).record?.id)
        let destination = fixture.path("restored.sqlite")
        _ = try agent.restore(id: id, to: destination)
        #expect(try BackupFixture.sqlite(destination, "SELECT x FROM t") == "42")
        #expect(DurableFilesTests.mode(destination) == 0o600)
        #expect(throws: BackupError.self) { try agent.restore(id: id, to: destination) }
    }
}
