import JifangModel

/// A decoded ARP packet (Ethernet hardware, IPv4 protocol) with what the link layer said about it.
public struct ARPPacket: Sendable, Hashable {
    public enum Operation: UInt16, Sendable, Hashable {
        case request = 1
        case reply = 2
    }

    /// What kind of ARP traffic this is, after RFC 5227 and common usage.
    public enum Kind: Sendable, Hashable {
        /// A request resolving another address.
        case request
        /// A reply to a request.
        case reply
        /// RFC 5227 probe: a request with sender IP 0.0.0.0 testing whether the target IP is in use.
        case probe
        /// RFC 5227 announcement: a gratuitous request (sender IP == target IP) claiming an address.
        case announcement
        /// A gratuitous reply (sender IP == target IP), also used to claim an address.
        case gratuitousReply
    }

    public var operation: Operation
    public var senderMAC: MACAddress
    public var senderIP: IPv4Address
    public var targetMAC: MACAddress
    public var targetIP: IPv4Address
    /// The link-layer source; `nil` if the link header does not carry one.
    public var ethernetSource: MACAddress?
    /// The link-layer destination; `nil` in Linux cooked captures, see ``destination``.
    public var ethernetDestination: MACAddress?
    /// Whom the frame was addressed to, also known for cooked captures.
    public var destination: LinkDestination
    /// The innermost VLAN id (the customer VLAN under QinQ), `nil` if untagged.
    ///
    /// The innermost tag is the one that names the LAN the station is on; with QinQ the outer
    /// tag is the carrier's service VLAN, kept in ``outerVLAN``.
    public var vlan: UInt16?
    /// The outermost VLAN id when the frame carried two or more tags, otherwise `nil`.
    public var outerVLAN: UInt16?

    public init(
        operation: Operation, senderMAC: MACAddress, senderIP: IPv4Address, targetMAC: MACAddress,
        targetIP: IPv4Address, ethernetSource: MACAddress? = nil, ethernetDestination: MACAddress? = nil,
        destination: LinkDestination = .unknown, vlan: UInt16? = nil, outerVLAN: UInt16? = nil
    ) {
        self.operation = operation
        self.senderMAC = senderMAC
        self.senderIP = senderIP
        self.targetMAC = targetMAC
        self.targetIP = targetIP
        self.ethernetSource = ethernetSource
        self.ethernetDestination = ethernetDestination
        self.destination = destination
        self.vlan = vlan
        self.outerVLAN = outerVLAN
    }

    public var kind: Kind {
        if operation == .request && senderIP.isUnspecified { return .probe }
        if isGratuitous { return operation == .request ? .announcement : .gratuitousReply }
        return operation == .request ? .request : .reply
    }

    /// Sender IP equals target IP (and is not 0.0.0.0): the sender claims the address for itself.
    public var isGratuitous: Bool { senderIP == targetIP && !senderIP.isUnspecified }
}

/// Whom a frame was addressed to at the link layer.
public enum LinkDestination: Sendable, Hashable {
    case broadcast
    case multicast
    /// One station (not necessarily the capturing host).
    case unicast
    /// The capture does not say (a cooked capture of an outgoing frame).
    case unknown
}
