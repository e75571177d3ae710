/// A value in a variable binding, as SNMP types it, including the v2 exception values.
public enum SNMPValue: Sendable, Hashable {
    case integer(Int64)
    case octetString([UInt8])
    case null
    case objectIdentifier(OID)
    case ipAddress([UInt8])
    case counter32(UInt32)
    case gauge32(UInt32)
    case timeTicks(UInt32)
    case opaque([UInt8])
    case counter64(UInt64)
    case noSuchObject
    case noSuchInstance
    case endOfMibView

    /// The value as a signed integer, for any integer-like type; `nil` otherwise.
    public var int: Int64? {
        switch self {
        case .integer(let v): v
        case .counter32(let v): Int64(v)
        case .gauge32(let v): Int64(v)
        case .timeTicks(let v): Int64(v)
        case .counter64(let v): Int64(exactly: v)
        default: nil
        }
    }

    /// The value as an unsigned integer, for any non-negative integer-like type; `nil` otherwise.
    public var uint: UInt64? {
        switch self {
        case .integer(let v): UInt64(exactly: v)
        case .counter32(let v): UInt64(v)
        case .gauge32(let v): UInt64(v)
        case .timeTicks(let v): UInt64(v)
        case .counter64(let v): v
        default: nil
        }
    }

    /// The value as a number: any integer-like type, or an octet string holding a decimal number
    /// (several vendor MIBs report temperatures and loads as text such as `"23.5"`).
    public var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .counter32(let v): Double(v)
        case .gauge32(let v): Double(v)
        case .timeTicks(let v): Double(v)
        case .counter64(let v): Double(v)
        case .octetString:
            string.flatMap { Double($0.trimmingCharacters(in: .whitespaces).filter { $0 != "%" }) }
        default: nil
        }
    }

    /// Text for display: an octet string decoded as UTF-8 (invalid bytes replaced, trailing NULs
    /// trimmed), an IP address or OID in dotted form; `nil` for other types.
    public var string: String? {
        switch self {
        case .octetString(var bytes):
            while bytes.last == 0 { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        case .ipAddress(let bytes): return bytes.map(String.init).joined(separator: ".")
        case .objectIdentifier(let oid): return oid.description
        default: return nil
        }
    }

    /// Raw bytes of an octet string or opaque value.
    public var bytes: [UInt8]? {
        switch self {
        case .octetString(let b), .opaque(let b): b
        default: nil
        }
    }

    public var oid: OID? {
        if case .objectIdentifier(let o) = self { return o }
        return nil
    }

    /// `noSuchObject`, `noSuchInstance` or `endOfMibView`: the agent has no value here.
    public var isException: Bool {
        switch self {
        case .noSuchObject, .noSuchInstance, .endOfMibView: true
        default: false
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension Set where Element == Character {
    fileprivate static let whitespaces: Set<Character> = [" ", "\t", "\n", "\r"]
}
