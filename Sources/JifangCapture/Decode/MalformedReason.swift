import JifangModel

/// Why a frame could not be decoded; the frame is skipped and the capture goes on.
public enum MalformedReason: Sendable, Hashable, CustomStringConvertible {
    /// The frame ends before the header named by `layer` does.
    case truncated(layer: Layer, needed: Int, captured: Int)
    /// The capture's link type is none of Ethernet, Linux cooked v1 and v2.
    case unsupportedLinkType(LinkType)
    /// ARP hardware type other than Ethernet (1).
    case hardwareType(UInt16)
    /// ARP protocol type other than IPv4 (0x0800).
    case protocolType(UInt16)
    /// ARP hardware address length other than 6.
    case hardwareLength(UInt8)
    /// ARP protocol address length other than 4.
    case protocolLength(UInt8)
    /// ARP operation other than request (1) or reply (2).
    case operation(UInt16)
    /// More VLAN tags than any real network stacks.
    case tooManyVLANTags(Int)

    /// The header a truncated frame ends in.
    public enum Layer: String, Sendable, Hashable {
        case ethernet = "Ethernet header"
        case linuxCooked = "Linux cooked header"
        case linuxCookedV2 = "Linux cooked v2 header"
        case vlanTag = "VLAN tag"
        case arpHeader = "ARP header"
        case arpAddresses = "ARP addresses"
    }

    public var description: String {
        switch self {
        case .truncated(let layer, let needed, let captured):
            "truncated \(layer.rawValue): needs \(needed) bytes, frame has \(captured)"
        case .unsupportedLinkType(let type):
            "unsupported link type \(type)"
        case .hardwareType(let value):
            "ARP hardware type \(value), expected 1 (Ethernet)"
        case .protocolType(let value):
            "ARP protocol type 0x\(String(value, radix: 16)), expected 0x0800 (IPv4)"
        case .hardwareLength(let value):
            "ARP hardware address length \(value), expected 6"
        case .protocolLength(let value):
            "ARP protocol address length \(value), expected 4"
        case .operation(let value):
            "ARP operation \(value), expected 1 (request) or 2 (reply)"
        case .tooManyVLANTags(let count):
            "\(count) stacked VLAN tags"
        }
    }
}
