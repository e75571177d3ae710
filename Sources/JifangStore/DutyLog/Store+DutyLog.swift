import Foundation
import GRDB
import JifangModel

/// The end of the duty log's hash chain as the store last wrote it.
public struct DutyLogHead: Sendable, Hashable, Codable {
    public var lastEntry: Int64
    public var lastHash: String
    public var count: Int
}

extension Store {
    /// Appends one entry a person wrote to the duty log, chained to the last entry, in one transaction.
    ///
    /// `id`, `prevHash`, `hash` and `recordedAt` of `draft` are ignored: the store assigns them.
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when `draft.corrects` names
    ///   an entry the log does not have, or a text field holds a NUL (see ``texts(_:)``); nothing
    ///   is written then.
    @discardableResult
    public func appendDutyLogEntry(_ draft: DutyLogEntry, recordedAt: Date = Date()) throws -> DutyLogEntry {
        let operation = "add to the duty log"
        let path = self.path
        try refuseNUL(in: Self.texts(draft), operation: operation)
        return try write(operation) { db in
            if let target = draft.corrects,
                try Int64.fetchOne(db, sql: "SELECT id FROM duty_log WHERE id = ?", arguments: [target]) == nil
            {
                throw StoreError.invalidArgument(
                    path: path, operation: operation, reason: "entry \(target), which it corrects, is not in the log")
            }
            return try Self.appendDutyLog(db, draft, recordedAt: recordedAt)
        }
    }

