import Foundation
import JifangCompliance
import JifangModel
import JifangStore
import Testing

struct WaiverTests {
    @Test func waiverInForceExcludesTheRuleAndExpiredOneDoesNot() throws {
        let fixture = try TwoCounties()
        defer { fixture.directory.remove() }
        let before = try fixture.evaluate()
        try fixture.store.addWaiver(
            Waiver(
                rule: "infra.firewall", unit: "bad", justification: "Firewall on order", approver: "Director Li",
                startsOn: CalendarDay("2026-01-01")!, expiresOn: CalendarDay("2026-12-31")!))
        try fixture.store.addWaiver(
            Waiver(
                rule: "staff.training", unit: "bad", justification: "Expired", approver: "Director Li",
                startsOn: CalendarDay("2025-01-01")!, expiresOn: CalendarDay("2026-03-31")!))
        let after = try fixture.evaluate()
        let firewall = try #require(after.result("bad", "infra.firewall"))
        #expect(firewall.status == .waived)
        #expect(firewall.waivedStatus == .fail)
        #expect(firewall.waiver?.approver == "Director Li")
        #expect(firewall.score == nil)
        #expect(after.result("bad", "staff.training")?.status == .fail)
        // An error waived for the good county leaves the score's denominator, so the score rises.
        try fixture.store.addWaiver(
            Waiver(
                rule: "it.backup-monthly", unit: nil, justification: "Backup agent not deployed yet",
                approver: "Director Li",
                startsOn: CalendarDay("2026-01-01")!, expiresOn: CalendarDay("2026-12-31")!))
        let waived = try fixture.evaluate()
        #expect(waived.result("good", "it.backup-monthly")?.status == .waived)
        let scoreBefore = try #require(before.scorecards.first { $0.unit.id == "good" }?.score)
        let scoreAfter = try #require(waived.scorecards.first { $0.unit.id == "good" }?.score)
        #expect(scoreAfter > scoreBefore)
        #expect(try fixture.store.waivers().count == 3)
    }

    @Test func waiverMustNotExpireBeforeItStarts() throws {
        let fixture = try TwoCounties()
        defer { fixture.directory.remove() }
        #expect(throws: StoreError.self) {
            try fixture.store.addWaiver(
                Waiver(
                    rule: "x", unit: nil, justification: "j", approver: "a", startsOn: CalendarDay("2026-02-01")!,
                    expiresOn: CalendarDay("2026-01-01")!))
        }
    }
}
