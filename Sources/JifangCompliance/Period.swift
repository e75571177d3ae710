import Foundation
import JifangModel

/// A half-year evaluation period (Mgmt Art. 28): `2026H1` is January–June, `2026H2` July–December.
public struct Period: Sendable, Hashable, Comparable, CodableAsText, CustomStringConvertible, LosslessStringConvertible
{
    public var year: Int
    /// 1 or 2.
    public var half: Int

    public init?(year: Int, half: Int) {
        guard (1...9999).contains(year), half == 1 || half == 2 else { return nil }
        self.year = year
        self.half = half
    }

    /// Parses `2026H2` (case-insensitive); `nil` for anything else.
    public init?(_ text: String) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = upper.split(separator: "H", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let half = Int(parts[1]) else {
            return nil
        }
        self.init(year: year, half: half)
    }

    /// The period containing `day`.
    public init(containing day: CalendarDay) {
        year = day.year
        half = day.month <= 6 ? 1 : 2
    }

    public var description: String { "\(year)H\(half)" }

    public var firstDay: CalendarDay { CalendarDay(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var lastDay: CalendarDay { CalendarDay(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)! }
    public var previous: Period { half == 2 ? Period(year: year, half: 1)! : Period(year: year - 1, half: 2)! }

    /// The `count` periods before this one, most recent first.
    public func preceding(_ count: Int) -> [Period] {
        var result: [Period] = []
        var period = self
        for _ in 0..<count {
            period = period.previous
            result.append(period)
        }
        return result
    }

    /// The share of the year a period's "per year" requirement is prorated to: half of it by the
    /// end of H1, all of it by the end of H2 (counted from 1 January).
    public var yearFraction: Double { half == 1 ? 0.5 : 1 }

    public static func < (a: Period, b: Period) -> Bool { (a.year, a.half) < (b.year, b.half) }

    /// What a decoding error says the text should be.
    public static let textForm = "a period"
}
