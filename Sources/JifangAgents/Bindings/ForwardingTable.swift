import JifangModel
import JifangSNMP

/// Where one switch (or router) learned MAC addresses, read over SNMP.
///
/// Built from BRIDGE-MIB `dot1dTpFdbTable` and Q-BRIDGE-MIB `dot1qTpFdbTable` (bridge ports mapped
/// to ifIndex through `dot1dBasePortIfIndex`), `ifName`, and the IP-MIB ARP cache
/// (`ipNetToMediaTable`, `ipNetToPhysicalTable`). Tables a device lacks are simply empty.
public struct ForwardingTable: Sendable, Hashable {
    /// The device's inventory name.
    public var device: String
    /// The ifIndexes each MAC is learned on (one per VLAN at most, usually one).
    public var ports: [MACAddress: Set<Int>] = [:]
    /// Distinct MACs learned per ifIndex; many means an uplink or trunk.
    public var macsPerPort: [Int: Int] = [:]
    public var ifNames: [Int: String] = [:]
    /// The device's ARP cache: which MAC answers for an IP.
    public var arp: [IPv4Address: MACAddress] = [:]
    /// Rows left out because a port or ifIndex lay outside its MIB range (bridge ports are
    /// `1..65535`, ifIndexes `1..2147483647`).
    public var problems: [DecodeProblem] = []

    public init(device: String) {
        self.device = device
    }

    /// Reads the tables from `reader`.
    ///
    /// - Throws: ``SNMPError`` when the device does not answer; missing tables are not errors.
    public static func read(device: String, from reader: some SNMPReader) async throws(SNMPError)
        -> ForwardingTable
    {
        var table = ForwardingTable(device: device)
        var problems = DecodeProblems()
        var bridgePorts: [UInt32: Int] = [:]
        // Ports whose ifIndex was out of range: their MACs are left out rather than taken to be on
        // the ifIndex of the same number, which could name another port.
        var unmappable: Set<UInt32> = []
        for bind in try await reader.walk(BridgeMIB.dot1dBasePortIfIndex, maxRepetitions: 50) {
            guard let port = bind.oid.suffix(after: BridgeMIB.dot1dBasePortIfIndex)?.first else { continue }
            let known = problems.all.count
            if let ifIndex = problems.integer(bind.value, in: ifIndexRange, "dot1dBasePortTable", bind.oid) {
                bridgePorts[port] = Int(ifIndex)
            } else if problems.all.count > known {
                unmappable.insert(port)
            }
        }
        // The value is a bridge port (0..65535, 0 meaning unknown); a port without a mapping is
        // taken as the ifIndex, as some switches number them alike.
        func learn(_ mac: MACAddress, _ bind: VarBind, _ section: String) {
            guard
                let port = problems.integer(bind.value, in: 0...65535, section, bind.oid).flatMap(
                    UInt32.init(exactly:)),
                port > 0, !unmappable.contains(port)
            else { return }
            let ifIndex = bridgePorts[port] ?? Int(port)
            table.ports[mac, default: []].insert(ifIndex)
        }
        for bind in try await reader.walk(QBridgeMIB.dot1qTpFdbPort, maxRepetitions: 50) {
            guard let index = bind.oid.suffix(after: QBridgeMIB.dot1qTpFdbPort), index.count == 7,
                let mac = mac(index.dropFirst())
            else { continue }
            learn(mac, bind, "dot1qTpFdbTable")
        }
        for bind in try await reader.walk(BridgeMIB.dot1dTpFdbPort, maxRepetitions: 50) {
            guard let index = bind.oid.suffix(after: BridgeMIB.dot1dTpFdbPort), index.count == 6,
                let mac = mac(index[...])
            else { continue }
            learn(mac, bind, "dot1dTpFdbTable")
        }
        for ports in table.ports.values {
            for port in ports { table.macsPerPort[port, default: 0] += 1 }
        }
        for bind in try await reader.walk(IFMIB.IfXTable.ifName, maxRepetitions: 50) {
            if let index = bind.oid.suffix(after: IFMIB.IfXTable.ifName)?.first, let name = bind.value.string {
                table.ifNames[Int(index)] = name
            }
        }
        table.problems = problems.all
        for bind in try await reader.walk(IPMIB.ipNetToMediaPhysAddress, maxRepetitions: 50) {
            guard let index = bind.oid.suffix(after: IPMIB.ipNetToMediaPhysAddress), index.count == 5,
                let ip = ipv4(index.dropFirst()), let mac = bind.value.bytes.flatMap(mac(bytes:))
            else { continue }
            table.arp[ip] = mac
        }
        for bind in try await reader.walk(IPMIB.ipNetToPhysicalPhysAddress, maxRepetitions: 50) {
            guard let index = bind.oid.suffix(after: IPMIB.ipNetToPhysicalPhysAddress), index.count == 7,
                index[1] == 1, index[2] == 4, let ip = ipv4(index.dropFirst(3)),
                let mac = bind.value.bytes.flatMap(mac(bytes:))
            else { continue }
            table.arp[ip] = mac
        }
        return table
    }

    /// IF-MIB `InterfaceIndex`.
    static let ifIndexRange: ClosedRange<Int64> = 1...Int64(Int32.max)

    private static func mac(_ octets: ArraySlice<UInt32>) -> MACAddress? {
        guard octets.count == 6, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return MACAddress(rawValue: octets.reduce(0) { $0 << 8 | UInt64($1) })
    }

    private static func mac(bytes: [UInt8]) -> MACAddress? {
        guard bytes.count == 6 else { return nil }
        return MACAddress(rawValue: bytes.reduce(0) { $0 << 8 | UInt64($1) })
    }

    private static func ipv4(_ octets: ArraySlice<UInt32>) -> IPv4Address? {
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return IPv4Address(rawValue: octets.reduce(0) { $0 << 8 | $1 })
    }
}
