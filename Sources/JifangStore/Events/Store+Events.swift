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
            var sql = "SELECT \(Self.eventColumns) FROM events WHERE time >= ?"
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
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.storedEvent($0) }
        }
    }

    /// The columns ``storedEvent(_:)`` reads.
    static let eventColumns = "id, time, device, type, message, poll, alert"

    /// An `events` row as an event. The type is open (``EventType``: other modules add their
    /// own), so any text reads as a type; NULL or a value that is not its column's type fails the
    /// read naming the column.
    static func storedEvent(_ row: Row) throws -> StoreEvent {
        let table = "events"
        return StoreEvent(
            id: try row.decode(Int64.self, "id", in: table), time: try row.decodeTime("time", in: table),
            device: try row.decodeIfPresent(String.self, "device", in: table),
            type: EventType(rawValue: try row.decode(String.self, "type", in: table)),
            message: try row.decode(String.self, "message", in: table),
            poll: try row.decodeIfPresent(Int64.self, "poll", in: table),
            alert: try row.decodeIfPresent(Int64.self, "alert", in: table))
    }
}
