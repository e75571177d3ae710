/// An IPv4 network in CIDR form, e.g. `10.20.0.0/16`, for subnet containment checks.
///
/// Host bits given in the text are cleared (`10.20.3.4/16` is `10.20.0.0/16`), so an interface
/// address with its prefix can be pasted as is. A bare address is a `/32`.
public struct IPv4Subnet: Sendable, Hashable, CodableAsText, LosslessStringConvertible {
    /// The network address (host bits zero).
    public let network: IPv4Address
    /// 0 through 32.
    public let prefixLength: Int

    /// A subnet of `prefixLength` bits (clamped to 0...32) around `address`.
    public init(_ address: IPv4Address, prefixLength: Int) {
        let length = min(max(prefixLength, 0), 32)
        self.prefixLength = length
        network = IPv4Address(rawValue: address.rawValue & Self.mask(length))
    }

    /// Parses `a.b.c.d/n` or `a.b.c.d`; `nil` for anything else.
    public init?(_ description: String) {
        let parts = description.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPv4Address(String(parts[0])) else { return nil }
        var length = 32
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isWholeNumber }),
                let value = Int(parts[1]), value <= 32
            else { return nil }
            length = value
        }
        self.init(address, prefixLength: length)
    }

    /// The netmask as an address, e.g. `255.255.0.0` for `/16`.
    public var netmask: IPv4Address { IPv4Address(rawValue: Self.mask(prefixLength)) }

    public func contains(_ address: IPv4Address) -> Bool {
        address.rawValue & Self.mask(prefixLength) == network.rawValue
    }

    public var description: String { "\(network)/\(prefixLength)" }

    /// What a decoding error says the text should be.
    public static let textForm = "an IPv4 subnet (expected e.g. 10.20.0.0/16)"

    private static func mask(_ length: Int) -> UInt32 {
        length == 0 ? 0 : UInt32.max << UInt32(32 - length)
    }
}
