import struct Foundation.Date

/// Times as Jifang stores, hashes and prints them: integer milliseconds since 1970 UTC, within
/// the years 0001 through 9999.
///
/// One conversion for the store, the duty log's hash chain and the JSON lines, total for every
/// `Date` and every `Int64`, so no time can trap a conversion:
/// - a time before 0001-01-01T00:00:00Z or after 9999-12-31T23:59:59.999Z (±infinity included)
///   is held at that edge; those are the years a ``CalendarDay`` and an ISO 8601 date can write,
///   and inside them every millisecond is exact in a `Double`, so a stored time reads back as the
///   same milliseconds and hashes the same;
/// - NaN, which only arithmetic on bad input makes (`now - hours * 3600` with `hours` NaN), has
///   no place in time and is taken as the epoch.
///
/// Every time inside the range, which is every time a clock or a person gives, converts exactly
/// as `Int64((timeIntervalSince1970 * 1000).rounded(rule))` did.
extension Date {
    /// The first millisecond Jifang keeps: 0001-01-01T00:00:00.000Z (`Date.distantPast`).
    public static let firstMillisecond: Int64 = -62_135_596_800_000
    /// The last millisecond Jifang keeps: 9999-12-31T23:59:59.999Z.
    public static let lastMillisecond: Int64 = 253_402_300_799_999

    /// Milliseconds since 1970 UTC, rounded by `rule` and held within
    /// ``firstMillisecond``…``lastMillisecond``; NaN is 0.
    public func millisecondsSince1970(rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int64 {
        let millis = (timeIntervalSince1970 * 1000).rounded(rule)
        guard !millis.isNaN else { return 0 }
        // Compared as Doubles first: both edges are exact in a Double, and Int64(_:) of a
        // Double beyond Int64 would trap.
        if millis <= Double(Self.firstMillisecond) { return Self.firstMillisecond }
        if millis >= Double(Self.lastMillisecond) { return Self.lastMillisecond }
        return Int64(exactly: millis) ?? 0  // never nil: finite, whole and inside the range
    }

    /// The time `millis` milliseconds after 1970 UTC, held within
    /// ``firstMillisecond``…``lastMillisecond`` like ``millisecondsSince1970(rounding:)``, so a
    /// stored value of any Int64 reads as a time that converts back to itself.
    public init(millisecondsSince1970 millis: Int64) {
        let held = min(max(millis, Self.firstMillisecond), Self.lastMillisecond)
        self.init(timeIntervalSince1970: Double(held) / 1000)
    }
}
