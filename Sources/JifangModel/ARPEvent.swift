import struct Foundation.Date

/// What an ARP event reports. The raw values are the `type` field of the JSON output.
public enum ARPEventType: String, Sendable, Codable, CaseIterable {
    /// A bound IP address claimed by a MAC other than its bound one.
    case bindingViolation = "binding-violation"
    /// An IP address or a MAC address that the binding table does not list.
    case unknownStation = "unknown-station"
    /// An IP address went back to the MAC it had before the last change.
    case flipFlop = "flip-flop"
    /// One MAC claimed more distinct unbound IP addresses than the threshold allows.
    case macMultipleIPs = "mac-multiple-ips"
    /// The Ethernet source address differs from the ARP sender hardware address.
    case ethernetARPMismatch = "ethernet-arp-mismatch"
    /// An ARP request sent to a unicast Ethernet destination, a common cache-poisoning sign.
    case unicastRequest = "unicast-request"
    /// A gratuitous ARP (sender IP equals target IP) for a bound address from the wrong MAC;
    /// reported instead of `binding-violation` for such packets.
    case gratuitousWrongMAC = "gratuitous-wrong-mac"
    /// An unbound address outside every subnet of the unit; reported instead of `unknown-station`.
    case bogon
    /// One source sent more ARP packets per second than the threshold allows.
    case storm
    /// A frame that could not be decoded as ARP; the message gives the reason.
    case malformed
}

/// One finding of the ARP watcher, traceable to the captured frame that caused it.
///
/// Encodes with the keys `time`, `type`, `ip`, `mac`, `boundMac`, `vlan`, `frame` and `message`;
/// absent values are written as `null` so every line of JSON output has the same keys.
public struct ARPEvent: Sendable, Hashable, Codable {
    /// The capture time of the frame.
    public var time: Date
    public var type: ARPEventType
    /// The IP address concerned (usually the ARP sender's), if any.
    public var ip: IPv4Address?
    /// The MAC address seen (usually the ARP sender's), if any.
    public var mac: MACAddress?
    /// The MAC the binding table holds for `ip`, if it is bound.
    public var boundMAC: MACAddress?
    /// The innermost VLAN id of the frame, if it was tagged.
    public var vlan: UInt16?
    /// The 1-based number of the frame in its capture, if the event comes from one frame.
    public var frame: Int?
    /// A sentence a person can read: what was seen and why it matters.
    public var message: String

    public init(
        time: Date, type: ARPEventType, ip: IPv4Address? = nil, mac: MACAddress? = nil, boundMAC: MACAddress? = nil,
        vlan: UInt16? = nil, frame: Int? = nil, message: String
    ) {
        self.time = time
        self.type = type
        self.ip = ip
        self.mac = mac
        self.boundMAC = boundMAC
        self.vlan = vlan
        self.frame = frame
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case time, type, ip, mac
        case boundMAC = "boundMac"
        case vlan, frame, message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(time, forKey: .time)
        try container.encode(type, forKey: .type)
        try container.encode(ip, forKey: .ip)
        try container.encode(mac, forKey: .mac)
        try container.encode(boundMAC, forKey: .boundMAC)
        try container.encode(vlan, forKey: .vlan)
        try container.encode(frame, forKey: .frame)
        try container.encode(message, forKey: .message)
    }
}
