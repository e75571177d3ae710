/// What the routine check needs of an ARP frame in its everyday form, read straight from the
/// captured bytes.
///
/// Ethernet II, untagged or with one 802.1Q tag, carrying an Ethernet/IPv4 ARP request or reply:
/// nearly all of a LAN's ARP. ``ARPWatcher`` judges such frames without building an
/// ``ARPPacket`` first; everything else (other link types, QinQ, LLC/SNAP, other operations,
/// anything malformed) fails this reading and goes through ``FrameDecoder``, which says why.
struct PlainARPFrame {
    static let untagged = UInt16.max

    /// Ethernet source and destination, as ``MACAddress/rawValue``.
    var source: UInt64
    var destination: UInt64
    /// The 802.1Q VLAN id, or ``untagged``.
    var vlan: UInt16
    /// 1 request, 2 reply.
    var operation: UInt16
    var senderMAC: UInt64
    var senderIP: UInt32

    /// Reads an Ethernet frame; `nil` when it is not plain ARP.
    @inline(__always) init?(ethernet bytes: UnsafeRawBufferPointer) {
        // 14 bytes of Ethernet header and 28 of ARP; 4 more with a tag.
        guard bytes.count >= 42 else { return nil }
        var offset = 14
        var type = bytes.u16(at: 12)
        vlan = Self.untagged
        if type == 0x8100 {
            guard bytes.count >= 46 else { return nil }
            vlan = bytes.u16(at: 14) & 0x0FFF
            type = bytes.u16(at: 16)
            offset = 18
        }
        guard type == FrameDecoder.etherTypeARP else { return nil }
        // Hardware 1 (Ethernet), protocol 0x0800 (IPv4), lengths 6 and 4, then the operation.
        let header = UInt64(bytes.u32(at: offset)) << 32 | UInt64(bytes.u32(at: offset + 4))
        operation = UInt16(truncatingIfNeeded: header)
        guard header >> 16 == 0x0001_0800_0604, operation == 1 || operation == 2 else { return nil }
        destination = bytes.mac(at: 0).rawValue
        source = bytes.mac(at: 6).rawValue
        senderMAC = bytes.mac(at: offset + 8).rawValue
        senderIP = bytes.u32(at: offset + 14)
    }
}
