import Foundation
import GRDB
import JifangModel

/// Batch queries the compliance scorer runs once per period for all units at once, so evaluating
/// a province is a handful of scans rather than one query per unit and rule.
extension Store {
    /// Whether the store has a table called `name` (older or partial stores may lack one).
    public func hasTable(_ name: String) throws -> Bool {
        try read("look for table \(name)") { db in try db.tableExists(name) }
    }

    /// For every device of `kinds` in a unit, its latest poll in `from..<to` and the clauses it failed there.
    public func deviceSpecFacts(kinds: [String], from: Date, to: Date) throws -> [DeviceSpecFact] {
        try read("read the spec findings") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.name, d.unit, d.kind,
                        (SELECT p.id FROM polls p WHERE p.device = d.name AND p.time >= ? AND p.time < ?
                            AND p.reachable = 1 ORDER BY p.time DESC LIMIT 1) AS poll
                    FROM devices d
                    WHERE d.removed_at IS NULL AND d.unit IS NOT NULL AND d.kind IN (SELECT value FROM json_each(?))
                    ORDER BY d.unit, d.name
                    """, arguments: [from.storeMillis, to.storeMillis, Self.jsonArray(kinds)])
            let findings = try db.makeStatement(
                sql: "SELECT rule, message FROM findings WHERE poll = ? AND status = 'fail' ORDER BY ordinal")
            return try rows.map { row in
                let poll = try row.decodeIfPresent(Int64.self, "poll", in: "polls")
                var failed: [String] = []
                if let poll {
                    failed = try Row.fetchAll(findings, arguments: [poll]).map {
                        "\(try $0.decode(String.self, "rule", in: "findings")): "
                            + (try $0.decode(String.self, "message", in: "findings"))
                    }
                }
                return DeviceSpecFact(
                    unit: try row.decode(String.self, "unit", in: "devices"),
                    device: try row.decode(String.self, "name", in: "devices"),
                    kind: try row.decode(String.self, "kind", in: "devices"), poll: poll, failed: failed)
            }
        }
    }

    /// Reachable polls over all polls in `from..<to` for every device of `kinds` in a unit.
    public func availabilityFacts(kinds: [String], from: Date, to: Date) throws -> [DeviceAvailabilityFact] {
        try read("read the poll availability") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.unit AS unit, d.name AS name, count(p.id) AS poll_count,
                        coalesce(sum(p.reachable), 0) AS reachable_count, min(CASE WHEN p.reachable = 0 THEN p.id END) AS first_miss
                    FROM devices d LEFT JOIN polls p ON p.device = d.name AND p.time >= ? AND p.time < ?
                    WHERE d.removed_at IS NULL AND d.unit IS NOT NULL AND d.kind IN (SELECT value FROM json_each(?))
                    GROUP BY d.name ORDER BY d.unit, d.name
                    """, arguments: [from.storeMillis, to.storeMillis, Self.jsonArray(kinds)]
            ).map { row in
                DeviceAvailabilityFact(
                    unit: try row.decode(String.self, "unit", in: "devices"),
                    device: try row.decode(String.self, "name", in: "devices"),
                    polls: try row.decode(Int.self, "poll_count", in: "polls"),
                    reachable: try row.decode(Int.self, "reachable_count", in: "polls"),
                    firstMiss: try row.decodeIfPresent(Int64.self, "first_miss", in: "polls"))
            }
        }
    }

    /// Unit → day → the first duty-log entry of that day, for days in `from...to`.
    public func dutyLogDays(from: CalendarDay, to: CalendarDay) throws -> [String: [CalendarDay: Int64]] {
        try read("read the duty-log days") { db in
            var result: [String: [CalendarDay: Int64]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT day, unit, min(id) AS id FROM duty_log
                    WHERE day BETWEEN ? AND ? AND unit IS NOT NULL GROUP BY day, unit
                    """, arguments: [from.description, to.description])
            while let row = try rows.next() {
                let day = try row.decode(CalendarDay.self, "day", in: "duty_log")
                result[try row.decode(String.self, "unit", in: "duty_log"), default: [:]][day] =
                    try row.decode(Int64.self, "id", in: "duty_log")
            }
            return result
        }
    }

    /// Fault records of days in `from...to`, each merged with its updates, with the fields still missing.
    public func faultRecordFacts(from: CalendarDay, to: CalendarDay) throws -> [FaultRecordFact] {
        try read("read the fault records") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, unit, day, category, corrects, symptom, cause, handling, participants, result
                    FROM duty_log WHERE day BETWEEN ? AND ? AND category IN ('fault', 'fault-update')
                    ORDER BY id
                    """, arguments: [from.description, to.description])
            var faults: [(id: Int64, unit: String, day: CalendarDay, fields: [String?])] = []
            var index: [Int64: Int] = [:]
            let table = "duty_log"
            for row in rows {
                let fields: [String?] = try FaultDetails.fieldNames.map { name in
                    try row.decodeIfPresent(String.self, name, in: table).flatMap {
                        $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0
                    }
                }
                let id = try row.decode(Int64.self, "id", in: table)
                if try row.decode(String.self, "category", in: table) == "fault" {
                    // A fault of no unit counts for none, as before.
                    guard let unit = try row.decodeIfPresent(String.self, "unit", in: table) else { continue }
                    index[id] = faults.count
                    faults.append((id, unit, try row.decode(CalendarDay.self, "day", in: table), fields))
                } else if let target = try row.decodeIfPresent(Int64.self, "corrects", in: table), let i = index[target]
                {
                    faults[i].fields = zip(faults[i].fields, fields).map { $1 ?? $0 }
                }
            }
            return faults.map { fault in
                let missing = zip(FaultDetails.fieldNames, fault.fields).filter { $0.1 == nil }.map(\.0)
                return FaultRecordFact(id: fault.id, unit: fault.unit, day: fault.day, missing: missing)
            }
        }
    }

    /// Per unit, duty-log entries of days in `from...to` that no supervisor review covers.
    public func unreviewedFacts(from: CalendarDay, to: CalendarDay) throws -> [UnreviewedFact] {
        try read("read the unreviewed duty-log entries") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT unit, count(*) AS entries, min(day) AS day, min(id) AS id FROM duty_log d
                    WHERE day BETWEEN ? AND ? AND unit IS NOT NULL AND category != 'review'
                        AND NOT EXISTS (SELECT 1 FROM duty_log_review_entries r WHERE r.entry = d.id)
                    GROUP BY unit
                    """, arguments: [from.description, to.description]
            ).map { row in
                UnreviewedFact(
                    unit: try row.decode(String.self, "unit", in: "duty_log"),
                    count: try row.decode(Int.self, "entries", in: "duty_log"),
                    firstDay: try row.decode(CalendarDay.self, "day", in: "duty_log"),
                    firstEntry: try row.decode(Int64.self, "id", in: "duty_log"))
            }
        }
    }

    /// Unit → (day, entry) of duty-log entries in `from...to` whose text contains any of `keywords`.
    public func dutyLogMatches(keywords: [String], from: CalendarDay, to: CalendarDay) throws
        -> [String: [(day: CalendarDay, entry: Int64)]]
    {
        try read("search the duty log") { db in
            guard !keywords.isEmpty else { return [:] }
            let condition = keywords.map { _ in "instr(lower(text), ?) > 0" }.joined(separator: " OR ")
            var result: [String: [(day: CalendarDay, entry: Int64)]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT unit, day, id FROM duty_log WHERE day BETWEEN ? AND ? AND unit IS NOT NULL AND (\(condition))
                    ORDER BY day, id
                    """,
                arguments: StatementArguments([from.description, to.description] + keywords.map { $0.lowercased() }))
            while let row = try rows.next() {
                let day = try row.decode(CalendarDay.self, "day", in: "duty_log")
                result[try row.decode(String.self, "unit", in: "duty_log"), default: []].append(
                    (day, try row.decode(Int64.self, "id", in: "duty_log")))
            }
            return result
        }
    }

    /// Asset tag → the days it was powered on (Art. 137).
    public func powerOnDays() throws -> [String: [CalendarDay]] {
        try read("read the power-on runs") { db in
            var result: [String: [CalendarDay]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT asset, day FROM asset_power_on_runs ORDER BY day") {
                result[try row.decode(String.self, "asset", in: "asset_power_on_runs"), default: []].append(
                    try row.decode(CalendarDay.self, "day", in: "asset_power_on_runs"))
            }
            return result
        }
    }

    /// Tags of assets with a scrap record (Art. 139).
    public func scrappedAssetTags() throws -> Set<String> {
        try read("read the scrap records") { db in
            Set(
                try Row.fetchAll(db, sql: "SELECT asset FROM scrap_records").map {
                    try $0.decode(String.self, "asset", in: "scrap_records")
                })
        }
    }

    /// IP addresses seen in ARP traffic at some time in `from..<to`.
    public func arpAddressesSeen(from: Date, to: Date) throws -> Set<IPv4Address> {
        try read("read the ARP pairs") { db in
            Set(
                try Row.fetchAll(
                    db, sql: "SELECT DISTINCT ip FROM arp_pairs WHERE last_seen >= ? AND first_seen < ?",
                    arguments: [from.storeMillis, to.storeMillis]
                ).map { try $0.decode(IPv4Address.self, "ip", in: "arp_pairs") })
        }
    }

    /// Binding violations in `from..<to` and whether each was handled.
    public func violationFacts(from: Date, to: Date) throws -> [ViolationFact] {
        try read("read the binding violations") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.event AS event, e.ip AS ip, e.time AS time,
                        EXISTS (SELECT 1 FROM port_actions a WHERE a.event = e.event)
                        OR EXISTS (SELECT 1 FROM binding_history h WHERE h.ip = e.ip AND h.time >= e.time) AS handled
                    FROM arp_events e
                    WHERE e.time >= ? AND e.time < ? AND e.ip IS NOT NULL
                        AND e.type IN ('binding-violation', 'gratuitous-wrong-mac', 'ethernet-arp-mismatch')
                    ORDER BY e.time
                    """, arguments: [from.storeMillis, to.storeMillis]
            ).map { row in
                ViolationFact(
                    event: try row.decode(Int64.self, "event", in: "arp_events"),
                    ip: try row.decode(IPv4Address.self, "ip", in: "arp_events"),
                    time: Date(storeMillis: try row.decode(Int64.self, "time", in: "arp_events")),
                    handled: try row.decode(Bool.self, "handled", in: "arp_events"))
            }
        }
    }
}
