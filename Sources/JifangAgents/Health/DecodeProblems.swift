import JifangModel
import JifangSNMP

/// The values one poll dropped, collected while decoders read wire values through its checks.
///
/// Every decoder reads numbers the device chose through ``integer(_:in:_:_:)``, ``product(_:_:_:_:)``,
/// ``sum(_:_:_:)`` and ``finite(_:_:_:)``, so the rule "a value outside its MIB range, or arithmetic
/// that would overflow, is dropped with a reason" lives in one place and nothing a device sends
/// can trap. A value of the wrong SNMP type is not a problem: decoders skip it as before.
public struct DecodeProblems: Sendable, Hashable {
    /// What was dropped, in the order the decoders met it.
    public private(set) var all: [DecodeProblem] = []

    public init() {}

    /// SMIv2 `Integer32`.
    static let integer32 = Int64(Int32.min)...Int64(Int32.max)
    /// `Integer32 (0..2147483647)`, the range of most sizes and counts.
    static let nonNegative32 = 0...Int64(Int32.max)
    /// `Gauge32` and `Unsigned32`.
    static let unsigned32 = 0...Int64(UInt32.max)
    /// `INTEGER (0..100)` percentages.
    static let percent: ClosedRange<Int64> = 0...100

    /// Adds what another decoder collected.
    mutating func append(_ other: DecodeProblems) {
        all += other.all
    }

    mutating func drop(_ section: String, _ object: String, _ value: String, _ reason: String) {
        all.append(DecodeProblem(section: section, object: object, value: value, reason: reason))
    }

    /// The integer in `value` when it lies in `range`, else `nil`; an integer outside `range`
    /// (a Counter64 past `Int64.max` included) is recorded against `oid` in `section`.
    mutating func integer(_ value: SNMPValue?, in range: ClosedRange<Int64>, _ section: String, _ oid: OID) -> Int64? {
        guard let value else { return nil }
        if let number = value.int, range.contains(number) { return number }
        guard let text = value.int.map(String.init) ?? value.uint.map(String.init) else { return nil }
        drop(section, oid.description, text, "outside \(range.lowerBound)…\(range.upperBound)")
        return nil
    }

    /// `a × b`, or `nil` (recorded) when the product passes `UInt64.max`.
    mutating func product(_ a: UInt64, _ b: UInt64, _ section: String, _ object: String) -> UInt64? {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        guard overflow else { return result }
        drop(section, object, "\(a) × \(b)", "overflows 64 bits")
        return nil
    }

    /// The sum of `terms`, or `nil` (recorded) when it passes `UInt64.max`.
    mutating func sum(_ terms: [UInt64], _ section: String, _ object: String) -> UInt64? {
        var total: UInt64 = 0
        for term in terms {
            let (next, overflow) = total.addingReportingOverflow(term)
            guard !overflow else {
                drop(section, object, terms.map(String.init).joined(separator: " + "), "overflows 64 bits")
                return nil
            }
            total = next
        }
        return total
    }

    /// `value` when it is finite and, if given, within `range`; else `nil` (recorded).
    mutating func finite(
        _ value: Double, in range: ClosedRange<Double>? = nil, _ section: String, _ object: String
    ) -> Double? {
        if value.isFinite, range?.contains(value) ?? true { return value }
        let bounds = range.map { "\(Self.text($0.lowerBound))…\(Self.text($0.upperBound))" }
        drop(section, object, Self.text(value), value.isFinite ? "outside \(bounds ?? "")" : "not a finite number")
        return nil
    }

    private static func text(_ value: Double) -> String {
        if let whole = Int64(exactly: value) { return String(whole) }
        return String(describing: value)
    }
}
