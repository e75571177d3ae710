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
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                guard let type = ARPEventType(rawValue: row[1]) else { return nil }
                let ip: Int64? = row[2]
                let mac: String? = row[3]
                let bound: String? = row[4]
                let vlan: Int? = row[5]
                let event = ARPEvent(
                    time: Date(storeMillis: row[0]), type: type, ip: ip.map { IPv4Address(rawValue: UInt32($0)) },
                    mac: mac.flatMap(MACAddress.init), boundMAC: bound.flatMap(MACAddress.init),
                    vlan: vlan.map { UInt16($0) }, frame: row[6], message: row[9])
                return LocatedARPEvent(event, switchName: row[7], port: row[8])
            }
        }
    }
}
