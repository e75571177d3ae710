import Foundation
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// The JSON and HTML scorecards of a small seeded province against checked-in files.
/// Re-record deliberately with `JIFANG_RECORD_GOLDEN=1 swift test --filter ReportGoldenTests`.
@Suite(.serialized)
struct ReportGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func report() throws -> EvaluationReport {
        let directory = try TemporaryDirectory(prefix: "jifang-golden")
        defer { directory.remove() }
        let store = try Store(path: directory.appending("store.sqlite").path)
        try SyntheticProvince(seed: 7, cities: 1, countiesPerCity: 2, townshipsPerCounty: 1, pollsPerDevice: 4)
            .populate(store)
        return try Evaluator(store: store, rules: TwoCounties.rules()).evaluate(
            period: Period("2026H1")!, asOf: CalendarDay("2026-07-01")!, save: false,
            now: Date(timeIntervalSince1970: 1_782_864_000))
    }

    func compare(_ text: String, file: String) throws {
        let url = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["JIFANG_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(file) differs; if the change is intended, re-record with JIFANG_RECORD_GOLDEN=1")
    }

    @Test func jsonScorecard() throws { try compare(ScorecardJSON.render(Self.report()), file: "province-2026H1.json") }

    @Test func htmlScorecard() throws { try compare(ScorecardHTML.render(Self.report()), file: "province-2026H1.html") }

    @Test func junitCountsFailures() throws {
        let report = try Self.report()
        let xml = ScorecardJUnit.render(report)
        let failures = report.scorecards.flatMap(\.results).filter { $0.status == .fail }.count
        #expect(xml.contains("failures=\"\(failures)\""))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == report.scorecards.flatMap(\.results).count)
    }
}
