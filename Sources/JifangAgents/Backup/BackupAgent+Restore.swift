import Foundation
import JifangModel
import JifangStore

extension BackupAgent {
    /// Restores backup `id` to `destination` after checking it against its manifest, and writes
    /// a `backup-restored` event (Art. 26 asks the duty log for restores too).
    ///
    /// - SQLite: the database file, written to `destination` (a new file).
    /// - PostgreSQL: a new database named `destination` on the target's server.
    /// - Folders: the files, under `destination` (a new folder).
    /// - Configurations: the configuration text, to `destination` (a new file).
    /// - Discs and archives: the ISO image or tar file, copied to `destination`.
    /// - Throws: ``BackupError`` when the backup is not good, fails its check, or the
    ///   destination exists.
    public func restore(id: Int64, to destination: String) throws(BackupError) -> String {
        let found: BackupRecord?
        do { found = try store.backup(id: id) } catch { throw .io(path: store.path, reason: "\(error)") }
        guard let record = found else {
            throw .noSuchBackup(id: id, reason: "there is no such row in the backup register")
        }
        guard record.status == .good, let path = record.path else {
            throw .noSuchBackup(id: id, reason: "it is \(record.status.rawValue); only good backups restore")
        }
        let manifest = try BackupLayout.readManifest(in: path)
        let problems = BackupLayout.check(folder: path, against: manifest)
        guard problems.isEmpty else {
            throw .verificationFailed(target: record.target, path: path, reason: problems.joined(separator: "; "))
        }
        let target = inventory.target(named: record.target)
        if case .postgres(let source)? = target?.source, record.kind == .backup {
            try restorePostgres(
                source, dump: "\(path)/\(source.database).dump", into: destination, target: record.target)
        } else {
            guard !FileManager.default.fileExists(atPath: destination) else {
                throw .io(path: destination, reason: "already exists; restore to a new path")
            }
            let partial = "\(destination).partial-\(ProcessInfo.processInfo.processIdentifier)"
            defer { DurableFiles.remove(partial) }
            if case .folder? = target?.source, record.kind == .backup {
                try DurableFiles.copyTree("\(path)/files", to: partial)
                try DurableFiles.fsyncTree(partial)
            } else {
                let file = record.kind == .config ? "config.txt" : (manifest.files.first?.path ?? "")
                do {
                    try FileManager.default.copyItem(atPath: "\(path)/\(file)", toPath: partial)
                } catch {
                    throw .io(path: destination, reason: "cannot copy \(path)/\(file): \(error.localizedDescription)")
                }
                try DurableFiles.fsync(partial)
            }
            try DurableFiles.commit(partial, to: destination)
        }
        let message = "backup #\(id) of \(record.target) (\(record.period)) restored from \(path) to \(destination)"
        _ = try? store.appendEvent(type: Self.restored, device: target?.device, message: message, at: now())
        return message
    }

    private func restorePostgres(_ source: PostgresSource, dump: String, into database: String, target: String)
        throws(BackupError)
    {
        let connection = ["-h", source.host, "-p", String(source.port)] + (source.user.map { ["-U", $0] } ?? [])
        var environment: [String: String] = [:]
        if let password = source.password {
            do { environment["PGPASSWORD"] = try secrets.resolve(password) } catch {
                throw .configFetch(target: target, reason: error.description)
            }
        }
        try ExternalCommand.check(
            ExternalCommand.locate("createdb", in: source.binDirectory), connection + ["-w", database],
            environment: environment, target: target)
        try ExternalCommand.check(
            ExternalCommand.locate("pg_restore", in: source.binDirectory),
            connection + ["-w", "--exit-on-error", "--no-owner", "-d", database, dump], environment: environment,
            target: target)
    }
}
