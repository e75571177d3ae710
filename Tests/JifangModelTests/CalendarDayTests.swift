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
