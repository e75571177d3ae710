/// A value a device sent that Jifang dropped while decoding a poll, and why.
///
/// Devices send values their MIB does not allow (a sensor precision of −2147483648, a processor
/// load typed Counter64, sizes whose product passes 64 bits). Such a value is left out of the
/// result, never clamped or guessed, and recorded here so the person reading the poll sees it.
public struct DecodeProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The MIB table or group the value belongs to, such as `hrStorageTable`.
    public var section: String
    /// The object instance in dotted form, or the object names a derived value came from.
    public var object: String
    /// The value as sent (or the operands of an overflowing sum).
    public var value: String
    /// Why it was dropped, such as `outside 0…100` or `overflows 64 bits`.
    public var reason: String

    public init(section: String, object: String, value: String, reason: String) {
        self.section = section
        self.object = object
        self.value = value
        self.reason = reason
    }

    /// `hrProcessorTable 1.3.6.1.2.1.25.3.3.1.2.196608 = 9223372036854775807: outside 0…100; dropped`.
    public var description: String { "\(section) \(object) = \(value): \(reason); dropped" }
}
