import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// Copies a database or folder into a staging folder, and checks a copy by restoring it.
///
/// Each source writes fixed names inside the folder: `<name>.sqlite` for SQLite, `<database>.dump`
/// for PostgreSQL (custom format), `files/…` for folders.
struct SourceCopier {
    let target: BackupTarget
    let secrets: SecretResolver

    /// Writes the copy into `folder`, which exists and is empty.
    func copy(into folder: String) throws(BackupError) {
        switch target.source {
        case .sqlite(let path):
            try copySQLite(path, into: "\(folder)/\(URL(fileURLWithPath: path).lastPathComponent)")
        case .postgres(let source):
            try dumpPostgres(source, into: Self.dumpPath(of: source, in: folder, target: target.name))
        case .folder(let path):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw .sourceMissing(target: target.name, path: path)
            }
            try DurableFiles.copyTree(path, to: "\(folder)/files")
        case .deviceConfig:
            preconditionFailure("configurations are fetched by ConfigFetcher")
        }
    }

    /// Restores the copy in `folder` somewhere disposable and checks it works; throws what failed.
    ///
    /// SQLite: a copy of the file opens and passes `PRAGMA integrity_check`. PostgreSQL: `pg_restore
    /// --list` reads the dump and it restores into a scratch database, dropped afterwards. Folders:
    /// the manifest's hashes, checked by the caller.
    func verifyRestore(folder: String, manifest: BackupManifest) throws(BackupError) {
        switch target.source {
        case .sqlite:
            guard let file = manifest.files.first?.path else {
                throw .verificationFailed(target: target.name, path: folder, reason: "the manifest lists no file")
            }
            try checkSQLite("\(folder)/\(file)")
        case .postgres(let source):
            try checkPostgres(source, dump: Self.dumpPath(of: source, in: folder, target: target.name))
        case .folder, .deviceConfig:
            break
        }
    }

    // MARK: SQLite

    /// SQLite's online backup API: a consistent snapshot while other processes keep writing.
    private func copySQLite(_ path: String, into destination: String) throws(BackupError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .sourceMissing(target: target.name, path: path)
        }
        do {
            try SQLiteCopy.backup(from: path, to: destination)
        } catch {
            throw .sqlite(target: target.name, path: path, reason: Self.reason(error))
        }
    }

    /// Restores (copies) the file to a scratch path and checks it there, leaving the backup untouched.
    private func checkSQLite(_ path: String) throws(BackupError) {
        // A copy of a registry: in a folder only the agent's user can enter, never a 0644 file in /tmp.
        let scratch = try DurableFiles.makePrivateFolder(
            beside: FileManager.default.temporaryDirectory.appendingPathComponent("jifang").path, label: "verify")
        defer { DurableFiles.remove(scratch) }
        let restored = "\(scratch)/restored.sqlite"
        let result: [String]
        do {
            try FileManager.default.copyItem(atPath: path, toPath: restored)
            result = try SQLiteCopy.integrityCheck(restored)
        } catch {
            throw .verificationFailed(target: target.name, path: path, reason: Self.reason(error))
        }
        guard result == ["ok"] else {
            throw .verificationFailed(
                target: target.name, path: path,
                reason: "integrity_check reports: \(result.prefix(3).joined(separator: "; "))")
        }
    }

    // MARK: PostgreSQL

    private func connection(_ source: PostgresSource) -> [String] {
        ["-h", source.host, "-p", String(source.port)] + (source.user.map { ["-U", $0] } ?? [])
    }

    private func environment(_ source: PostgresSource) throws(BackupError) -> [String: String] {
        guard let password = source.password else { return [:] }
        do {
            return ["PGPASSWORD": try secrets.resolve(password)]
        } catch {
            throw .configFetch(target: target.name, reason: error.description)
        }
    }

    private func tool(_ name: String, _ source: PostgresSource) throws(BackupError) -> String {
        try ExternalCommand.locate(name, in: source.binDirectory)
    }

    /// Where the dump of `source` lies in the backup folder `folder`: `<database>.dump`.
    ///
    /// The loader holds database names to identifier syntax; this checks again, since a target can
    /// be built in code, so a name can never climb out of the folder (`../x`) or start with `-`.
    static func dumpPath(of source: PostgresSource, in folder: String, target: String) throws(BackupError) -> String {
        let name = source.database
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("."), !name.contains("/"), !name.contains("\0")
        else {
            throw .configFetch(target: target, reason: "\"\(name)\" is not a database name; refusing to use it")
        }
        return "\(folder)/\(name).dump"
    }

    /// pg_dump's command line; the database comes after `--`, so it is never read as an option.
    static func dumpArguments(_ source: PostgresSource, into destination: String) -> [String] {
        ["-h", source.host, "-p", String(source.port)] + (source.user.map { ["-U", $0] } ?? [])
            + ["-w", "-Fc", "-f", destination, "--", source.database]
    }

    private func dumpPostgres(_ source: PostgresSource, into destination: String) throws(BackupError) {
        try ExternalCommand.check(
            tool("pg_dump", source), Self.dumpArguments(source, into: destination),
            environment: environment(source), target: target.name)
    }

    private func checkPostgres(_ source: PostgresSource, dump: String) throws(BackupError) {
        let env = try environment(source)
        let list = try ExternalCommand.check(tool("pg_restore", source), ["--list", dump], target: target.name)
        guard !list.stdout.isEmpty else {
            throw .verificationFailed(target: target.name, path: dump, reason: "pg_restore --list shows no entries")
        }
        let scratch = "jifang_verify_\(ProcessInfo.processInfo.processIdentifier)_\(UInt32.random(in: 0...UInt32.max))"
        try ExternalCommand.check(
            tool("createdb", source), connection(source) + ["-w", scratch], environment: env, target: target.name)
        defer {
            _ = try? ExternalCommand.run(
                tool("dropdb", source), connection(source) + ["-w", "--if-exists", scratch], environment: env,
                target: target.name)
        }
        let restore = try ExternalCommand.run(
            tool("pg_restore", source),
            connection(source) + ["-w", "--exit-on-error", "--no-owner", "-d", scratch, dump],
            environment: env, target: target.name)
        guard restore.status == 0 else {
            throw .verificationFailed(
                target: target.name, path: dump,
                reason: "it does not restore into a scratch database: \(restore.stderr.prefix(300))")
        }
    }

    static func reason(_ error: any Error) -> String {
        if case .operationFailed(_, _, let reason, _)? = error as? StoreError { return reason }
        return "\(error)"
    }
}
