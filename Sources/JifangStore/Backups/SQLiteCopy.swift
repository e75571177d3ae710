import Foundation
import GRDB

/// Copies and checks SQLite databases other than the store, for the backup agent.
///
/// The one place outside the store's own schema where Jifang opens an SQLite file.
public enum SQLiteCopy {
    /// Copies the database at `source` to a new file `destination` with SQLite's online backup API.
    ///
    /// The copy is taken inside one read transaction, so it is the database as of one instant
    /// while other processes keep writing (in WAL mode they are not blocked; in rollback mode
    /// they wait up to `busyTimeout`). The copy uses a rollback journal so it stands alone,
    /// without -wal or -shm files.
    /// - Throws: ``StoreError/operationFailed(path:operation:reason:)`` naming `source`.
    public static func backup(from source: String, to destination: String, busyTimeout: TimeInterval = 30) throws {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            configuration.label = "backup-source"
            let from = try DatabaseQueue(path: source, configuration: configuration)
            let to = try DatabaseQueue(path: destination)
            try from.backup(to: to)
            try to.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try to.close()
            try from.close()
        } catch {
            throw StoreError.operationFailed(
                path: source, operation: "copy the database with the online backup API", reason: Store.reason(error))
        }
    }

    /// Opens `path` read-only and returns what `PRAGMA integrity_check` reports (`["ok"]` when
    /// sound), after reading the schema.
    /// - Throws: ``StoreError/operationFailed(path:operation:reason:)`` when the file does not open
    ///   as a database.
    public static func integrityCheck(_ path: String) throws -> [String] {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                return try String.fetchAll(db, sql: "PRAGMA integrity_check")
            }
        } catch {
            throw StoreError.operationFailed(path: path, operation: "check the database", reason: Store.reason(error))
        }
    }
}
