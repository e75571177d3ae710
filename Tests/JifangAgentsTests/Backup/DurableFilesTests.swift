import Foundation
import JifangAgents
import JifangModel
import JifangTesting
import Testing

/// Backups, configuration versions, diffs and copies are private to the agent's user whatever
/// the umask and the source's own mode: files 0600, folders 0700.
@Suite struct DurableFilesTests {
    /// The permission bits of `path` itself (a link is not followed).
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0o7777 }
        return info.st_mode & 0o7777
    }

    /// Every file and folder under `root`, with `root` itself, relative paths and modes.
    static func modes(under root: String) -> [(path: String, isFolder: Bool, mode: mode_t)] {
        var result = [(path: root, isFolder: true, mode: mode(root))]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = "\(root)/\(relative)"
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            result.append((path, isFolder.boolValue, mode(path)))
        }
        return result
    }

    static func expectPrivate(_ root: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = modes(under: root)
        #expect(all.count > 1, "nothing under \(root)", sourceLocation: sourceLocation)
        for entry in all {
            #expect(
                entry.mode == (entry.isFolder ? 0o700 : 0o600),
                "\(entry.path) has mode \(String(entry.mode, radix: 8))", sourceLocation: sourceLocation)
        }
    }

    @Test func aDatabaseBackupAndItsCopiesArePrivate() throws {
        let fixture = try BackupFixture()
        let database = fixture.path("registry.sqlite")
        _ = try BackupFixture.sqlite(database, "CREATE TABLE persons(name TEXT); INSERT INTO persons VALUES ('a');")
        chmod(database, 0o644)
        let target = BackupTarget(name: "registry-db", category: .database, source: .sqlite(path: database))
        let agent = try fixture.agent([target])
        let outcome = agent.backUp(target)
        #expect(outcome.result == .done, "\(outcome.message)")
        let record = try #require(outcome.record)
        #expect(record.locations.count == 3)
        for location in record.locations { Self.expectPrivate(location) }
        // The folders on the way, which name the targets and months, too.
        #expect(Self.mode(fixture.path("repo/registry-db")) == 0o700)
        #expect(Self.mode(fixture.path("second/registry-db")) == 0o700)
    }

    @Test func aFetchedConfigurationItsDiffAndCopiesArePrivate() async throws {
        let fixture = try BackupFixture()
        try fixture.write("sysname sw\nlocal-user admin password cipher abc\n", to: "tftp/sw/sw.cfg")
        chmod(fixture.path("tftp/sw/sw.cfg"), 0o644)
        let target = BackupTarget(
            name: "sw-config", category: .configuration,
            source: .deviceConfig(device: "sw", method: .dropFolder(path: fixture.path("tftp/sw"), pattern: "*.cfg")))
        let agent = try fixture.agent([target])
        let outcome = await agent.backUpConfiguration(target)
        #expect(outcome.result == .done, "\(outcome.message)")
        let record = try #require(outcome.record)
        for location in record.locations { Self.expectPrivate(location) }
        Self.expectPrivate(fixture.path("repo/sw-config/diffs"))
    }
}
