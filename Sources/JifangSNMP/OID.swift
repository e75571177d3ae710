/// A numeric SNMP object identifier, such as `1.3.6.1.2.1.1.1.0`.
///
/// Jifang always uses numeric OIDs: Debian ships no IETF MIB files, and numeric names never
/// depend on what a machine has installed. Ordering is SNMP's lexicographic order.
public struct OID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var components: [UInt32]

    public init(_ components: [UInt32]) {
        self.components = components
    }

    /// Parses dotted notation, with or without a leading dot; `nil` for anything else.
    public init?(_ dotted: String) {
        var text = Substring(dotted)
        if text.hasPrefix(".") { text = text.dropFirst() }
        guard !text.isEmpty else { return nil }
        var parts: [UInt32] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard let value = UInt32(part) else { return nil }
            parts.append(value)
        }
        components = parts
    }

    /// A literal OID in source code; an invalid literal is a programming error.
    public init(stringLiteral value: String) {
        guard let oid = OID(value) else { preconditionFailure("invalid OID literal \(value)") }
        self = oid
    }

    public func appending(_ more: UInt32...) -> OID {
        OID(components + more)
    }

    public func appending(_ more: [UInt32]) -> OID {
        OID(components + more)
    }

    /// Whether `other` lies in the subtree rooted at `self` (an OID is a prefix of itself).
    public func isPrefix(of other: OID) -> Bool {
        other.components.count >= components.count && other.components.starts(with: components)
    }

    /// The components after `prefix`, or `nil` when `prefix` is not a prefix of `self`.
    public func suffix(after prefix: OID) -> [UInt32]? {
        guard prefix.isPrefix(of: self) else { return nil }
        return Array(components.dropFirst(prefix.components.count))
    }

    public var description: String {
        components.map(String.init).joined(separator: ".")
    }

    public static func < (lhs: OID, rhs: OID) -> Bool {
        for (a, b) in zip(lhs.components, rhs.components) where a != b {
            return a < b
        }
        return lhs.components.count < rhs.components.count
    }
}