    /// Chains and inserts `draft` inside the caller's transaction.
    static func appendDutyLog(_ db: Database, _ draft: DutyLogEntry, recordedAt: Date) throws -> DutyLogEntry {
        let previous = try String.fetchOne(db, sql: "SELECT last_hash FROM duty_log_head WHERE id = 1")
        var entry = draft
        // Millisecond precision is what the store keeps, so the hash is computed on that.
        entry.time = Date(storeMillis: draft.time.storeMillis)
        entry.recordedAt = Date(storeMillis: recordedAt.storeMillis)
        entry = DutyLogChain.sealed(entry, after: previous ?? DutyLogChain.genesis)
        let fault = entry.fault
        try db.execute(
            sql: """
                INSERT INTO duty_log (unit, day, time, category, text, author, source, device, event, poll, alert,
                    corrects, symptom, cause, handling, participants, result, recorded_at, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.unit, entry.day.description, entry.time.storeMillis, entry.category.rawValue, entry.text,
                entry.author, entry.source.rawValue, entry.device, entry.event, entry.poll, entry.alert,
                entry.corrects, fault?.symptom, fault?.cause, fault?.handling, fault?.participants, fault?.result,
                entry.recordedAt.storeMillis, entry.prevHash, entry.hash,
            ])
        entry.id = db.lastInsertedRowID
        try db.execute(
            sql: """
                INSERT INTO duty_log_head (id, last_entry, last_hash, count) VALUES (1, ?, ?, 1)
                ON CONFLICT (id) DO UPDATE SET last_entry = excluded.last_entry, last_hash = excluded.last_hash,
                    count = duty_log_head.count + 1
                """,
            arguments: [entry.id, entry.hash])
        return entry
    }

    /// The text fields of `entry`, named as its columns, for ``refuseNUL(in:operation:)``.
    ///
    /// SQLite would keep each only up to its first NUL (GRDB binds text as a C string), so an
    /// entry with a NUL would be stored shorter than it was hashed and the chain would report it
    /// edited: the store refuses it, whoever calls it.
    static func texts(_ entry: DutyLogEntry) -> [(field: String, value: String?)] {
        let fault = entry.fault ?? FaultDetails()
        return [
            ("unit", entry.unit), ("category", entry.category.rawValue), ("text", entry.text),
            ("author", entry.author), ("device", entry.device),
        ] + zip(FaultDetails.fieldNames, fault.values).map { (field: $0, value: $1) }
    }

    /// Copies a store event into the duty log as an automatic entry, in the event's transaction.
    ///
    /// An event's message may quote what a device sent; a NUL in it is written as U+FFFD, so the
    /// entry is stored as it is hashed and the event is still logged.
    static func appendAutomaticEntry(_ db: Database, _ event: StoreEvent) throws {
        let unit: String? =
            if let device = event.device {
                try String.fetchOne(db, sql: "SELECT unit FROM devices WHERE name = ?", arguments: [device])
            } else { nil }
        let entry = DutyLogEntry(
            id: 0, unit: unit, day: CalendarDay(event.time, utcOffsetSeconds: try dutyLogUTCOffset(db)),
            time: event.time, category: DutyLogCategory(rawValue: event.type.rawValue),
            text: event.message.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"),
            author: "agent", source: .automatic, device: event.device, event: event.id, poll: event.poll,
            alert: event.alert, recordedAt: Date())
        _ = try appendDutyLog(db, entry, recordedAt: Date())
    }

    /// Brings events written before the duty log existed into it, oldest first.
    static func backfillDutyLog(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT \(eventColumns) FROM events ORDER BY time, id")
        for row in rows {
            let event = try storedEvent(row)
            try appendAutomaticEntry(db, event)
        }
    }

    static func dutyLogUTCOffset(_ db: Database) throws -> Int {
        // No row is a store that never set it: China Standard Time, the documented default. A value
        // that is not an integer fails the read, since every day of the log would shift.
        let row = try Row.fetchOne(
            db, sql: "SELECT value FROM records_settings WHERE key = 'utc_offset_seconds'")
        guard let row else { return 28_800 }
        let text = try row.decode(String.self, "value", in: "records_settings")
        guard let seconds = Int(text) else {
            throw StoredValueError(
                table: "records_settings", column: "value", value: text.databaseValue,
                expected: "a whole number of seconds east of UTC")
        }
        return seconds
    }

    /// Seconds east of UTC at which duty-log days begin (default 28,800, China Standard Time).
    public func dutyLogUTCOffset() throws -> Int {
        try read("read the duty-log settings") { db in try Self.dutyLogUTCOffset(db) }
    }

    /// Sets where duty-log days begin for entries written from now on; earlier entries keep their day.
    public func setDutyLogUTCOffset(seconds: Int) throws {
        try write("change the duty-log settings") { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO records_settings (key, value) VALUES ('utc_offset_seconds', ?)",
                arguments: [String(seconds)])
        }
    }

    /// Duty-log entries in chain order (ascending id), optionally only those of days `from`…`to`
    /// and of one unit.
    public func dutyLog(from: CalendarDay? = nil, to: CalendarDay? = nil, unit: String? = nil) throws -> [DutyLogEntry]
    {
        try read("read the duty log") { db in
            var sql = "SELECT * FROM duty_log WHERE 1"
            var arguments: StatementArguments = []
            if let from {
                sql += " AND day >= ?"
                arguments += [from.description]
            }
            if let to {
                sql += " AND day <= ?"
                arguments += [to.description]
            }
            if let unit {
                sql += " AND unit = ?"
                arguments += [unit]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map {
                try Self.dutyLogEntry($0)
            }
        }
    }

    /// One entry, or `nil` when the log has no entry with that id.
    public func dutyLogEntry(id: Int64) throws -> DutyLogEntry? {
        try read("read duty-log entry \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM duty_log WHERE id = ?", arguments: [id]).map {
                try Self.dutyLogEntry($0)
            }
        }
    }

    /// The whole log and the recorded head, read in one transaction, for verification.
    public func dutyLogChain() throws -> (entries: [DutyLogEntry], head: DutyLogHead?) {
        try read("read the duty log") { db in
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM duty_log ORDER BY id").map {
                try Self.dutyLogEntry($0)
            }
            let head = try Row.fetchOne(db, sql: "SELECT last_entry, last_hash, count FROM duty_log_head").map {
                DutyLogHead(
                    lastEntry: try $0.decode(Int64.self, "last_entry", in: "duty_log_head"),
                    lastHash: try $0.decode(String.self, "last_hash", in: "duty_log_head"),
                    count: try $0.decode(Int.self, "count", in: "duty_log_head"))
            }
            return (entries, head)
        }
    }

    /// A `duty_log` row as an entry. A day that is not a day, or a source no version wrote, fails
    /// the read naming the column: it used to read as 1970-01-01 or `manual`, and a tampered day
    /// would then show in the log as another day. The category is open (``DutyLogCategory``).
    static func dutyLogEntry(_ row: Row) throws -> DutyLogEntry {
        let table = "duty_log"
        func text(_ column: String) throws -> String? { try row.decodeIfPresent(String.self, column, in: table) }
        func id(_ column: String) throws -> Int64? { try row.decodeIfPresent(Int64.self, column, in: table) }
        let fault = FaultDetails(
            symptom: try text("symptom"), cause: try text("cause"), handling: try text("handling"),
            participants: try text("participants"), result: try text("result"))
        return DutyLogEntry(
            id: try row.decode(Int64.self, "id", in: table), unit: try text("unit"),
            day: try row.decode(CalendarDay.self, "day", in: table), time: try row.decodeTime("time", in: table),
            category: DutyLogCategory(rawValue: try row.decode(String.self, "category", in: table)),
            text: try row.decode(String.self, "text", in: table),
            author: try row.decode(String.self, "author", in: table),
            source: try row.decode(DutyLogSource.self, "source", in: table), device: try text("device"),
            event: try id("event"), poll: try id("poll"), alert: try id("alert"), corrects: try id("corrects"),
            fault: fault.isEmpty ? nil : fault, recordedAt: try row.decodeTime("recorded_at", in: table),
            prevHash: try row.decode(String.self, "prev_hash", in: table),
            hash: try row.decode(String.self, "hash", in: table))
    }
}
