import Foundation
import GRDB
import JifangModel

/// The journal of records that leave the site, and the forwarder's acknowledged cursor.
///
/// Triggers (``StoreSchema/journaled``) write a journal row in the transaction of every append
/// and meaningful change, so an entry is visible exactly when its record is committed.
extension Store {
    /// Journal entries with a sequence number after `seq`, oldest first, at most `limit` of them.
    ///
    /// Reading from the last sequence number a caller saw (0 at first) and passing the last one
    /// returned pages through the whole journal; entries pruned after acknowledgement are gone.
    ///
    /// - Throws: ``StoreError`` for a `limit` below 1 or a failed read; a row whose kind no
    ///   version wrote fails the read naming `journal.kind`.
    public func journal(after seq: Int64, limit: Int) throws -> [JournalEntry] {
        let operation = "read the journal after \(seq)"
        guard limit >= 1 else {
            throw StoreError.invalidArgument(path: path, operation: operation, reason: "limit \(limit) is below 1")
        }
        return try read(operation) { db in
            let table = "journal"
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, kind, row_id, key, at FROM journal WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [seq, limit])
            var entries: [JournalEntry] = []
            while let row = try rows.next() {
                let kindText = try row.decode(String.self, "kind", in: table)
                guard let kind = JournalEntry.Kind(rawValue: kindText) else {
                    throw StoredValueError(
                        table: table, column: "kind", value: kindText.databaseValue, expected: "a journal entry kind")
                }
                entries.append(
                    JournalEntry(
                        seq: try row.decode(Int64.self, "seq", in: table),
                        kind: kind,
                        rowID: try row.decode(Int64.self, "row_id", in: table),
                        key: try row.decodeIfPresent(String.self, "key", in: table),
                        time: Date(storeMillis: try row.decode(Int64.self, "at", in: table))))
            }
            return entries
        }
    }

    /// The highest sequence number the journal has given, 0 before the first entry.
    ///
    /// It never goes back: pruning acknowledged entries leaves it where it is.
    public func journalHead() throws -> Int64 {
        try read("read the journal's head") { db in try journalHead(db) }
    }

    private func journalHead(_ db: Database) throws -> Int64 {
        // sqlite_sequence keeps the largest seq AUTOINCREMENT gave even when its row is deleted.
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'journal'") ?? 0
    }

    /// The sequence number central has acknowledged, 0 before the first acknowledgement.
    public func journalAcknowledged() throws -> Int64 {
        try read("read the journal's acknowledged cursor") { db in try acknowledged(db) }
    }

    private func acknowledged(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM journal_acknowledged WHERE id = 1") ?? 0
    }

    /// Records that central has every entry up to `seq`; an earlier `seq` than the cursor's
    /// changes nothing, so a late or repeated acknowledgement cannot move it back.
    ///
    /// - Returns: the acknowledged sequence number after the call.
    /// - Throws: ``StoreError`` when `seq` is past ``journalHead()`` (central cannot have what
    ///   the store never gave) or the write fails.
    @discardableResult
    public func acknowledgeJournal(through seq: Int64) throws -> Int64 {
        let operation = "acknowledge the journal through \(seq)"
        let outcome: Result<Int64, StoreError> = try write(operation) { db in
            let head = try journalHead(db)
            guard seq <= head else {
                return .failure(
                    .invalidArgument(
                        path: path, operation: operation, reason: "the journal's head is \(head)"))
            }
            let current = try acknowledged(db)
            guard seq > current else { return .success(current) }
            try db.execute(sql: "UPDATE journal_acknowledged SET seq = ? WHERE id = 1", arguments: [seq])
            return .success(seq)
        }
        return try outcome.get()
    }

    /// Deletes the journal entries central has acknowledged; later ones are kept whatever their age.
    ///
    /// - Returns: how many entries were deleted.
    @discardableResult
    public func pruneAcknowledgedJournal() throws -> Int {
        try write("prune the acknowledged journal") { db in
            try db.execute(
                sql: "DELETE FROM journal WHERE seq <= (SELECT seq FROM journal_acknowledged WHERE id = 1)")
            return db.changesCount
        }
    }
}
