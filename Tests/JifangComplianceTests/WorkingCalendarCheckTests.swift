import Foundation
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// The duty-log and virus-scan rules read working days from Policies/calendar.yaml: January and
/// February 2026 hold New Year (1–3 January, make-up Sunday 4 January) and the Spring Festival
/// (15–23 February, make-up Saturdays 14 and 28 February).
///
/// `calendar` logs on the calendar's working days and scans for viruses on each week's first
/// working day; `weekdays` logs Monday to Friday, holidays included, and scans every Monday.
struct WorkingCalendarCheckTests {
    static let asOf = CalendarDay("2026-03-01")!
    let directory: TemporaryDirectory
    let store: Store
    let calendar: WorkingCalendar

    init() throws {
        directory = try TemporaryDirectory(prefix: "jifang-calendar")
        store = try Store(path: directory.appending("store.sqlite").path)
        calendar = try WorkingCalendar.load(
            path: PackagePaths.root.appendingPathComponent("Policies/calendar.yaml").path)
        try store.syncInventory(
            units: [
                OrganisationUnit(id: "33", name: "Province", level: .province),
                OrganisationUnit(id: "calendar", name: "Follows the calendar", level: .county, parent: "33"),
                OrganisationUnit(id: "weekdays", name: "Monday to Friday", level: .county, parent: "33"),
            ], devices: [])
        var entries: [DutyLogEntry] = []
        var scannedWeek = -1
        for ordinal in CalendarDay("2026-01-01")!.ordinal..<Self.asOf.ordinal {
            let day = CalendarDay(ordinal: ordinal)
            let time = TwoCounties.start(of: day).addingTimeInterval(9 * 3600)
            let week = (ordinal - 4) / 7  // weeks from Monday 1970-01-05
            if calendar.isWorkingDay(day) {
                let scan = week != scannedWeek
                scannedWeek = week
                entries.append(entry("calendar", day, time, scan ? "Virus scan of all PCs" : "Routine checks"))
            }
            if !day.isWeekend {
                let monday = (ordinal - 4) % 7 == 0
                entries.append(entry("weekdays", day, time, monday ? "Virus scan of all PCs" : "Routine checks"))
            }
        }
        try store.appendDutyLogEntries(entries)
    }

    func entry(_ unit: String, _ day: CalendarDay, _ time: Date, _ text: String) -> DutyLogEntry {
        DutyLogEntry(
            id: 0, unit: unit, day: day, time: time, category: .other, text: text, author: "\(unit)-tech",
            source: .manual, recordedAt: time)
    }

    func evaluate(_ calendar: WorkingCalendar) throws -> EvaluationReport {
        try Evaluator(store: store, rules: TwoCounties.rules(), calendar: calendar).evaluate(
            period: TwoCounties.period, asOf: Self.asOf, save: false)
    }

    @Test func holidaysAreNotWorkingDaysAndMakeUpWeekendsAre() throws {
        defer { directory.remove() }
        let report = try evaluate(calendar)
        let passing = try #require(report.result("calendar", "rules.duty-log"))
        #expect(passing.status == .pass, "\(passing.evidence)")
        // 42 weekdays, less 8 taken off (1–2 January, 16–20 and 23 February), plus 3 make-up days.
        #expect(passing.evidence.summary == "All 37 working days have an entry.")
        let failing = try #require(report.result("weekdays", "rules.duty-log"))
        #expect(failing.status == .fail)
        #expect(
            failing.evidence.summary.hasPrefix(
                "3 of 37 working days have no entry, e.g. 2026-01-04, 2026-02-14, 2026-02-28"))
    }

    @Test func aWeekOfHolidaysAsksForNoVirusScan() throws {
        defer { directory.remove() }
        let report = try evaluate(calendar)
        // The week of 16 February is all Spring Festival: nobody is there to scan.
        #expect(report.result("calendar", "it.virus-scan")?.status == .pass)
        #expect(report.result("calendar", "it.virus-scan")?.evidence.summary.hasPrefix("All 6 weeks") == true)
        // Monday 16 February's "scan" was written on a holiday; the rule does not ask for that week.
        #expect(report.result("weekdays", "it.virus-scan")?.status == .pass)
    }

    @Test func withoutACalendarEveryMondayToFridayCounts() throws {
        defer { directory.remove() }
        let report = try evaluate(.mondayToFriday)
        let result = try #require(report.result("calendar", "rules.duty-log"))
        #expect(result.status == .fail)
        #expect(result.evidence.summary.contains("8 of 42 working days"))
        #expect(result.evidence.summary.contains("no public holidays for 2026"))
        #expect(report.result("weekdays", "rules.duty-log")?.status == .pass)
        // Without the calendar the holiday week needs a scan, which the calendar-following unit lacks.
        #expect(report.result("calendar", "it.virus-scan")?.status == .fail)
    }
}
