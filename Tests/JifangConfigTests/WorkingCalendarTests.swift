import Foundation
import JifangConfig
import JifangModel
import Testing

/// Policies/calendar.yaml and the rules its loader enforces.
@Suite struct WorkingCalendarTests {
    func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test func shippedCalendarHoldsTheStateCouncilSchedules() throws {
        let calendar = try WorkingCalendar.load(path: shippedPolicies + "/calendar.yaml")
        #expect(calendar.covers(year: 2025) && calendar.covers(year: 2026) && !calendar.covers(year: 2027))
        // 2025: Spring Festival 28 January–4 February, make-up Sunday 26 January and Saturday 8 February.
        #expect(!calendar.isWorkingDay(day("2025-01-28")) && !calendar.isWorkingDay(day("2025-02-04")))
        #expect(calendar.isWorkingDay(day("2025-01-26")) && calendar.isWorkingDay(day("2025-02-08")))
        #expect(calendar.isWorkingDay(day("2025-02-05")))
        // 2026: National Day 1–7 October, make-up Sunday 20 September and Saturday 10 October.
        #expect(calendar.holidays[day("2026-10-07")] == "国庆节 National Day")
        #expect(calendar.makeUpWorkdays[day("2026-10-10")] == "国庆节 National Day")
        #expect(!calendar.isWorkingDay(day("2026-10-11")))  // an ordinary Sunday
        // Days off: 28 in 2025, 33 in 2026 (weekends inside the holidays included); make-up days: 5 and 6.
        #expect(calendar.holidays.keys.filter { $0.year == 2025 }.count == 28)
        #expect(calendar.holidays.keys.filter { $0.year == 2026 }.count == 33)
        #expect(calendar.makeUpWorkdays.keys.filter { $0.year == 2025 }.count == 5)
        #expect(calendar.makeUpWorkdays.keys.filter { $0.year == 2026 }.count == 6)
        #expect(
            calendar.workingDays(from: day("2026-02-09"), to: day("2026-03-01")).map(\.description) == [
                "2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24",
                "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28",
            ])
    }

    @Test func withoutAScheduleMondayToFridayAreWorkingDays() {
        let calendar = WorkingCalendar.mondayToFriday
        #expect(
            calendar.workingDays(from: day("2026-02-13"), to: day("2026-02-16")).map(\.description) == [
                "2026-02-13", "2026-02-16",
            ])
    }

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try WorkingCalendar.parse(yaml: yaml, file: "Policies/calendar.yaml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func malformedCalendarsAreRejectedWithFileLineAndField() {
        #expect(
            errors(
                """
                years: [2026]
                holidays:
                  - {name: 春节, from: 2026-02-15, to: 2026-02-23}
                  - {name: 清明节, from: 2026-04-31}
                workdays:
                  - {day: 2026-02-14, for: 春节}
                """) == [
                    "Policies/calendar.yaml:4: holidays[1].from: \"2026-04-31\" is not a date (use yyyy-MM-dd)"
                ])
        #expect(
            errors(
                """
                years: [2026]
                workdays:
                  - {day: 2026-02-13, for: 春节}
                """) == [
                    "Policies/calendar.yaml:3: workdays[0].day: 2026-02-13 is a Monday–Friday; a make-up working day is a Saturday or Sunday"
                ])
        #expect(
            errors(
                """
                years: [2026]
                holidays:
                  - {name: 春节, from: 2027-02-06, to: 2027-02-13}
                """
            ).first?.hasPrefix("Policies/calendar.yaml:3: holidays[0].from: 2027-02-06 is not in one of the years")
                == true)
        #expect(
            errors(
                """
                years: [2026]
                holidays:
                  - name: 劳动节
                    from: 2026-05-05
                    to: 2026-05-01
                """) == [
                    "Policies/calendar.yaml:5: holidays[0].to: 2026-05-01 is before 2026-05-05, where the holiday starts"
                ])
        #expect(
            errors(
                """
                years: [2026]
                holidays:
                  - {from: 2026-05-01}
                """) == ["Policies/calendar.yaml:3: holidays[0].name: required field is missing"])
        let duplicate = errors(
            """
            years: [2026]
            holidays:
              - {name: 春节, from: 2026-02-15, to: 2026-02-23}
            workdays:
              - {day: 2026-02-21, for: 春节}
            """)
        #expect(
            duplicate.count == 1 && duplicate[0].hasPrefix("Policies/calendar.yaml:5: workdays[0].day:"), "\(duplicate)"
        )
    }
}
