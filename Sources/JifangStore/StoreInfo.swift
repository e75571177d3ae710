import Foundation
import GRDB

/// How the store's file is set up, for `jifang doctor`-style checks and tests.
public struct StoreInfo: Sendable, Hashable {
    /// `wal` for every Jifang store.
    public var journalMode: String
    public var foreignKeys: Bool
    /// Schema steps applied to the file, in order.
    public var migrations: [String]
    /// Bytes of the database file plus its write-ahead log.
    public var fileBytes: Int
}

extension Store {
    /// The journal mode, foreign-key enforcement, applied migrations and size of the file.
    public func info() throws -> StoreInfo {
        try read("read the store's settings") { db in
            let journalMode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown"
            let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
            let migrations = try StoreSchema.migrator.appliedMigrations(db)
            let bytes = ["", "-wal"].reduce(0) { total, suffix in
                let size = try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int
                return total + (size ?? 0)
            }
            return StoreInfo(
                journalMode: journalMode, foreignKeys: foreignKeys, migrations: migrations, fileBytes: bytes)
        }
    }
}
