/// An IPv4 address as a value: compared, hashed and stored as its 32-bit number.
///
/// Parses and prints dotted-quad form (`192.168.10.1`); encodes to and decodes from that string.
public struct IPv4Address: Sendable, Hashable, Comparable, CodableAsText, LosslessStringConvertible {
    /// The address with the first octet in the most significant byte.
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        rawValue = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses dotted-quad form: four decimal numbers 0–255; `nil` for anything else.
    public init?(_ description: String) {
        // Read as bytes: a Character that is not an ASCII digit or dot is a byte that is neither.
        self.init(utf8: description.utf8)
    }

    /// Parses dotted-quad form from UTF-8 bytes, as ``init(_:)`` does from a string.
    public init?(utf8 bytes: some Sequence<UInt8>) {
        guard let value = bytes.withBytesInOneBuffer(Self.rawValue(parsing:)) else { return nil }
        rawValue = value
    }

    private static func rawValue(parsing bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        var octet: UInt32 = 0
        var digits = 0
        var dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, octet <= 255, dots < 3 else { return nil }
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 3 else { return nil }
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
            }
        }
        guard dots == 3, digits > 0, octet <= 255 else { return nil }
        return value << 8 | octet
    }

    /// `0.0.0.0`, the sender address of an ARP probe (RFC 5227).
    public static let unspecified = IPv4Address(rawValue: 0)

    public var isUnspecified: Bool { rawValue == 0 }

    public var octets: [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: rawValue >> UInt32($0)) }
    }

    public var description: String {
        String(unsafeUninitializedCapacity: Self.maximumTextLength) { format(into: $0) }
    }

    /// The longest dotted quad, `255.255.255.255`.
    public static let maximumTextLength = 15

    /// Writes the dotted quad into `buffer` (at least ``maximumTextLength`` bytes) and returns its
    /// length: the one formatter behind ``description``, event messages and JSON lines, which
    /// write addresses for every event and so must not allocate for each.
    public func format(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        for shift in stride(from: 24 as UInt32, through: 0, by: -8) {
            let octet = UInt8(truncatingIfNeeded: rawValue >> shift)
            if octet >= 100 {
                buffer[count] = UInt8(ascii: "0") + octet / 100
                count += 1
            }
            if octet >= 10 {
                buffer[count] = UInt8(ascii: "0") + octet / 10 % 10
                count += 1
            }
            buffer[count] = UInt8(ascii: "0") + octet % 10
            count += 1
            if shift != 0 {
                buffer[count] = UInt8(ascii: ".")
                count += 1
            }
        }
        return count
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What a decoding error says the text should be.
    public static let textForm = "an IPv4 address (expected e.g. 192.168.10.1)"
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
