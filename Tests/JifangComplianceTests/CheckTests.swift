import Foundation
import JifangCompliance
import JifangModel
import JifangStore
import Testing

/// Every rule of Policies/rules.yaml against a county that keeps its records and one that does not.
@Suite(.serialized)
struct CheckTests {
    static let fixture = Result { try TwoCounties() }

    /// Rules with a passing (good) and failing (bad) fixture.
    @Test(arguments: [
        "infra.device-spec", "infra.pc-count", "infra.uptime", "infra.firewall", "it.bindings", "it.virus-scan",
        "staff.staffing", "staff.degrees", "staff.certificates", "staff.training", "rules.duty-log",
        "rules.fault-records", "rules.log-reviews", "rules.idle-power-on", "rules.repairs-scrapping", "rules.loans",
        "rules.meetings", "rules.circulars",
    ])
    func goodPassesBadFails(rule: String) throws {
        let report = try Self.fixture.get().evaluate()
        let good = try #require(report.result("good", rule))
        let bad = try #require(report.result("bad", rule))
        #expect(good.status == .pass, "\(rule) good: \(good.evidence.summary)")
        #expect(bad.status == .fail, "\(rule) bad: \(bad.evidence.summary)")
        #expect(!bad.evidence.summary.isEmpty)
    }

    @Test func backupsWithoutRecordsFailAndPasswordsWithoutAccountsDoNotApply() throws {
        let report = try Self.fixture.get().evaluate()
        let monthly = try #require(report.result("good", "it.backup-monthly"))
        #expect(monthly.status == .fail)
        #expect(monthly.evidence.summary.hasPrefix("No database, log or document backup is recorded"))
        #expect(report.result("good", "it.backup-disc")?.status == .fail)
        // H1 holds no December, and no device configuration is set up for backup.
        #expect(report.result("good", "it.backup-archive")?.status == .notApplicable)
        #expect(report.result("good", "it.backup-config")?.status == .notApplicable)
        #expect(report.result("good", "it.passwords")?.status == .notApplicable)
    }

    @Test func rulesOfOtherLevelsAndWithoutSubjectsAreNotApplicable() throws {
        let report = try Self.fixture.get().evaluate()
        #expect(report.result("good", "infra.printer-count")?.status == .notApplicable)
        #expect(report.result("good", "it.violations")?.status == .notApplicable)
        #expect(report.result("good", "infra.printer-count")?.score == nil)
    }

    @Test func evidenceNamesTheRecords() throws {
        let report = try Self.fixture.get().evaluate()
        let spec = try #require(report.result("bad", "infra.device-spec"))
        #expect(spec.evidence.summary.contains("bad-router failed router.memory: 64 MB < 128 MB"))
        #expect(spec.evidence.records.contains("device:bad-router"))
        let fault = try #require(report.result("bad", "rules.fault-records"))
        #expect(fault.evidence.summary.contains("lacks cause"))
    }

    @Test func contributionsAddUpToTheScore() throws {
        let report = try Self.fixture.get().evaluate()
        for card in report.scorecards {
            let sum = card.results.compactMap(\.contribution).reduce(0, +)
            #expect(abs(sum - (card.score ?? 0)) < 1e-9)
        }
        let good = try #require(report.scorecards.first { $0.unit.id == "good" })
        let bad = try #require(report.scorecards.first { $0.unit.id == "bad" })
        #expect(good.score! > bad.score!)
        #expect(good.rank == 1 && bad.rank == 2)
    }
}
