/// Where a UPS's output power comes from (RFC 1628 `upsOutputSource`, APC `upsBasicOutputStatus`).
public enum UPSOutputSource: String, Sendable, Codable {
    case online, battery, bypass, booster, reducer, none, other
}

/// A UPS's state, from RFC 1628 UPS-MIB or APC PowerNet-MIB. Every field is `nil` when the
/// device does not report it.
public struct UPSStatus: Sendable, Hashable, Codable {
    public var batteryChargePercent: Double?
    public var runtimeMinutes: Double?
    public var outputSource: UPSOutputSource?
    public var loadPercent: Double?
    public var inputVoltage: Double?
    public var outputVoltage: Double?
    public var batteryTemperatureCelsius: Double?
    public var ratedVA: Double?
    /// RFC 1628 `upsBatteryStatus`: normal, low, depleted, unknown.
    public var batteryStatus: String?

    public init(
        batteryChargePercent: Double? = nil, runtimeMinutes: Double? = nil, outputSource: UPSOutputSource? = nil,
        loadPercent: Double? = nil, inputVoltage: Double? = nil, outputVoltage: Double? = nil,
        batteryTemperatureCelsius: Double? = nil, ratedVA: Double? = nil, batteryStatus: String? = nil
    ) {
        self.batteryChargePercent = batteryChargePercent
        self.runtimeMinutes = runtimeMinutes
        self.outputSource = outputSource
        self.loadPercent = loadPercent
        self.inputVoltage = inputVoltage
        self.outputVoltage = outputVoltage
        self.batteryTemperatureCelsius = batteryTemperatureCelsius
        self.ratedVA = ratedVA
        self.batteryStatus = batteryStatus
    }
}

/// A firewall's load, from vendor MIBs. `nil` where the device does not report it.
public struct FirewallStatus: Sendable, Hashable, Codable {
    public var sessions: Int?
    public var vpnTunnels: Int?

    public init(sessions: Int? = nil, vpnTunnels: Int? = nil) {
        self.sessions = sessions
        self.vpnTunnels = vpnTunnels
    }
}

/// One entry of HOST-RESOURCES-MIB `hrStorageTable` (or a vendor equivalent).
public struct StorageStatus: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case ram, virtualMemory, fixedDisk, removableDisk, flash, other }
    public var kind: Kind
    public var description: String
    public var sizeBytes: UInt64
    public var usedBytes: UInt64

    public init(kind: Kind, description: String, sizeBytes: UInt64, usedBytes: UInt64) {
        self.kind = kind
        self.description = description
        self.sizeBytes = sizeBytes
        self.usedBytes = usedBytes
    }
}
