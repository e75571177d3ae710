import struct Foundation.Date

/// Everything one poll learned about one device.
///
/// A value the device did not report is `nil` (or an empty list), never a default. When the
/// device did not answer at all, `reachable` is `false`, `error` says why, and the rest is empty.
public struct DeviceHealth: Sendable, Hashable, Codable {
    /// The device polled, without its credentials: this value is stored and served as JSON.
    /// Rows written before credentials left it held a `credentials` key; decoding ignores it.
    public var device: DeviceProfile
    public var polledAt: Date
    public var reachable: Bool
    /// Why the poll failed or was partial, in a sentence a person can act on.
    public var error: String?
    public var system: SystemInfo
    public var identity: DeviceIdentity
    public var interfaces: [InterfaceStatus]
    public var cpuPercent: Double?
    public var memoryPercent: Double?
    public var storage: [StorageStatus]
    public var sensors: [Sensor]
    public var ups: UPSStatus?
    public var firewall: FirewallStatus?
    /// Facts the device reported, for spec clauses (see ``FactKey``).
    public var facts: DeviceFacts
    /// Spec and threshold findings computed for this poll.
    public var findings: [Finding]
    /// PDUs exchanged for this poll, for benchmarks and diagnostics.
    public var pduCount: Int
    /// Values the device sent outside what their MIB allows, dropped from this result; `nil` when
    /// every value decoded (and in polls stored before Jifang recorded them).
    public var decodeProblems: [DecodeProblem]?

    public init(device: DeviceProfile, polledAt: Date, reachable: Bool, error: String? = nil) {
        self.device = device
        self.polledAt = polledAt
        self.reachable = reachable
        self.error = error
        self.system = SystemInfo()
        self.identity = DeviceIdentity(kind: device.declaredKind ?? .other)
        self.interfaces = []
        self.storage = []
        self.sensors = []
        self.facts = DeviceFacts()
        self.findings = []
        self.pduCount = 0
    }
}

extension DeviceHealth {
    /// The health of a poll of an inventory device; only its ``Device/profile`` is kept, never
    /// its credentials.
    public init(device: Device, polledAt: Date, reachable: Bool, error: String? = nil) {
        self.init(device: device.profile, polledAt: polledAt, reachable: reachable, error: error)
    }
}
