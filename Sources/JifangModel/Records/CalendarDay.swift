import Foundation

/// A calendar date without a time (`2026-11-23`), as the duty log, loans and the asset register use.
///
/// Comparable and stored as its ISO text, which sorts the same way as the dates.
///
/// Every value is a real day of the years 0001 through 9999 (``first``…``last``), the years the
/// four-digit text can write and read back. Arithmetic that would leave that range
/// (``adding(days:)``, ``adding(months:)``, ``init(ordinal:)``, the day of a time far off or NaN)
/// stops at its edge instead of trapping or making a day the text cannot hold.
public struct CalendarDay: Sendable, Hashable, Comparable, CodableAsText, CustomStringConvertible {
    public private(set) var year: Int
    public private(set) var month: Int
    public private(set) var day: Int

    /// 0001-01-01, the first day a value can be.
    public static let first = CalendarDay(checkedYear: 1, month: 1, day: 1)
    /// 9999-12-31, the last day a value can be.
    public static let last = CalendarDay(checkedYear: 9999, month: 12, day: 31)

    /// A day from parts the caller has checked.
    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day from its parts; `nil` when they do not name a real date (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `date` falls on at `utcOffsetSeconds` east of UTC (28,800 for China Standard Time).
    ///
    /// A time outside the years 0001…9999 gives ``first`` or ``last``, NaN the day of the epoch, as
    /// ``Foundation/Date/millisecondsSince1970(rounding:)`` holds them.
    public init(_ date: Date, utcOffsetSeconds: Int) {
        // Plain arithmetic: a fixed offset has no daylight saving, and this runs for every log entry.
        // Held milliseconds are within ±2.6e14 and an offset is clamped to ±10^9 s, so nothing overflows.
        let offset = Int64(min(max(utcOffsetSeconds, -1_000_000_000), 1_000_000_000))
        let seconds = date.millisecondsSince1970(rounding: .down).quotientAndRemainder(dividingBy: 1000)
        let total = seconds.quotient - (seconds.remainder < 0 ? 1 : 0) + offset
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        self.init(ordinal: Int(truncatingIfNeeded: days))
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `ordinal` days after 1970-01-01, held within ``first``…``last``.
    public init(ordinal: Int) {
        let z = min(max(ordinal, Self.firstOrdinal), Self.lastOrdinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day `days` later (earlier when negative), held within ``first``…``last``.
    public func adding(days: Int) -> CalendarDay {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        return overflow ? (days < 0 ? .first : .last) : CalendarDay(ordinal: sum)
    }

    /// The same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29);
    /// a month after 9999-12 gives ``last``, one before 0001-01 ``first``.
    public func adding(months: Int) -> CalendarDay {
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow else { return months < 0 ? .first : .last }
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        guard y >= 1 else { return .first }
        guard y <= 9999 else { return .last }
        return CalendarDay(checkedYear: y, month: m, day: min(day, Self.daysIn(month: m, year: y)))
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int { other.ordinal - ordinal }

    /// ``first``'s and ``last``'s ordinals.
    static let firstOrdinal = -719_162
    static let lastOrdinal = 2_932_896

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// What a decoding error says the text should be.
    public static let textForm = "a date (yyyy-MM-dd)"
}
