import JifangModel

/// What a captured frame turned out to be.
public enum DecodedFrame: Sendable, Hashable {
    case arp(ARPPacket)
    /// A well-formed frame carrying something other than ARP (when no filter removed it).
    case other(etherType: UInt16)
    /// A frame that could not be decoded; `source` and `vlan` are given when the link header was readable.
    case malformed(MalformedReason, source: MACAddress?, vlan: UInt16?)
}

/// Decodes link-layer headers and ARP without allocating: Ethernet with up to two stacked VLAN
/// tags (0x8100, 0x88a8, 0x9100), 802.3 LLC/SNAP, and Linux cooked captures v1 and v2.
public enum FrameDecoder {
    static let etherTypeARP: UInt16 = 0x0806
    /// 802.1Q, 802.1ad and the pre-standard QinQ tag.
    @inline(__always) static func isVLANTag(_ type: UInt16) -> Bool {
        type == 0x8100 || type == 0x88a8 || type == 0x9100
    }
    /// Three tags never occur on a real LAN; more is garbage, not a frame to walk.
    static let maximumVLANTags = 2

    /// Decodes one frame of a capture of the given link type.
    public static func decode(_ bytes: UnsafeRawBufferPointer, linkType: LinkType) -> DecodedFrame {
        switch linkType {
        case .ethernet:
            guard bytes.count >= 14 else {
                return .malformed(
                    .truncated(layer: .ethernet, needed: 14, captured: bytes.count), source: nil, vlan: nil)
            }
            let link = LinkHeader(
                source: bytes.mac(at: 6), destination: bytes.mac(at: 0), destinationKind: nil)
            return decodePayload(bytes, typeOffset: 12, link: link)
        case .linuxSLL:
            guard bytes.count >= 16 else {
                return .malformed(
                    .truncated(layer: .linuxCooked, needed: 16, captured: bytes.count), source: nil, vlan: nil)
            }
            let link = LinkHeader(
                source: bytes.u16(at: 4) == 6 ? bytes.mac(at: 6) : nil, destination: nil,
                destinationKind: destinationKind(packetType: bytes.u16(at: 0)))
            return decodePayload(bytes, typeOffset: 14, link: link)
        case .linuxSLL2:
            guard bytes.count >= 20 else {
                return .malformed(
                    .truncated(layer: .linuxCookedV2, needed: 20, captured: bytes.count), source: nil, vlan: nil)
            }
            let link = LinkHeader(
                source: bytes[11] == 6 ? bytes.mac(at: 12) : nil, destination: nil,
                destinationKind: destinationKind(packetType: UInt16(bytes[10])))
            return decodePayload(bytes, typeOffset: 0, payloadOffset: 20, link: link)
        default:
            return .malformed(.unsupportedLinkType(linkType), source: nil, vlan: nil)
        }
    }

    /// Decodes a frame held in an array (tests, tools); same rules as the pointer form.
    public static func decode(_ bytes: [UInt8], linkType: LinkType) -> DecodedFrame {
        bytes.withUnsafeBytes { decode($0, linkType: linkType) }
    }

    private struct LinkHeader {
        var source: MACAddress?
        var destination: MACAddress?
        /// Set by cooked headers; Ethernet derives it from `destination`.
        var destinationKind: LinkDestination?
    }

