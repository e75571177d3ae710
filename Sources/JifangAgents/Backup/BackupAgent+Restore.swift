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
    ///   destination exists; ``BackupError/evidenceNotRecorded(target:what:reason:)`` when the
    ///   restore was done but its duty-log event could not be written.
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
                source, dump: SourceCopier.dumpPath(of: source, in: path, target: record.target), into: destination,
                target: record.target)
        } else {
            try restoreFiles(record, manifest: manifest, from: path, to: destination, source: target?.source)
        }
        let message = "backup #\(id) of \(record.target) (\(record.period)) restored from \(path) to \(destination)"
        // Art. 26 asks the duty log for restores: a restore it does not show fails, saying it was done.
        try recorded(record.target, "its duty-log event (\(message))") {
            _ = try store.appendEvent(type: Self.restored, device: target?.device, message: message, at: now())
        }
        return message
    }

    /// Copies the backup's file or folder to `destination`, which must not exist.
    ///
    /// Restores often run as root into folders other users can write to, so nothing on the way
    /// is trusted: the copy is built in a fresh `mkdtemp` folder beside the destination (mode
    /// 0700, an unpredictable name: nothing can be planted in it), and moved into place by
    /// ``DurableFiles/commit(_:to:)``, which replaces nothing and follows no link at the
    /// destination. A link already there counts as "exists".
    private func restoreFiles(
        _ record: BackupRecord, manifest: BackupManifest, from path: String, to destination: String,
        source: BackupSource?
    ) throws(BackupError) {
        var info = stat()
        guard lstat(destination, &info) != 0 else {
            throw .io(path: destination, reason: "already exists; restore to a new path")
        }
        let scratch = try DurableFiles.makePrivateFolder(beside: destination, label: "restore")
        defer { DurableFiles.remove(scratch) }
        let partial = "\(scratch)/content"
        if case .folder? = source, record.kind == .backup {
            try DurableFiles.copyTree("\(path)/files", to: partial)
        } else {
            let file = record.kind == .config ? "config.txt" : (manifest.files.first?.path ?? "")
            do {
                try FileManager.default.copyItem(atPath: "\(path)/\(file)", toPath: partial)
            } catch {
                throw .io(path: destination, reason: "cannot copy \(path)/\(file): \(error.localizedDescription)")
            }
        }
        try DurableFiles.sealTree(partial)
        try DurableFiles.commit(partial, to: destination)
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
            ExternalCommand.locate("createdb", in: source.binDirectory), connection + ["-w", "--", database],
            environment: environment, target: target)
        try ExternalCommand.check(
            ExternalCommand.locate("pg_restore", in: source.binDirectory),
            connection + ["-w", "--exit-on-error", "--no-owner", "-d", database, dump], environment: environment,
            target: target)
    }
}
