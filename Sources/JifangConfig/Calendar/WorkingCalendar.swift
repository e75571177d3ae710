import JifangModel

/// Which days are working days: Monday to Friday, except the public holidays of the State
/// Council's yearly schedule, plus the Saturdays and Sundays it makes working days (调休上班).
///
/// Loaded from Policies/calendar.yaml (``load(path:)``). For a year the file does not cover,
/// every Monday–Friday is a working day; ``covers(year:)`` says whether that fallback applies,
/// so reports can say so. ``mondayToFriday`` is the calendar with no schedule at all.
public struct WorkingCalendar: Sendable, Hashable {
    /// The years whose schedule the calendar holds.
    public var years: Set<Int>
    /// Public-holiday days (including the weekdays taken off in exchange), with the holiday's name.
    public var holidays: [CalendarDay: String]
    /// Saturdays and Sundays that are working days, with the holiday they make up for.
    public var makeUpWorkdays: [CalendarDay: String]

    public init(
        years: Set<Int> = [], holidays: [CalendarDay: String] = [:], makeUpWorkdays: [CalendarDay: String] = [:]
    ) {
        self.years = years
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    /// The file's name in the policies directory.
    public static let fileName = "calendar.yaml"

    /// No schedule: every Monday–Friday is a working day.
    public static let mondayToFriday = WorkingCalendar()

    /// Whether the calendar holds the schedule of `year`.
    public func covers(year: Int) -> Bool { years.contains(year) }

    /// Whether `day` is a working day.
    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        if makeUpWorkdays[day] != nil { return true }
        if holidays[day] != nil { return false }
        return !day.isWeekend
    }

    /// The working days of `first...last` in order (empty when `last` precedes `first`).
    public func workingDays(from first: CalendarDay, to last: CalendarDay) -> [CalendarDay] {
        guard first <= last else { return [] }
        return (first.ordinal...last.ordinal).map(CalendarDay.init(ordinal:)).filter(isWorkingDay)
    }
}

extension CalendarDay {
    /// Saturday or Sunday.
    public var isWeekend: Bool {
        // 1970-01-01 was a Thursday: ordinal % 7 == 2 is a Saturday, 3 a Sunday.
        let weekday = ((ordinal % 7) + 7) % 7
        return weekday == 2 || weekday == 3
    }
}
