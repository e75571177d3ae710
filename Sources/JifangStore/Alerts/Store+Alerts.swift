import Foundation
import GRDB
import JifangModel

extension Store {
    /// Opens, refreshes and clears the device's alerts against the conditions of one poll.
    func reconcileAlerts(_ db: Database, device: String, conditions: [AlertCondition], at date: Date, poll: Int64)
        throws -> PollResult
    {
        let time = date.storeMillis
        let open = try Row.fetchAll(
            db, sql: "SELECT * FROM alerts WHERE device = ? AND cleared_at IS NULL", arguments: [device]
        ).map { try Self.alert($0) }
        var openByKey = Dictionary(open.map { ($0.condition.key, $0) }, uniquingKeysWith: { first, _ in first })
        // The last condition given for a key wins, as a poll may list one twice.
        var present: [String: AlertCondition] = [:]
        var order: [String] = []
        for condition in conditions {
            if present.updateValue(condition, forKey: condition.key) == nil { order.append(condition.key) }
        }
        var result = PollResult(pollID: poll, opened: [], stillOpen: [], cleared: [], events: [])
        // Every key of `order` is in `present`; the guard only keeps a slip from trapping.
        for key in order {
            guard let condition = present[key] else { continue }
            if var alert = openByKey.removeValue(forKey: key) {
                try db.execute(
                    sql: """
                        UPDATE alerts SET last_seen_at = ?, last_seen_poll = ?, severity = ?, message = ? WHERE id = ?
                        """,
                    arguments: [time, poll, condition.severity.rawValue, condition.message, alert.id])
                alert.lastSeenAt = Date(storeMillis: time)
                alert.condition = condition
                result.stillOpen.append(alert)
                continue
            }
            try db.execute(
                sql: """
                    INSERT INTO alerts (key, device, type, subject, severity, message, opened_at, last_seen_at,
                        opened_by_poll, last_seen_poll)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key, condition.device, condition.type.rawValue, condition.subject, condition.severity.rawValue,
                    condition.message, time, time, poll, poll,
                ])
            let alert = Alert(
                id: db.lastInsertedRowID, condition: condition, openedAt: Date(storeMillis: time),
                lastSeenAt: Date(storeMillis: time), openedByPoll: poll)
            result.opened.append(alert)
            result.events.append(
                try appendEvent(
                    db, type: .alertOpened, device: condition.device,
                    message: "\(condition.severity.rawValue.capitalized) alert: \(condition.message)", at: date,
                    poll: poll, alert: alert.id))
        }
        for var alert in openByKey.values.sorted(by: { $0.id < $1.id }) {
            try db.execute(
                sql: "UPDATE alerts SET cleared_at = ?, cleared_by_poll = ? WHERE id = ?",
                arguments: [time, poll, alert.id])
            alert.clearedAt = Date(storeMillis: time)
            result.cleared.append(alert)
            result.events.append(
                try appendEvent(
                    db, type: .alertCleared, device: alert.condition.device,
                    message: "Cleared: \(alert.condition.message)", at: date, poll: poll, alert: alert.id))
        }
        return result
    }

    /// Alerts, newest first.
    ///
    /// - Parameters:
    ///   - openOnly: only alerts not cleared yet; otherwise the whole history.
    ///   - device: only this device's alerts, or `nil` for all.
    public func alerts(openOnly: Bool = false, device: String? = nil) throws -> [Alert] {
        try read("read the alerts") { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if openOnly { clauses.append("cleared_at IS NULL") }
            if let device {
                clauses.append("device = ?")
                arguments += [device]
            }
            let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM alerts \(filter) ORDER BY opened_at DESC, id DESC", arguments: arguments
            ).map { try Self.alert($0) }
        }
    }

    /// An `alerts` row as an alert; a type or severity no version wrote fails the read naming the
    /// column instead of reading as `unreachable` or `warning` (and being reconciled as one).
    static func alert(_ row: Row) throws -> Alert {
        let table = "alerts"
        let condition = AlertCondition(
            device: try row.decode(String.self, "device", in: table),
            type: try row.decode(AlertType.self, "type", in: table),
            subject: try row.decode(String.self, "subject", in: table),
            severity: try row.decode(AlertSeverity.self, "severity", in: table),
            message: try row.decode(String.self, "message", in: table))
        return Alert(
            id: try row.decode(Int64.self, "id", in: table), condition: condition,
            openedAt: try row.decodeTime("opened_at", in: table),
            lastSeenAt: try row.decodeTime("last_seen_at", in: table),
            clearedAt: try row.decodeTimeIfPresent("cleared_at", in: table),
            openedByPoll: try row.decodeIfPresent(Int64.self, "opened_by_poll", in: table))
    }
}
