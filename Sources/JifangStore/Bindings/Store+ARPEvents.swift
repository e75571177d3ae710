import Foundation
import GRDB
import JifangModel

extension Store {
    /// Writes ARP watcher events to the duty log (event type = the ARP event type) with their
    /// details (IP, MACs, VLAN, frame, switch and port), all in one transaction.
    ///
    /// - Parameter capture: the interface or file the events come from.
    /// - Returns: the duty-log ids of the events, in order.
    @discardableResult
    public func recordARPEvents(_ events: [LocatedARPEvent], capture: String? = nil) throws -> [Int64] {
        guard !events.isEmpty else { return [] }
        return try write("record ARP events") { db in
            let detail = try db.cachedStatement(
                sql: """
                    INSERT INTO arp_events (event, time, type, ip, mac, bound_mac, vlan, frame, capture, switch, port,
                        message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            var ids: [Int64] = []
            ids.reserveCapacity(events.count)
            for located in events {
                let event = located.event
                var message = event.message
                if let name = located.switchName {
                    message += " (on \(name)" + (located.port.map { " port \($0)" } ?? "") + ")"
                }
                if let capture, let frame = event.frame { message += " [\(capture) frame \(frame)]" }
                let row = try appendEvent(
                    db, type: EventType(event.type.rawValue), device: try Self.knownDevice(db, located.switchName),
                    message: message, at: event.time)
                try detail.execute(arguments: [
                    row.id, event.time.storeMillis, event.type.rawValue, event.ip.map { Int64($0.rawValue) },
                    event.mac?.description, event.boundMAC?.description, event.vlan.map { Int($0) }, event.frame,
                    capture, located.switchName, located.port, event.message,
                ])
                ids.append(row.id)
            }
            return ids
        }
    }

    /// Stored ARP events at or after `since`, oldest first, at most `limit` of them.
    public func arpEvents(since: Date = .distantPast, limit: Int? = nil) throws -> [LocatedARPEvent] {
        try read("read ARP events") { db in
            var sql = """
                SELECT time, type, ip, mac, bound_mac, vlan, frame, switch, port, message FROM arp_events
                WHERE time >= ? ORDER BY time, event
                """
            var arguments: StatementArguments = [since.clampedMillis]
            if let limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            let table = "arp_events"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                // A type this build does not know (a newer watcher's) is left out, as before.
                guard let type = ARPEventType(rawValue: try row.decode(String.self, "type", in: table)) else {
                    return nil
                }
                let event = ARPEvent(
                    time: Date(storeMillis: try row.decode(Int64.self, "time", in: table)), type: type,
                    ip: try row.decodeIfPresent(IPv4Address.self, "ip", in: table),
                    mac: try row.decodeIfPresent(MACAddress.self, "mac", in: table),
                    boundMAC: try row.decodeIfPresent(MACAddress.self, "bound_mac", in: table),
                    vlan: try row.decodeIfPresent(UInt16.self, "vlan", in: table),
                    frame: try row.decodeIfPresent(Int.self, "frame", in: table),
                    message: try row.decode(String.self, "message", in: table))
                return LocatedARPEvent(
                    event, switchName: try row.decodeIfPresent(String.self, "switch", in: table),
                    port: try row.decodeIfPresent(String.self, "port", in: table))
            }
        }
    }
}
