/// A 48-bit Ethernet (IEEE 802) hardware address.
///
/// Parses the notations people paste from switches and hosts: `00:26:0b:31:07:33` (also with
/// one-digit groups as arpwatch prints them), `00-26-0B-31-07-33`, Cisco `0026.0b31.0733`,
/// Huawei/H3C `0026-0b31-0733` and bare `00260b310733`. Always prints lowercase colon form.
/// Encodes to and decodes from that string.
public struct MACAddress: Sendable, Hashable, Comparable, CodableAsText, LosslessStringConvertible {
    /// The address in the low 48 bits, first octet most significant.
    public let rawValue: UInt64

    /// An address from its 48-bit value; higher bits are ignored.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue & 0xFFFF_FFFF_FFFF
    }

    /// An address from six octets in transmission order.
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8, _ f: UInt8) {
        let high = UInt64(a) << 40 | UInt64(b) << 32 | UInt64(c) << 24
        self.init(rawValue: high | UInt64(d) << 16 | UInt64(e) << 8 | UInt64(f))
    }

    /// Parses any of the notations listed on the type; `nil` if `description` is none of them.
    public init?(_ description: String) {
        self.init(utf8: description.utf8)
    }

    /// Parses UTF-8 bytes as ``init(_:)`` parses a string; the colon form without making a string.
    public init?(utf8 bytes: some Sequence<UInt8>) {
        guard let value = bytes.withBytesInOneBuffer(Self.rawValue(parsing:)) else { return nil }
        self.init(rawValue: value)
    }

    private static func rawValue(parsing bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        parseColonForm(bytes) ?? parse(Substring(decoding: bytes, as: UTF8.self))
    }

    public static let broadcast = MACAddress(rawValue: 0xFFFF_FFFF_FFFF)
    public static let zero = MACAddress(rawValue: 0)

    /// The six octets in transmission order.
    public var octets: [UInt8] {
        (0..<6).map { UInt8(truncatingIfNeeded: rawValue >> UInt64(40 - 8 * $0)) }
    }

    public var isBroadcast: Bool { rawValue == 0xFFFF_FFFF_FFFF }
    /// Group bit set (includes broadcast).
    public var isMulticast: Bool { rawValue & 0x0100_0000_0000 != 0 }
    public var isZero: Bool { rawValue == 0 }
    /// An individual station's address: neither group nor all-zero.
    public var isUnicast: Bool { !isMulticast && !isZero }

    public var description: String {
        String(unsafeUninitializedCapacity: Self.textLength) { format(into: $0) }
    }

    /// The length of `00:26:0b:31:07:33`.
    public static let textLength = 17

    /// Writes the colon form into `buffer` (at least ``textLength`` bytes) and returns its
    /// length: the one formatter behind ``description``, event messages and JSON lines.
    public func format(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        for index in 0..<6 {
            let octet = UInt8(truncatingIfNeeded: rawValue >> UInt64(40 - 8 * index))
            buffer[index * 3] = Self.hexDigit(octet >> 4)
            buffer[index * 3 + 1] = Self.hexDigit(octet & 0xF)
            if index < 5 { buffer[index * 3 + 2] = UInt8(ascii: ":") }
        }
        return Self.textLength
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    public static func < (lhs: MACAddress, rhs: MACAddress) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What a decoding error says the text should be.
    public static let textForm = "a MAC address (expected e.g. 00:26:0b:31:07:33)"

    /// The common `00:26:0b:31:07:33` form read from the bytes; `nil` for anything else, which
    /// ``parse(_:)`` then judges (a register of thousands of MACs is read at every start).
    private static func parseColonForm(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        var group: UInt64 = 0
        var digits = 0
        var groups = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: ":"):
                guard digits > 0, groups < 5 else { return nil }
                value = value << 8 | group
                group = 0
                digits = 0
                groups += 1
                continue
            default: return nil
            }
            guard digits < 2 else { return nil }
            group = group << 4 | UInt64(digit)
            digits += 1
        }
        guard groups == 5, digits > 0 else { return nil }
        return value << 8 | group
    }

    private static func parse(_ text: Substring) -> UInt64? {
        let trimmed = text.trimmingSpaces
        for separator in [":", "-", "."] as [Character] where trimmed.contains(separator) {
            let groups = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            switch groups.count {
            case 6 where separator != ".":
                return join(groups, maxDigits: 2)
            case 3 where separator != ":":
                return join(groups, maxDigits: 4, exactDigits: true)
            default:
                return nil
            }
        }
        return join([trimmed], maxDigits: 12, exactDigits: true)
    }

    /// Joins hexadecimal groups of `maxDigits` digits each (fewer allowed unless `exactDigits`).
    private static func join(_ groups: [Substring], maxDigits: Int, exactDigits: Bool = false) -> UInt64? {
        var value: UInt64 = 0
        for group in groups {
            guard !group.isEmpty, group.count <= maxDigits, !exactDigits || group.count == maxDigits,
                group.allSatisfy(\.isHexDigit), let part = UInt64(group, radix: 16)
            else { return nil }
            value = value << UInt64(4 * maxDigits) | part
        }
        return value
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first?.isWhitespace == true { result.removeFirst() }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}
