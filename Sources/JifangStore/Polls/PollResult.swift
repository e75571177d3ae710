import JifangModel

import struct Foundation.Date

/// What ``Store/record(health:observations:conditions:duration:)`` wrote, for the caller's own
/// follow-up (notifications, duty-log wording).
public struct PollResult: Sendable, Hashable {
    /// The poll's id; every row written for it refers to this id.
    public var pollID: Int64
    /// Alerts this poll raised.
    public var opened: [Alert]
    /// Alerts that were open and are still present; their `lastSeenAt` is this poll's time.
    public var stillOpen: [Alert]
    /// Alerts this poll found absent, with `clearedAt` set to this poll's time.
    public var cleared: [Alert]
    /// The duty-log events written for this poll (alerts opened and cleared, down, up, reboot).
    public var events: [StoreEvent]
}

/// One poll of one device as the store keeps it.
public struct PollRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var device: String
    public var time: Date
    public var reachable: Bool
    public var error: String?
    public var pduCount: Int
    /// Seconds the poll took, when the caller said.
    public var duration: Double?
    public var observationCount: Int
}

/// The findings one poll produced.
public struct PollFindings: Sendable, Hashable, Codable {
    public var poll: Int64
    public var time: Date
    public var findings: [Finding]
}
