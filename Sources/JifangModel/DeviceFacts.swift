/// One fact about a device that a spec clause can test.
public enum FactValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Double)
    case flag(Bool)
    case text(String)
    case list([String])

    public var description: String {
        switch self {
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .flag(let b): b ? "yes" : "no"
        case .text(let s): s
        case .list(let l): l.joined(separator: ", ")
        }
    }

    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}

/// Facts about a device, keyed by dotted names such as `memory.bytes` or `ups.ratedVA`.
///
/// Facts come from what the device reported (the health collector) or from the inventory
/// (``Device/declaredFacts``). A missing key means nobody knows; spec clauses turn that into an
/// `unknown` finding with a reason rather than guessing. ``FactKey`` lists the names in use.
public struct DeviceFacts: Sendable, Hashable, Codable {
    public var values: [String: FactValue]

    public init(_ values: [String: FactValue] = [:]) {
        self.values = values
    }

    public subscript(key: String) -> FactValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// These facts with `other`'s added where this set has none.
    public func filling(from other: DeviceFacts) -> DeviceFacts {
        DeviceFacts(values.merging(other.values) { mine, _ in mine })
    }

    public init(from decoder: any Decoder) throws {
        values = try [String: FactValue](from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try values.encode(to: encoder)
    }
}

/// The fact names the collector produces and Policies/ spec clauses read.
public enum FactKey {
    public static let memoryBytes = "memory.bytes"
    public static let flashBytes = "flash.bytes"
    public static let processorCount = "cpu.count"
    public static let processorGHz = "cpu.ghz"
    public static let diskCount = "disk.count"
    public static let diskBytes = "disk.minBytes"
    public static let raidLevel = "raid.level"
    public static let gigabitPortCount = "nic.gigabit.count"
    public static let ethernetPortCount = "ports.ethernet.count"
    public static let fastFullDuplexPortCount = "ports.fastFullDuplex.count"
    public static let maxPortSpeedBps = "ports.maxSpeedBps"
    public static let vlanSupport = "vlan.supported"
    public static let powerSupplyCount = "psu.count"
    public static let modular = "chassis.modular"
    public static let vpnProtocols = "vpn.protocols"
    public static let upsRatedVA = "ups.ratedVA"
    public static let upsOnline = "ups.online"
    public static let upsRuntimeMinutes = "ups.runtimeMinutes"
    public static let temperatureCelsius = "env.temperatureC"
    public static let humidityPercent = "env.humidityPercent"
    public static let earthingOhms = "env.earthingOhms"
    /// Whether the device runs behind a voltage stabiliser and UPS (Art. 101); usually declared.
    public static let upsPowered = "power.upsBacked"

    /// Every name above, for validating fact names people write in the inventory.
    public static let all: [String] = [
        memoryBytes, flashBytes, processorCount, processorGHz, diskCount, diskBytes, raidLevel, gigabitPortCount,
        ethernetPortCount, fastFullDuplexPortCount, maxPortSpeedBps, vlanSupport, powerSupplyCount, modular,
        vpnProtocols, upsRatedVA, upsOnline, upsRuntimeMinutes, temperatureCelsius, humidityPercent, earthingOhms,
        upsPowered,
    ]
}
