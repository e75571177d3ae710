import Foundation
import GRDB
import JifangModel

/// One poll as a bulk import carries it: which device, when, whether it answered, and the spec
/// findings of that poll.
public struct PollImport: Sendable, Hashable {
    public var device: String
    public var time: Date
    public var reachable: Bool
    public var error: String?
    public var findings: [Finding]

    public init(device: String, time: Date, reachable: Bool, error: String? = nil, findings: [Finding] = []) {
        self.device = device
        self.time = time
        self.reachable = reachable
        self.error = error
        self.findings = findings
    }
}

extension Store {
    /// Writes many polls and their findings in one transaction, for loading history in bulk
    /// (a synthetic province, polls carried over from another poller).
    ///
    /// Unlike ``record(health:observations:conditions:duration:)`` it raises no alerts or events
    /// and keeps no latest-health document: it stores the polls and findings, moves each device's
    /// last-poll columns to its newest poll when that is newer than what the device row holds, and
    /// registers each device in the asset register as a poll would. Thousands of polls per call
    /// make it fast; all of them are committed or none.
    ///
    /// - Throws: ``StoreError`` when a poll names a device the store does not know; nothing is
    ///   written then.
    /// - Returns: the number of polls written.
    @discardableResult
    public func importPolls(_ polls: [PollImport]) throws -> Int {
        guard !polls.isEmpty else { return 0 }
        return try write("import \(polls.count) polls") { db in
            let insertPoll = try db.cachedStatement(
                sql: """
                    INSERT INTO polls (device, time, reachable, error, pdu_count, duration, observation_count, uptime_seconds)
                    VALUES (?, ?, ?, ?, 0, NULL, 0, NULL)
                    """)
            let insertFinding = try db.cachedStatement(
                sql: """
                    INSERT INTO findings (poll, ordinal, rule, article, status, message, observed, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            // Per device: newest poll, newest answered poll, oldest answered time.
            var newest: [String: (id: Int64, poll: PollImport)] = [:]
            var newestAnswered: [String: (id: Int64, time: Int64)] = [:]
            var firstAnswered: [String: Int64] = [:]
            for poll in polls {
                let time = poll.time.storeMillis
                insertPoll.setUncheckedArguments([poll.device, time, poll.reachable, poll.error])
                try insertPoll.execute()
                let id = db.lastInsertedRowID
                for (ordinal, finding) in poll.findings.enumerated() {
                    insertFinding.setUncheckedArguments([
                        id, ordinal, finding.rule, finding.article, finding.status.rawValue, finding.message,
                        finding.observed, finding.source,
                    ])
                    try insertFinding.execute()
                }
                if (newest[poll.device]?.poll.time.storeMillis ?? .min) <= time { newest[poll.device] = (id, poll) }
                if poll.reachable {
                    if (newestAnswered[poll.device]?.time ?? .min) <= time { newestAnswered[poll.device] = (id, time) }
                    firstAnswered[poll.device] = min(firstAnswered[poll.device] ?? .max, time)
                }
            }
            let updateLast = try db.cachedStatement(
                sql: """
                    UPDATE devices SET last_poll_id = ?, last_poll_at = ?, last_poll_reachable = ?, last_poll_error = ?
                    WHERE name = ? AND coalesce(last_poll_at, -1) <= ?
                    """)
            let updateSeen = try db.cachedStatement(
                sql: """
                    UPDATE devices SET first_seen = min(coalesce(first_seen, ?), ?),
                        last_reachable_poll_id = CASE WHEN coalesce(last_seen, -1) <= ? THEN ? ELSE last_reachable_poll_id END,
                        last_seen = max(coalesce(last_seen, ?), ?)
                    WHERE name = ?
                    """)
            for (device, last) in newest.sorted(by: { $0.key < $1.key }) {
                let time = last.poll.time.storeMillis
                try updateLast.execute(arguments: [last.id, time, last.poll.reachable, last.poll.error, device, time])
                if let answered = newestAnswered[device], let first = firstAnswered[device] {
                    try updateSeen.execute(arguments: [
                        first, first, answered.time, answered.id, answered.time, answered.time, device,
                    ])
                }
                try Self.syncDeviceAsset(
                    db, device: device, interfaceCount: nil, actor: "poll #\(last.id)", at: last.poll.time)
            }
            return polls.count
        }
    }
}
