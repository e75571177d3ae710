import Foundation
import JifangModel

/// A port shutdown the enforcer did, would have done (dry run), or refused, and its release.
public struct PortAction: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        /// ifAdminStatus was set down.
        case shutdown
        /// The policy does not enforce: nothing was set, the action is logged only.
        case dryRun = "dry-run"
        /// The port is an uplink/trunk or otherwise must not be touched.
        case refused
    }

    /// Assigned by the store; 0 before ``Store/recordPortAction(_:)``.
    public var id: Int64
    public var time: Date
    /// The switch, by inventory name.
    public var device: String
    public var ifIndex: Int
    public var ifName: String?
    /// The offending station.
    public var mac: MACAddress?
    public var ip: IPv4Address?
    /// ifAdminStatus before the shutdown (1 up, 2 down), restored by a release.
    public var previousStatus: Int?
    public var state: State
    /// Why: the violation that caused it, or why it was refused.
    public var reason: String
    /// When the port was brought back, for a `shutdown` that was released.
    public var releasedAt: Date?

    public init(
        id: Int64 = 0, time: Date, device: String, ifIndex: Int, ifName: String? = nil, mac: MACAddress? = nil,
        ip: IPv4Address? = nil, previousStatus: Int? = nil, state: State, reason: String, releasedAt: Date? = nil
    ) {
        self.id = id
        self.time = time
        self.device = device
        self.ifIndex = ifIndex
        self.ifName = ifName
        self.mac = mac
        self.ip = ip
        self.previousStatus = previousStatus
        self.state = state
        self.reason = reason
        self.releasedAt = releasedAt
    }

    /// A shutdown still in force.
    public var isActive: Bool { state == .shutdown && releasedAt == nil }

    /// `core-switch GigabitEthernet0/0/7 (ifIndex 7)`.
    public var portDescription: String {
        "\(device) \(ifName ?? "ifIndex \(ifIndex)")" + (ifName == nil ? "" : " (ifIndex \(ifIndex))")
    }
}
