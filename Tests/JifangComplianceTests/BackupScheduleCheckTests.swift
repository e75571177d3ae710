import Foundation
import JifangCompliance
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// The backup rules (Art. 140–143) against a real backup register.
struct BackupScheduleCheckTests {
    /// One county with a router, and a registry database backed up in the given months.
    func evaluate(months: [Int], discs: [String], configFailed: Bool) throws -> EvaluationReport {
        let directory = try TemporaryDirectory(prefix: "jifang-backup-rules")
        defer { directory.remove() }
        let store = try Store(path: directory.appending("store.sqlite").path)
        try store.syncInventory(
            units: [OrganisationUnit(id: "c", name: "County", level: .county)],
            devices: [DeviceProfile(name: "router", address: "10.0.0.1", unit: "c", declaredKind: .router)],
            at: TwoCounties.start(of: CalendarDay("2026-01-01")!))
        func keep(
            _ target: String, _ category: BackupCategory?, _ kind: BackupKind, _ period: String, _ day: String,
            status: BackupStatus = .good
        ) throws {
            let time = TwoCounties.start(of: CalendarDay(day)!).addingTimeInterval(3600)
            let id = try store.beginBackup(target: target, category: category, kind: kind, period: period, at: time)
            _ = try store.finishBackup(id: id, status: status, at: time.addingTimeInterval(60))
        }
        for month in months {
            try keep(
                "registry-db", .database, .backup, String(format: "2026-%02d", month),
                String(format: "2026-%02d-28", month))
        }
        for disc in discs { try keep("discs", nil, .disc, disc, "2026-07-02") }
        try keep("router", .configuration, .config, "2026-03", "2026-03-10")
        if configFailed { try keep("router", .configuration, .config, "2026-05", "2026-05-10", status: .failed) }
        return try Evaluator(store: store, rules: TwoCounties.rules()).evaluate(
            period: TwoCounties.period, asOf: TwoCounties.asOf, save: false,
            now: Date(timeIntervalSince1970: 1_782_864_000))
    }

    @Test func everyMonthAndQuarterKeptPasses() throws {
        let report = try evaluate(months: Array(1...6), discs: ["2026Q1", "2026Q2"], configFailed: false)
        #expect(report.result("c", "it.backup-monthly")?.status == .pass)
        #expect(report.result("c", "it.backup-disc")?.status == .pass)
        #expect(report.result("c", "it.backup-config")?.status == .pass)
        #expect(report.result("c", "it.backup-monthly")?.evidence.records.count == 6)
    }

    @Test func aMissingMonthDiscOrRedoneConfigFails() throws {
        let report = try evaluate(months: [1, 2, 3, 5, 6], discs: ["2026Q1"], configFailed: true)
        let monthly = try #require(report.result("c", "it.backup-monthly"))
        #expect(monthly.status == .fail)
        #expect(monthly.evidence.summary.contains("registry-db 2026-04"))
        #expect(report.result("c", "it.backup-disc")?.evidence.summary == "No verified disc image for 2026Q2.")
        #expect(report.result("c", "it.backup-config")?.status == .fail)
    }
}
