import Foundation
import GRDB

extension Store {
    /// Appends one event to the duty log in its own transaction.
    ///
    /// For events an agent raises itself (a backup finished, a binding was violated); polls write
    /// theirs through ``record(health:observations:conditions:duration:)``.
    /// - Throws: ``StoreError`` when `device`, `poll` or `alert` names a row the store does not have.
    @discardableResult
    public func appendEvent(
        type: EventType, device: String?, message: String, at time: Date = Date(), poll: Int64? = nil,
        alert: Int64? = nil
    ) throws -> StoreEvent {
        try write("write a \(type) event") { db in
            try appendEvent(db, type: type, device: device, message: message, at: time, poll: poll, alert: alert)
        }
    }

    func appendEvent(
        _ db: Database, type: EventType, device: String?, message: String, at time: Date, poll: Int64? = nil,
        alert: Int64? = nil
    ) throws -> StoreEvent {
        try db.execute(
            sql: "INSERT INTO events (time, device, type, message, poll, alert) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [time.storeMillis, device, type.rawValue, message, poll, alert])
        let event = StoreEvent(
            id: db.lastInsertedRowID, time: Date(storeMillis: time.storeMillis), device: device, type: type,
            message: message, poll: poll, alert: alert)
        // Every event is also a duty-log entry, chained in the same transaction.
        try Self.appendAutomaticEntry(db, event)
        return event
    }

    /// Events at or after `since`, oldest first.
    ///
    /// - Parameters:
    ///   - device: only this device's events, or `nil` for all.
    ///   - limit: at most this many (the oldest ones), or `nil` for all.
    public func events(since: Date = .distantPast, device: String? = nil, limit: Int? = nil) throws -> [StoreEvent] {
        try read("read the events") { db in
            var sql = "SELECT id, time, device, type, message, poll, alert FROM events WHERE time >= ?"
            var arguments: StatementArguments = [since.clampedMillis]
            if let device {
                sql += " AND device = ?"
                arguments += [device]
            }
            sql += " ORDER BY time, id"
            if let limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                StoreEvent(
                    id: row[0], time: Date(storeMillis: row[1]), device: row[2], type: EventType(rawValue: row[3]),
                    message: row[4], poll: row[5], alert: row[6])
            }
        }
    }
}
