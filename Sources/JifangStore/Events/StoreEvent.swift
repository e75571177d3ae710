import struct Foundation.Date

/// What kind of thing happened, as the duty log shows it (`alert-opened`, `device-down`, …).
///
/// An open set: agents that write their own events (backups, bindings) add names with
/// `EventType("backup-done")` rather than changing this module.
public struct EventType: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static let alertOpened: EventType = "alert-opened"
    public static let alertCleared: EventType = "alert-cleared"
    public static let deviceDown: EventType = "device-down"
    public static let deviceUp: EventType = "device-up"
    public static let reboot: EventType = "reboot"
    public static let deviceAdded: EventType = "device-added"
    public static let deviceRemoved: EventType = "device-removed"
}

/// One automatic entry of the duty log, traceable to the poll and alert that caused it.
public struct StoreEvent: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var time: Date
    /// The device concerned, `nil` for events about the site as a whole.
    public var device: String?
    public var type: EventType
    /// A sentence a person reads in the duty log.
    public var message: String
    /// The poll (observation batch) that caused the event, if a poll did.
    public var poll: Int64?
    /// The alert the event opened or cleared, if any.
    public var alert: Int64?

    public init(
        id: Int64, time: Date, device: String?, type: EventType, message: String, poll: Int64? = nil,
        alert: Int64? = nil
    ) {
        self.id = id
        self.time = time
        self.device = device
        self.type = type
        self.message = message
        self.poll = poll
        self.alert = alert
    }
}