    /// Walks VLAN tags and LLC/SNAP from the EtherType at `typeOffset`, then decodes ARP.
    ///
    /// `payloadOffset` is where the payload starts when it does not follow the type directly
    /// (Linux cooked v2 puts the protocol first).
    @inline(__always) private static func decodePayload(
        _ bytes: UnsafeRawBufferPointer, typeOffset: Int, payloadOffset: Int? = nil, link: LinkHeader
    ) -> DecodedFrame {
        var type = bytes.u16(at: typeOffset)
        var offset = payloadOffset ?? typeOffset + 2
        var tags = 0
        var outer: UInt16?
        var inner: UInt16?
        while isVLANTag(type) {
            tags += 1
            guard tags <= maximumVLANTags else {
                return .malformed(.tooManyVLANTags(tags), source: link.source, vlan: inner)
            }
            guard bytes.count >= offset + 4 else {
                return .malformed(
                    .truncated(layer: .vlanTag, needed: offset + 4, captured: bytes.count), source: link.source,
                    vlan: inner)
            }
            let id = bytes.u16(at: offset) & 0x0FFF
            if outer == nil { outer = id }
            inner = id
            type = bytes.u16(at: offset + 2)
            offset += 4
        }
        if type <= 1500 {
            // 802.3 length field: ARP may ride in LLC/SNAP (AA AA 03, OUI 00 00 00, EtherType).
            guard bytes.count >= offset + 8, bytes.u16(at: offset) == 0xAAAA, bytes[offset + 2] == 0x03,
                bytes[offset + 3] == 0, bytes.u16(at: offset + 4) == 0
            else { return .other(etherType: type) }
            type = bytes.u16(at: offset + 6)
            offset += 8
        }
        guard type == etherTypeARP else { return .other(etherType: type) }
        let destinationKind = link.destinationKind ?? link.destination.map(kind(of:)) ?? .unknown
        return decodeARP(
            bytes, at: offset, link: link, destinationKind: destinationKind, vlan: inner,
            outerVLAN: tags > 1 ? outer : nil)
    }

    @inline(__always) private static func decodeARP(
        _ bytes: UnsafeRawBufferPointer, at offset: Int, link: LinkHeader, destinationKind: LinkDestination,
        vlan: UInt16?, outerVLAN: UInt16?
    ) -> DecodedFrame {
        func malformed(_ reason: MalformedReason) -> DecodedFrame {
            .malformed(reason, source: link.source, vlan: vlan)
        }
        guard bytes.count >= offset + 8 else {
            return malformed(.truncated(layer: .arpHeader, needed: offset + 8, captured: bytes.count))
        }
        let hardwareType = bytes.u16(at: offset)
        guard hardwareType == 1 else { return malformed(.hardwareType(hardwareType)) }
        let protocolType = bytes.u16(at: offset + 2)
        guard protocolType == 0x0800 else { return malformed(.protocolType(protocolType)) }
        guard bytes[offset + 4] == 6 else { return malformed(.hardwareLength(bytes[offset + 4])) }
        guard bytes[offset + 5] == 4 else { return malformed(.protocolLength(bytes[offset + 5])) }
        let code = bytes.u16(at: offset + 6)
        guard let operation = ARPPacket.Operation(rawValue: code) else { return malformed(.operation(code)) }
        guard bytes.count >= offset + 28 else {
            return malformed(.truncated(layer: .arpAddresses, needed: offset + 28, captured: bytes.count))
        }
        return .arp(
            ARPPacket(
                operation: operation,
                senderMAC: bytes.mac(at: offset + 8),
                senderIP: IPv4Address(rawValue: bytes.u32(at: offset + 14)),
                targetMAC: bytes.mac(at: offset + 18),
                targetIP: IPv4Address(rawValue: bytes.u32(at: offset + 24)),
                ethernetSource: link.source,
                ethernetDestination: link.destination,
                destination: destinationKind,
                vlan: vlan,
                outerVLAN: outerVLAN))
    }

    private static func kind(of destination: MACAddress) -> LinkDestination {
        destination.isBroadcast ? .broadcast : destination.isMulticast ? .multicast : .unicast
    }

    /// Linux `PACKET_*` types: host and otherhost are unicast, outgoing says nothing.
    private static func destinationKind(packetType: UInt16) -> LinkDestination {
        switch packetType {
        case 0, 3: .unicast
        case 1: .broadcast
        case 2: .multicast
        default: .unknown
        }
    }
}

extension UnsafeRawBufferPointer {
    /// Big-endian 16 bits at `offset`; the caller has checked the bounds.
    @inline(__always) func u16(at offset: Int) -> UInt16 {
        UInt16(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always) func u32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always) func mac(at offset: Int) -> MACAddress {
        MACAddress(rawValue: UInt64(u32(at: offset)) << 16 | UInt64(u16(at: offset + 4)))
    }
}
