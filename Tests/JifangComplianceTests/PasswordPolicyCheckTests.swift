import Foundation
import JifangCompliance
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// Art. 118 for the suite's own accounts: passwords changed within the expiry period.
struct PasswordPolicyCheckTests {
    func evaluate(changedOn days: [String]) throws -> RuleResult? {
        let directory = try TemporaryDirectory(prefix: "jifang-password-rule")
        defer { directory.remove() }
        let store = try Store(path: directory.appending("store.sqlite").path)
        try store.syncInventory(
            units: [OrganisationUnit(id: "c", name: "County", level: .county)],
            devices: [DeviceProfile(name: "router", address: "10.0.0.1", unit: "c", declaredKind: .router)],
            at: TwoCounties.start(of: CalendarDay("2026-01-01")!))
        for (i, day) in days.enumerated() {
            let changed = TwoCounties.start(of: CalendarDay(day)!)
            try store.createAccount(
                Account(
                    username: "user\(i)", displayName: "User \(i)", role: .technician, passwordHash: "pbkdf2$x",
                    passwordChangedAt: changed, createdAt: changed),
                by: Store.Actor("test"))
        }
        let report = try Evaluator(store: store, rules: TwoCounties.rules()).evaluate(
            period: TwoCounties.period, asOf: TwoCounties.asOf, save: false,
            now: Date(timeIntervalSince1970: 1_782_864_000))
        return report.result("c", "it.passwords")
    }

    @Test func recentPasswordsPass() throws {
        #expect(try evaluate(changedOn: ["2026-05-01", "2026-06-20"])?.status == .pass)
    }

    @Test func aPasswordOlderThanNinetyDaysFails() throws {
        let result = try #require(try evaluate(changedOn: ["2026-06-20", "2026-01-05"]))
        #expect(result.status == .fail)
        #expect(result.evidence.summary.contains("user1"))
    }

    @Test func noAccountsDoNotApply() throws {
        #expect(try evaluate(changedOn: [])?.status == .notApplicable)
    }
}
