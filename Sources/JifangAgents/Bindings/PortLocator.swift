import JifangModel

/// A switch port where a station is plugged in.
public struct PortLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The switch's inventory name.
    public var device: String
    public var ifIndex: Int
    public var ifName: String?
    /// Distinct MACs the switch learned on this port.
    public var macsOnPort: Int

    public init(device: String, ifIndex: Int, ifName: String? = nil, macsOnPort: Int = 1) {
        self.device = device
        self.ifIndex = ifIndex
        self.ifName = ifName
        self.macsOnPort = macsOnPort
    }

    /// The port's ifName, or `ifIndex N` when the switch does not report names.
    public var portName: String { ifName ?? "ifIndex \(ifIndex)" }

    public var description: String { "\(device) \(portName)" }
}

/// Finds the access port where a MAC is learned, from the switches' forwarding tables.
///
/// Every switch on the path learns a station's MAC, but only on its own access port is the MAC
/// one of few: ports with more than ``uplinkThreshold`` MACs are uplinks or trunks and are
/// skipped. When several access ports qualify, the one with the fewest MACs wins.
public struct PortLocator: Sendable {
    public var tables: [ForwardingTable]
    public var uplinkThreshold: Int

    public init(tables: [ForwardingTable], uplinkThreshold: Int = 4) {
        self.tables = tables
        self.uplinkThreshold = uplinkThreshold
    }

    /// The access port of `mac`, or `nil` when no switch learned it on an access port.
    public func locate(_ mac: MACAddress) -> PortLocation? {
        var best: PortLocation?
        for table in tables {
            for ifIndex in table.ports[mac] ?? [] {
                let count = table.macsPerPort[ifIndex] ?? 1
                guard count <= uplinkThreshold else { continue }
                let candidate = PortLocation(
                    device: table.device, ifIndex: ifIndex, ifName: table.ifNames[ifIndex], macsOnPort: count)
                if best == nil || count < best!.macsOnPort { best = candidate }
            }
        }
        return best
    }

    /// Whether `ifIndex` of `device` is an uplink or trunk by its MAC count.
    public func isUplink(device: String, ifIndex: Int) -> Bool {
        guard let table = tables.first(where: { $0.device == device }) else { return false }
        return (table.macsPerPort[ifIndex] ?? 0) > uplinkThreshold
    }

    /// The MAC a router or layer-3 switch holds for `ip` in its ARP cache.
    public func mac(for ip: IPv4Address) -> MACAddress? {
        for table in tables { if let mac = table.arp[ip] { return mac } }
        return nil
    }

    /// The event with its switch and port filled in when the event's MAC is located.
    public func locate(_ event: ARPEvent) -> LocatedARPEvent {
        guard let mac = event.mac, let location = locate(mac) else { return LocatedARPEvent(event) }
        return LocatedARPEvent(event, switchName: location.device, port: location.portName)
    }
}
