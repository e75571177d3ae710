import Foundation

/// Schedule periods: months (`2026-05`), quarters (`2026Q2`) and years (`2026`), with days that
/// begin at midnight `utcOffsetSeconds` east of UTC (China Standard Time by default).
public struct BackupCalendar: Sendable, Hashable {
    public var utcOffsetSeconds: Int

    public init(utcOffsetSeconds: Int = 8 * 3600) {
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds) ?? TimeZone(identifier: "UTC")!
        return calendar
    }

    private func parts(_ date: Date) -> (year: Int, month: Int) {
        let components = calendar.dateComponents([.year, .month], from: date)
        return (components.year ?? 1970, components.month ?? 1)
    }

    public func month(of date: Date) -> String {
        let (year, month) = parts(date)
        return String(format: "%04d-%02d", year, month)
    }

    public func quarter(of date: Date) -> String {
        let (year, month) = parts(date)
        return "\(year)Q\((month - 1) / 3 + 1)"
    }

    public func year(of date: Date) -> String { String(parts(date).year) }

    /// The quarter a month (`2026-05`) belongs to (`2026Q2`).
    public func quarter(ofMonth month: String) -> String? {
        let pieces = month.split(separator: "-")
        guard pieces.count == 2, let year = Int(pieces[0]), let number = Int(pieces[1]) else { return nil }
        return "\(year)Q\((number - 1) / 3 + 1)"
    }

    /// The first instant of the month, quarter or year named by `period`, and of the one after.
    public func bounds(of period: String) -> (start: Date, end: Date)? {
        var start = DateComponents()
        let length: DateComponents
        if let q = period.firstIndex(of: "Q") {
            guard let year = Int(period[..<q]), let quarter = Int(period[period.index(after: q)...]),
                (1...4).contains(quarter)
            else { return nil }
            start.year = year
            start.month = (quarter - 1) * 3 + 1
            length = DateComponents(month: 3)
        } else if period.contains("-") {
            let pieces = period.split(separator: "-")
            guard pieces.count == 2, let year = Int(pieces[0]), let month = Int(pieces[1]) else { return nil }
            start.year = year
            start.month = month
            length = DateComponents(month: 1)
        } else {
            guard let year = Int(period) else { return nil }
            start.year = year
            start.month = 1
            length = DateComponents(year: 1)
        }
        start.day = 1
        guard let first = calendar.date(from: start), let next = calendar.date(byAdding: length, to: first) else {
            return nil
        }
        return (first, next)
    }

    /// Whether `period` has ended at `now`.
    public func hasEnded(_ period: String, at now: Date) -> Bool {
        guard let bounds = bounds(of: period) else { return false }
        return now >= bounds.end
    }
}
