import struct Foundation.Date

/// What an alert is about. Thresholds for each live in Policies/thresholds.yaml.
public enum AlertType: String, Sendable, Codable, CaseIterable {
    case unreachable
    case reboot
    case cpu
    case memory
    case temperature
    case upsOnBattery = "ups-on-battery"
    case upsBatteryLow = "ups-battery-low"
    case interfaceDown = "interface-down"
}

public enum AlertSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, critical

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A condition the thresholds say a person should know about, raised by an agent.
///
/// An alert is identified by device, type and subject (an interface or sensor name, or empty);
/// while it stays open, later polls update `lastSeenAt` rather than raising it again.
public struct AlertCondition: Sendable, Hashable, Codable {
    public var device: String
    public var type: AlertType
    /// The interface, sensor or other part concerned; empty for the device as a whole.
    public var subject: String
    public var severity: AlertSeverity
    public var message: String

    public init(device: String, type: AlertType, subject: String = "", severity: AlertSeverity, message: String) {
        self.device = device
        self.type = type
        self.subject = subject
        self.severity = severity
        self.message = message
    }

    /// Identity of the alert across polls.
    public var key: String { "\(device)|\(type.rawValue)|\(subject)" }
}

/// An alert as stored: a condition with its history.
public struct Alert: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var condition: AlertCondition
    public var openedAt: Date
    public var lastSeenAt: Date
    /// `nil` while the alert is open.
    public var clearedAt: Date?
    /// The observation batch (poll) that opened the alert, for traceability.
    public var openedByPoll: Int64?

    public init(
        id: Int64, condition: AlertCondition, openedAt: Date, lastSeenAt: Date, clearedAt: Date? = nil,
        openedByPoll: Int64? = nil
    ) {
        self.id = id
        self.condition = condition
        self.openedAt = openedAt
        self.lastSeenAt = lastSeenAt
        self.clearedAt = clearedAt
        self.openedByPoll = openedByPoll
    }

    public var isOpen: Bool { clearedAt == nil }
}
