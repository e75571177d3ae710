import Foundation
import JifangModel
import Testing

@Suite struct CalendarDayTests {
    @Test func parsesOnlyRealDates() {
        #expect(CalendarDay("2026-02-28")?.description == "2026-02-28")
        #expect(CalendarDay("2026-02-30") == nil)
        #expect(CalendarDay("2026-2-3") == nil)
        #expect(CalendarDay("2024-02-29") != nil)
    }

    @Test func arithmetic() {
        let day = CalendarDay("2026-01-31")!
        #expect(day.adding(months: 1).description == "2026-02-28")
        #expect(day.adding(days: 30).description == "2026-03-02")
        #expect(CalendarDay(ordinal: day.ordinal) == day)
        #expect(CalendarDay("1970-01-01")!.ordinal == 0)
    }

    @Test func dayOfAnInstantFollowsTheOffset() {
        // 2026-11-23 17:00 UTC is 2026-11-24 01:00 in China.
        let date = Date(timeIntervalSince1970: Double(CalendarDay("2026-11-23")!.ordinal) * 86_400 + 17 * 3600)
        #expect(CalendarDay(date, utcOffsetSeconds: 28_800).description == "2026-11-24")
        #expect(CalendarDay(date, utcOffsetSeconds: 0).description == "2026-11-23")
    }
}

/// Day arithmetic and the day of a time stop at 0001-01-01 and 9999-12-31 instead of trapping
/// (the old `adding(months:)` force-unwrapped a year-10000 day; `Int(_:)` of a NaN time trapped).
@Suite struct CalendarDayRangeTests {
    @Test func monthsPastTheLastYearStopAtItsLastDay() {
        let december = CalendarDay(year: 9999, month: 12, day: 15)!
        #expect(december.adding(months: 1) == CalendarDay.last)
        #expect(december.adding(months: Int.max) == CalendarDay.last)
        #expect(CalendarDay.first.adding(months: -1) == CalendarDay.first)
        #expect(december.adding(months: Int.min) == CalendarDay.first)
        #expect(CalendarDay(year: 9999, month: 11, day: 30)!.adding(months: 1).description == "9999-12-30")
        #expect(CalendarDay("2026-03-31")!.adding(months: -13).description == "2025-02-28")
    }

    @Test func daysAndOrdinalsStopAtTheEdges() {
        #expect(CalendarDay.last.adding(days: 1) == CalendarDay.last)
        #expect(CalendarDay.last.adding(days: Int.max) == CalendarDay.last)
        #expect(CalendarDay.first.adding(days: Int.min) == CalendarDay.first)
        #expect(CalendarDay(ordinal: Int.max) == CalendarDay.last)
        #expect(CalendarDay(ordinal: Int.min) == CalendarDay.first)
        #expect(CalendarDay(ordinal: CalendarDay.last.ordinal).description == "9999-12-31")
        #expect(CalendarDay(CalendarDay.last.description) == CalendarDay.last, "the last day reads back")
    }

    @Test func theDayOfAnExtremeTimeIsAnEdgeOrTheEpoch() {
        #expect(CalendarDay(Date(timeIntervalSince1970: .nan), utcOffsetSeconds: 28_800).description == "1970-01-01")
        #expect(CalendarDay(Date(timeIntervalSince1970: .infinity), utcOffsetSeconds: 0) == CalendarDay.last)
        #expect(CalendarDay(Date(timeIntervalSince1970: 1e300), utcOffsetSeconds: Int.max) == CalendarDay.last)
        #expect(CalendarDay(Date(timeIntervalSince1970: -1e300), utcOffsetSeconds: Int.min) == CalendarDay.first)
        #expect(CalendarDay(Date(timeIntervalSince1970: -0.001), utcOffsetSeconds: 0).description == "1969-12-31")
        #expect(CalendarDay(Date(timeIntervalSince1970: 86_399.9995), utcOffsetSeconds: 0).description == "1970-01-01")
    }
}
