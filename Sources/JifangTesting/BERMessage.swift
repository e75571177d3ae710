import JifangSNMP

/// A v1/v2c SNMP message read from, or written as, BER bytes: enough for a ``UDPResponder`` to
/// answer a real client's request with a well-formed response of its own choosing.
///
/// Written by hand rather than through net-snmp so a test can send what no agent library would
/// (answers for OIDs that were not asked). Only the types tests need are encoded. JifangSNMP's
/// `SNMPMessage` is the production decoder; this is the test's independent writer.
public struct BERMessage: Sendable, Hashable {
    /// 0 for v1, 1 for v2c.
    public var version: Int64
    public var community: [UInt8]
    /// The PDU's context tag: 0xA0 GET, 0xA1 GETNEXT, 0xA2 response, 0xA5 GETBULK.
    public var pduType: UInt8
    public var requestID: Int64
    public var errorStatus: Int64 = 0
    public var errorIndex: Int64 = 0
    public var varbinds: [VarBind]

    public init(
        version: Int64, community: [UInt8], pduType: UInt8, requestID: Int64, varbinds: [VarBind]
    ) {
        self.version = version
        self.community = community
        self.pduType = pduType
        self.requestID = requestID
        self.varbinds = varbinds
    }

    /// Parses a request (or response); `nil` for bytes that are not a v1/v2c message.
    public init?(bytes: [UInt8]) {
        var reader = Reader(bytes: bytes[...])
        guard var message = reader.element(0x30), let version = message.integer(),
            let community = message.element(0x04), let (type, pdu) = message.any(), (0xA0...0xA8).contains(type)
        else { return nil }
        var fields = pdu
        guard let id = fields.integer(), let status = fields.integer(), let index = fields.integer(),
            var list = fields.element(0x30)
        else { return nil }
        var varbinds: [VarBind] = []
        while !list.isEmpty {
            guard var pair = list.element(0x30), let name = pair.element(0x06), let oid = Self.oid(name.bytes),
                let (_, _) = pair.any()
            else { return nil }
            varbinds.append(VarBind(oid: oid, value: .null))
        }
        self.init(version: version, community: Array(community.bytes), pduType: type, requestID: id, varbinds: varbinds)
        errorStatus = status
        errorIndex = index
    }

    /// The response to this request carrying `varbinds` instead of what was asked.
    public func response(_ varbinds: [VarBind]) -> BERMessage {
        BERMessage(version: version, community: community, pduType: 0xA2, requestID: requestID, varbinds: varbinds)
    }

    /// The message in BER.
    public var bytes: [UInt8] {
        let list = varbinds.flatMap { Self.tlv(0x30, Self.tlv(0x06, Self.encode($0.oid)) + Self.encode($0.value)) }
        let pdu =
            Self.integer(requestID) + Self.integer(errorStatus) + Self.integer(errorIndex) + Self.tlv(0x30, list)
        return Self.tlv(0x30, Self.integer(version) + Self.tlv(0x04, community) + Self.tlv(pduType, pdu))
    }

    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var n = content.count
            while n > 0 {
                length.insert(UInt8(truncatingIfNeeded: n), at: 0)
                n >>= 8
            }
            length.insert(0x80 | UInt8(length.count), at: 0)
        }
        return [tag] + length + content
    }

    static func integer(_ value: Int64, tag: UInt8 = 0x02) -> [UInt8] {
        var bytes = withUnsafeBytes(of: value.bigEndian, Array.init)
        while bytes.count > 1, (bytes[0] == 0 && bytes[1] < 0x80) || (bytes[0] == 0xFF && bytes[1] >= 0x80) {
            bytes.removeFirst()
        }
        return tlv(tag, bytes)
    }

    static func unsigned(_ value: UInt64, tag: UInt8) -> [UInt8] {
        var bytes = withUnsafeBytes(of: value.bigEndian, Array.init)
        while bytes.count > 1, bytes[0] == 0, bytes[1] < 0x80 { bytes.removeFirst() }
        if bytes[0] >= 0x80 { bytes.insert(0, at: 0) }
        return tlv(tag, bytes)
    }

    static func encode(_ oid: OID) -> [UInt8] {
        let c = oid.components
        guard c.count >= 2 else { return [0] }
        var out: [UInt8] = []
        for arc in [c[0] * 40 + c[1]] + c.dropFirst(2) {
            var chunk = [UInt8(arc & 0x7F)]
            var rest = arc >> 7
            while rest > 0 {
                chunk.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
                rest >>= 7
            }
            out += chunk
        }
        return out
    }

    static func encode(_ value: SNMPValue) -> [UInt8] {
        switch value {
        case .integer(let v): integer(v)
        case .octetString(let bytes): tlv(0x04, bytes)
        case .objectIdentifier(let oid): tlv(0x06, encode(oid))
        case .ipAddress(let bytes): tlv(0x40, bytes)
        case .counter32(let v): unsigned(UInt64(v), tag: 0x41)
        case .gauge32(let v): unsigned(UInt64(v), tag: 0x42)
        case .timeTicks(let v): unsigned(UInt64(v), tag: 0x43)
        case .opaque(let bytes): tlv(0x44, bytes)
        case .counter64(let v): unsigned(v, tag: 0x46)
        case .noSuchObject: [0x80, 0]
        case .noSuchInstance: [0x81, 0]
        case .endOfMibView: [0x82, 0]
        case .null: [0x05, 0]
        }
    }

    static func oid(_ bytes: ArraySlice<UInt8>) -> OID? {
        var arcs: [UInt32] = []
        var current: UInt32 = 0
        for byte in bytes {
            guard current < (1 << 25) else { return nil }
            current = current << 7 | UInt32(byte & 0x7F)
            if byte & 0x80 == 0 {
                arcs.append(current)
                current = 0
            }
        }
        guard let first = arcs.first else { return nil }
        return OID([min(first / 40, 2), first - min(first / 40, 2) * 40] + arcs.dropFirst())
    }

    /// Reads TLVs off the front of a byte slice.
    struct Reader {
        var bytes: ArraySlice<UInt8>
        var isEmpty: Bool { bytes.isEmpty }

        mutating func any() -> (UInt8, Reader)? {
            guard let tag = bytes.first, bytes.count >= 2 else { return nil }
            var index = bytes.startIndex + 1
            var length = Int(bytes[index])
            index += 1
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard count <= 4, bytes.endIndex - index >= count else { return nil }
                length = bytes[index..<index + count].reduce(0) { $0 << 8 | Int($1) }
                index += count
            }
            guard bytes.endIndex - index >= length else { return nil }
            let content = bytes[index..<index + length]
            bytes = bytes[(index + length)...]
            return (tag, Reader(bytes: content))
        }

        mutating func element(_ tag: UInt8) -> Reader? {
            guard let (found, content) = any(), found == tag else { return nil }
            return content
        }

        mutating func integer() -> Int64? {
            guard let content = element(0x02), (1...8).contains(content.bytes.count) else { return nil }
            let first = content.bytes.first ?? 0
            return content.bytes.reduce(first >= 0x80 ? -1 : 0) { $0 << 8 | Int64($1) }
        }
    }
}
