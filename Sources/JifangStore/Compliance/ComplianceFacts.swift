import Foundation
import JifangModel

/// The latest poll of a device within a period and the spec clauses it failed.
public struct DeviceSpecFact: Sendable, Hashable {
    public var unit: String
    public var device: String
    public var kind: String
    /// `nil` when the device was not polled in the period.
    public var poll: Int64?
    /// `rule: message` of each failed clause at that poll.
    public var failed: [String]
}

/// How often a device answered its polls within a period.
public struct DeviceAvailabilityFact: Sendable, Hashable {
    public var unit: String
    public var device: String
    public var polls: Int
    public var reachable: Int
    /// The first unreachable poll, as evidence.
    public var firstMiss: Int64?
}

/// A major-fault record (Art. 105) with its updates merged.
public struct FaultRecordFact: Sendable, Hashable {
    public var id: Int64
    public var unit: String
    public var day: CalendarDay
    public var missing: [String]
}

/// Duty-log entries of one unit not covered by any supervisor review.
public struct UnreviewedFact: Sendable, Hashable {
    public var unit: String
    public var count: Int
    public var firstDay: CalendarDay
    public var firstEntry: Int64
}

/// A binding violation (ARP event) and whether anything was done about it.
public struct ViolationFact: Sendable, Hashable {
    public var event: Int64
    public var ip: IPv4Address
    public var time: Date
    /// A port was shut for it, or the IP's binding changed after it.
    public var handled: Bool
}
