/// One entry of the IP–MAC binding table the administrator keeps (Art. 34, 109).
///
/// The IP address is the key: each bound address belongs to exactly one MAC. A MAC may hold
/// several bound addresses (a router's interfaces, a server's aliases).
public struct AddressBinding: Sendable, Hashable, Codable {
    public var ip: IPv4Address
    public var mac: MACAddress
    /// The person or device responsible for the station, free text.
    public var owner: String?
    /// The VLAN the station lives on, when the site uses VLANs; `nil` means any.
    public var vlan: UInt16?

    public init(ip: IPv4Address, mac: MACAddress, owner: String? = nil, vlan: UInt16? = nil) {
        self.ip = ip
        self.mac = mac
        self.owner = owner
        self.vlan = vlan
    }
}
