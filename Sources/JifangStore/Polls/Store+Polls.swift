import Foundation
import GRDB
import JifangModel

extension Store {
    /// Polls of one device with `from <= time < to`, oldest first.
    public func polls(device: String, from: Date = .distantPast, to: Date = .distantFuture) throws -> [PollRecord] {
        try read("read the polls of \(device)") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, device, time, reachable, error, pdu_count, duration, observation_count FROM polls
                    WHERE device = ? AND time >= ? AND time < ? ORDER BY time, id
                    """,
                arguments: [device, from.clampedMillis, to.clampedMillis]
            ).map { row in
                let table = "polls"
                return PollRecord(
                    id: try row.decode(Int64.self, "id", in: table),
                    device: try row.decode(String.self, "device", in: table),
                    time: try row.decodeTime("time", in: table),
                    reachable: try row.decode(Bool.self, "reachable", in: table),
                    error: try row.decodeIfPresent(String.self, "error", in: table),
                    pduCount: try row.decode(Int.self, "pdu_count", in: table),
                    duration: try row.decodeIfPresent(Double.self, "duration", in: table),
                    observationCount: try row.decode(Int.self, "observation_count", in: table))
            }
        }
    }

    /// How many of the device's most recent polls in a row found it unreachable; 0 when the last
    /// poll got an answer or there was none.
    public func consecutiveFailures(device: String) throws -> Int {
        try read("count the failed polls of \(device)") { db in
            let lastAnswered = try Int64.fetchOne(
                db, sql: "SELECT MAX(id) FROM polls WHERE device = ? AND reachable = 1", arguments: [device])
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM polls WHERE device = ? AND reachable = 0 AND id > ?",
                arguments: [device, lastAnswered ?? 0]) ?? 0
        }
    }

    /// The full health of the device's most recent poll, answered or not; `nil` before its first poll.
    public func latestHealth(device: String) throws -> DeviceHealth? {
        try read("read the latest health of \(device)") { db in
            try Data.fetchOne(db, sql: "SELECT json FROM device_health WHERE device = ?", arguments: [device])
                .map { try JSONDecoder().decode(DeviceHealth.self, from: $0) }
        }
    }

    /// The latest health of every polled device, by name.
    public func latestHealth() throws -> [DeviceHealth] {
        try read("read the latest health of the devices") { db in
            try Data.fetchAll(db, sql: "SELECT json FROM device_health ORDER BY device")
                .map { try JSONDecoder().decode(DeviceHealth.self, from: $0) }
        }
    }

    /// The findings of the device's most recent answered poll (a poll without an answer checks
    /// nothing); empty before the first.
    public func findings(device: String) throws -> [Finding] {
        try read("read the findings of \(device)") { db in
            let poll = try Int64.fetchOne(
                db, sql: "SELECT last_reachable_poll_id FROM devices WHERE name = ?", arguments: [device])
            guard let poll else { return [] }
            return try Self.findings(db, poll: poll)
        }
    }

    /// The findings of each answered poll of the device with `from <= time < to`, oldest first.
    public func findingHistory(device: String, from: Date = .distantPast, to: Date = .distantFuture) throws
        -> [PollFindings]
    {
        try read("read the finding history of \(device)") { db in
            let polls = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, time FROM polls WHERE device = ? AND reachable AND time >= ? AND time < ?
                    ORDER BY time, id
                    """,
                arguments: [device, from.clampedMillis, to.clampedMillis])
            return try polls.map { row in
                let poll = try row.decode(Int64.self, "id", in: "polls")
                return PollFindings(
                    poll: poll, time: try row.decodeTime("time", in: "polls"),
                    findings: try Self.findings(db, poll: poll))
            }
        }
    }

    private static func findings(_ db: Database, poll: Int64) throws -> [Finding] {
        try Row.fetchAll(
            db,
            sql:
                "SELECT rule, article, status, message, observed, source FROM findings WHERE poll = ? ORDER BY ordinal",
            arguments: [poll]
        ).map { row in
            // A status no version wrote fails the read rather than reading as `unknown`.
            let table = "findings"
            return Finding(
                rule: try row.decode(String.self, "rule", in: table),
                article: try row.decodeIfPresent(String.self, "article", in: table),
                status: try row.decode(FindingStatus.self, "status", in: table),
                message: try row.decode(String.self, "message", in: table),
                observed: try row.decodeIfPresent(String.self, "observed", in: table),
                source: try row.decodeIfPresent(String.self, "source", in: table))
        }
    }
}
