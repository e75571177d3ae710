import struct Foundation.Date

/// An IP–MAC pair seen in ARP traffic over a span of time, the raw material of learning.
public struct ObservedPair: Sendable, Hashable, Codable {
    public var ip: IPv4Address
    public var mac: MACAddress
    public var vlan: UInt16?
    public var firstSeen: Date
    public var lastSeen: Date
    /// ARP packets that claimed the pair.
    public var packets: Int

    public init(ip: IPv4Address, mac: MACAddress, vlan: UInt16? = nil, firstSeen: Date, lastSeen: Date, packets: Int) {
        self.ip = ip
        self.mac = mac
        self.vlan = vlan
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.packets = packets
    }
}
