import JifangCompliance
import JifangModel
import Testing

struct PeriodTests {
    @Test func parsesHalves() {
        let h2 = Period("2026H2")!
        #expect(h2.firstDay == CalendarDay("2026-07-01"))
        #expect(h2.lastDay == CalendarDay("2026-12-31"))
        #expect(Period("2026h1")!.lastDay == CalendarDay("2026-06-30"))
        #expect(h2.previous.description == "2026H1")
        #expect(Period("2026H1")!.previous.description == "2025H2")
        #expect(Period("2026H3") == nil)
        #expect(Period("26H1") == nil)
    }
}
