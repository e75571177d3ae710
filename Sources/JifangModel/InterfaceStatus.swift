/// An interface's administrative or operational state, with IF-MIB's names (RFC 2863).
public enum InterfaceState: String, Sendable, Codable, CaseIterable {
    case up, down, testing, unknown, dormant, notPresent, lowerLayerDown

    /// The state for an IF-MIB `ifAdminStatus`/`ifOperStatus` integer; unknown values map to `.unknown`.
    public init(ifMIBValue: Int) {
        switch ifMIBValue {
        case 1: self = .up
        case 2: self = .down
        case 3: self = .testing
        case 5: self = .dormant
        case 6: self = .notPresent
        case 7: self = .lowerLayerDown
        default: self = .unknown
        }
    }
}

/// Duplex as EtherLike-MIB `dot3StatsDuplexStatus` reports it.
public enum Duplex: String, Sendable, Codable {
    case unknown, half, full
}

/// One row of a device's interface table, joined from ifTable, ifXTable and EtherLike-MIB.
///
/// Counters are the raw values the device reported (64-bit HC counters where available);
/// rates are per second, computed against the previous poll, and `nil` on the first poll or
/// after a counter reset.
public struct InterfaceStatus: Sendable, Hashable, Codable {
    public var index: Int
    public var name: String
    public var descr: String?
    public var alias: String?
    /// IANAifType number (6 = ethernetCsmacd).
    public var type: Int?
    public var adminStatus: InterfaceState
    public var operStatus: InterfaceState
    public var speedBps: UInt64?
    public var duplex: Duplex?
    public var inOctets: UInt64?
    public var outOctets: UInt64?
    public var inErrors: UInt64?
    public var outErrors: UInt64?
    public var inDiscards: UInt64?
    public var outDiscards: UInt64?
    public var inBitsPerSecond: Double?
    public var outBitsPerSecond: Double?

    public init(
        index: Int, name: String, descr: String? = nil, alias: String? = nil, type: Int? = nil,
        adminStatus: InterfaceState, operStatus: InterfaceState, speedBps: UInt64? = nil,
        duplex: Duplex? = nil
    ) {
        self.index = index
        self.name = name
        self.descr = descr
        self.alias = alias
        self.type = type
        self.adminStatus = adminStatus
        self.operStatus = operStatus
        self.speedBps = speedBps
        self.duplex = duplex
    }

    /// Ethernet-like (ethernetCsmacd, gigabitEthernet, fastEther, …), as IANAifType numbers them.
    public var isEthernet: Bool {
        guard let type else { return false }
        return [6, 62, 69, 117].contains(type)
    }
}
