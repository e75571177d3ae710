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
                let poll: Int64? = row["poll"]
                var failed: [String] = []
                if let poll {
                    failed = try Row.fetchAll(findings, arguments: [poll]).map {
                        "\($0[0] as String): \($0[1] as String)"
                    }
                }
                return DeviceSpecFact(
                    unit: row["unit"], device: row["name"], kind: row["kind"], poll: poll, failed: failed)
            }
        }
    }

    /// Reachable polls over all polls in `from..<to` for every device of `kinds` in a unit.
    public func availabilityFacts(kinds: [String], from: Date, to: Date) throws -> [DeviceAvailabilityFact] {
        try read("read the poll availability") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.unit, d.name, count(p.id), coalesce(sum(p.reachable), 0),
                        min(CASE WHEN p.reachable = 0 THEN p.id END)
                    FROM devices d LEFT JOIN polls p ON p.device = d.name AND p.time >= ? AND p.time < ?
                    WHERE d.removed_at IS NULL AND d.unit IS NOT NULL AND d.kind IN (SELECT value FROM json_each(?))
                    GROUP BY d.name ORDER BY d.unit, d.name
                    """, arguments: [from.storeMillis, to.storeMillis, Self.jsonArray(kinds)]
            ).map { row in
                DeviceAvailabilityFact(
                    unit: row[0], device: row[1], polls: row[2], reachable: row[3], firstMiss: row[4])
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
                    SELECT day, unit, min(id) FROM duty_log WHERE day BETWEEN ? AND ? AND unit IS NOT NULL
                    GROUP BY day, unit
                    """, arguments: [from.description, to.description])
            while let row = try rows.next() {
                guard let day = CalendarDay(row[0] as String) else { continue }
                result[row[1], default: [:]][day] = row[2]
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
            for row in rows {
                let fields: [String?] = FaultDetails.fieldNames.map { name in
                    (row[name] as String?).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                }
                let id: Int64 = row["id"]
                if (row["category"] as String) == "fault" {
                    guard let unit: String = row["unit"], let day = CalendarDay(row["day"] as String) else { continue }
                    index[id] = faults.count
                    faults.append((id, unit, day, fields))
                } else if let target: Int64 = row["corrects"], let i = index[target] {
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
                    SELECT unit, count(*), min(day), min(id) FROM duty_log d
                    WHERE day BETWEEN ? AND ? AND unit IS NOT NULL AND category != 'review'
                        AND NOT EXISTS (SELECT 1 FROM duty_log_review_entries r WHERE r.entry = d.id)
                    GROUP BY unit
                    """, arguments: [from.description, to.description]
            ).compactMap { row in
                guard let day = CalendarDay(row[2] as String) else { return nil }
                return UnreviewedFact(unit: row[0], count: row[1], firstDay: day, firstEntry: row[3])
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
                guard let day = CalendarDay(row[1] as String) else { continue }
                result[row[0], default: []].append((day, row[2]))
            }
            return result
        }
    }

    /// Asset tag → the days it was powered on (Art. 137).
    public func powerOnDays() throws -> [String: [CalendarDay]] {
        try read("read the power-on runs") { db in
            var result: [String: [CalendarDay]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT asset, day FROM asset_power_on_runs ORDER BY day") {
                if let day = CalendarDay(row[1] as String) { result[row[0], default: []].append(day) }
            }
            return result
        }
    }

    /// Tags of assets with a scrap record (Art. 139).
    public func scrappedAssetTags() throws -> Set<String> {
        try read("read the scrap records") { db in try Set(String.fetchAll(db, sql: "SELECT asset FROM scrap_records"))
        }
    }

    /// IP addresses seen in ARP traffic at some time in `from..<to`.
    public func arpAddressesSeen(from: Date, to: Date) throws -> Set<IPv4Address> {
        try read("read the ARP pairs") { db in
            Set(
                try Int64.fetchAll(
                    db, sql: "SELECT DISTINCT ip FROM arp_pairs WHERE last_seen >= ? AND first_seen < ?",
                    arguments: [from.storeMillis, to.storeMillis]
                ).map { IPv4Address(rawValue: UInt32($0)) })
        }
    }

    /// Binding violations in `from..<to` and whether each was handled.
    public func violationFacts(from: Date, to: Date) throws -> [ViolationFact] {
        try read("read the binding violations") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.event, e.ip, e.time,
                        EXISTS (SELECT 1 FROM port_actions a WHERE a.event = e.event)
                        OR EXISTS (SELECT 1 FROM binding_history h WHERE h.ip = e.ip AND h.time >= e.time) AS handled
                    FROM arp_events e
                    WHERE e.time >= ? AND e.time < ? AND e.ip IS NOT NULL
                        AND e.type IN ('binding-violation', 'gratuitous-wrong-mac', 'ethernet-arp-mismatch')
                    ORDER BY e.time
                    """, arguments: [from.storeMillis, to.storeMillis]
            ).map { row in
                ViolationFact(
                    event: row[0], ip: IPv4Address(rawValue: UInt32(row[1] as Int64)), time: Date(storeMillis: row[2]),
                    handled: row[3])
            }
        }
    }
}
