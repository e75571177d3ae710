import Foundation
import GRDB
import JifangModel

/// Duty-log event types of port enforcement.
extension EventType {
    public static let portShutdown: EventType = "port-shutdown"
    public static let portShutdownDryRun: EventType = "port-shutdown-dry-run"
    public static let portShutdownRefused: EventType = "port-shutdown-refused"
    public static let portReleased: EventType = "port-released"
}

extension Store {
    /// Records a shutdown, dry run or refusal with its duty-log event; returns it with its id.
    @discardableResult
    public func recordPortAction(_ action: PortAction) throws -> PortAction {
        try write("record a port action") { db in
            let (type, verb): (EventType, String) =
                switch action.state {
                case .shutdown: (.portShutdown, "shut down")
                case .dryRun: (.portShutdownDryRun, "would shut down (dry run, enforce is off)")
                case .refused: (.portShutdownRefused, "refused to shut down")
                }
            let station = [action.ip?.description, action.mac?.description].compactMap { $0 }.joined(separator: " ")
            let message =
                "Port \(action.portDescription) \(verb)" + (station.isEmpty ? "" : " for \(station)")
                + ": \(action.reason)"
            let event = try appendEvent(
                db, type: type, device: try Self.knownDevice(db, action.device), message: message, at: action.time)
            try db.execute(
                sql: """
                    INSERT INTO port_actions (time, device, if_index, if_name, mac, ip, previous_status, state, reason,
                        released_at, event)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    action.time.storeMillis, action.device, action.ifIndex, action.ifName, action.mac?.description,
                    action.ip.map { Int64($0.rawValue) }, action.previousStatus, action.state.rawValue, action.reason,
                    action.releasedAt?.storeMillis, event.id,
                ])
            var stored = action
            stored.id = db.lastInsertedRowID
            stored.time = Date(storeMillis: action.time.storeMillis)
            return stored
        }
    }

    /// Port actions, newest first; only shutdowns still in force when `activeOnly`.
    public func portActions(activeOnly: Bool = false, device: String? = nil) throws -> [PortAction] {
        try read("read port actions") { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if activeOnly { conditions.append("state = 'shutdown' AND released_at IS NULL") }
            if let device {
                conditions.append("device = ?")
                arguments += [device]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, time, device, if_index, if_name, mac, ip, previous_status, state, reason, released_at
                    FROM port_actions \(filter) ORDER BY time DESC, id DESC
                    """, arguments: arguments
            ).map { row in
                let table = "port_actions"
                let released = try row.decodeIfPresent(Int64.self, "released_at", in: table)
                return PortAction(
                    id: try row.decode(Int64.self, "id", in: table),
                    time: Date(storeMillis: try row.decode(Int64.self, "time", in: table)),
                    device: try row.decode(String.self, "device", in: table),
                    ifIndex: try row.decode(Int.self, "if_index", in: table),
                    ifName: try row.decodeIfPresent(String.self, "if_name", in: table),
                    mac: try row.decodeIfPresent(MACAddress.self, "mac", in: table),
                    ip: try row.decodeIfPresent(IPv4Address.self, "ip", in: table),
                    previousStatus: try row.decodeIfPresent(Int.self, "previous_status", in: table),
                    state: PortAction.State(rawValue: try row.decode(String.self, "state", in: table)) ?? .refused,
                    reason: try row.decode(String.self, "reason", in: table),
                    releasedAt: released.map { Date(storeMillis: $0) })
            }
        }
    }

    /// Marks a shutdown released (after its port was set back) with a `port-released` event.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when `id` is not a
    ///   shutdown still in force.
    @discardableResult
    public func markPortReleased(id: Int64, actor: String? = nil, at time: Date = Date()) throws -> PortAction {
        let path = self.path
        guard let action = try portActions(activeOnly: true).first(where: { $0.id == id }) else {
            throw StoreError.invalidArgument(
                path: path, operation: "release a port",
                reason: "\(id) is not a port shutdown in force; `jifang bindings release --list` shows them")
        }
        return try write("release a port") { db in
            try db.execute(
                sql: "UPDATE port_actions SET released_at = ? WHERE id = ?", arguments: [time.storeMillis, id])
            _ = try appendEvent(
                db, type: .portReleased, device: try Self.knownDevice(db, action.device),
                message: "Port \(action.portDescription) released (shutdown \(id) undone)"
                    + (actor.map { " by \($0)" } ?? ""), at: time)
            var released = action
            released.releasedAt = Date(storeMillis: time.storeMillis)
            return released
        }
    }
}
