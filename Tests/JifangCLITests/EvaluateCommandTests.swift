import Foundation
import JifangCompliance
import JifangStore
import JifangTesting
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `jifang evaluate` and `jifang waiver` run as the built binary against a small synthetic province
/// (one city, two counties, two townships) for 2026H1.
@Suite(.serialized)
struct EvaluateCommandTests {
    let directory: TemporaryDirectory
    let database: String
    let jifang = CommandRunner(executable: PackagePaths.executable("jifang"), workingDirectory: PackagePaths.root)
    static let units = ["3301", "330101", "330101001", "330102", "330102001"]

    init() throws {
        directory = try TemporaryDirectory(prefix: "jifang-evaluate")
        database = directory.appending("jifang.sqlite").path
        let store = try Store(path: database)
        try SyntheticProvince(seed: 5, cities: 1, countiesPerCity: 2, townshipsPerCounty: 1, pollsPerDevice: 4)
            .populate(store)
        try store.close()
    }

    func evaluate(_ arguments: [String]) throws -> CommandRunner.Output {
        try jifang.run(["evaluate", "--period", "2026H1", "--as-of", "2026-07-01", "--database", database] + arguments)
    }

    func report(_ arguments: [String] = []) throws -> EvaluationReport {
        let output = try evaluate(["--format", "json", "--dry-run"] + arguments)
        #expect(output.status == 0, "\(output)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(EvaluationReport.self, from: Data(output.stdout.utf8))
    }

    @Test func jsonHasAScorecardPerUnitAndRankingsPerLevel() throws {
        defer { directory.remove() }
        let report = try report()
        #expect(report.period.description == "2026H1")
        #expect(report.scorecards.map(\.unit.id).sorted() == Self.units)
        let rules = try #require(report.scorecards.first).results.count
        #expect(rules > 20)
        #expect(report.scorecards.allSatisfy { $0.results.count == rules && $0.score != nil })
        // Two counties and two townships are ranked among their level, best score first.
        let counties = try #require(report.rankings.first { $0.level == .county })
        #expect(counties.entries.map(\.unit).sorted() == ["330101", "330102"])
        #expect(counties.entries[0].score >= counties.entries[1].score && counties.entries[0].rank == 1)
        let text = try evaluate(["--dry-run"])
        #expect(text.status == 0 && text.stdout.contains("Ranking, county level:"), "\(text)")
    }

    @Test func unitNarrowsTheReportToOneScorecard() throws {
        defer { directory.remove() }
        let report = try report(["--unit", "330102"])
        #expect(report.scorecards.map(\.unit.id) == ["330102"])
        let unknown = try evaluate(["--unit", "999999", "--dry-run"])
        #expect(unknown.status != 0 && unknown.stderr.contains("--unit") && unknown.stderr.contains("999999"))
    }

    @Test func htmlIsOneSelfContainedFile() throws {
        defer { directory.remove() }
        let path = directory.appending("evaluation.html").path
        let output = try evaluate(["--format", "html", "--output", path, "--dry-run"])
        #expect(output.status == 0, "\(output)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("330101001"))
        // Nothing is fetched: no scripts, stylesheets, images or fonts from elsewhere.
        for pattern in [
            #"(src|href)\s*=\s*["']?(https?:)?//"#, #"url\(\s*["']?(https?:)?//"#, #"@import"#, #"<script"#,
        ] {
            #expect(html.range(of: pattern, options: [.regularExpression, .caseInsensitive]) == nil, "\(pattern)")
        }
    }

    @Test func junitIsWellFormedWithATestCasePerRuleAndUnit() throws {
        defer { directory.remove() }
        let path = directory.appending("evaluation.xml").path
        let output = try evaluate(["--format", "junit", "--output", path, "--dry-run"])
        #expect(output.status == 0, "\(output)")
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path))
        let cases = try document.nodes(forXPath: "//testcase")
        let rules = try #require(try report().scorecards.first).results.count
        #expect(cases.count == Self.units.count * rules)
        #expect(try document.nodes(forXPath: "//testcase/failure").count > 0)
    }

    @Test func waiverAppliesWithinItsDatesAndStopsAfterExpiry() throws {
        defer { directory.remove() }
        // No backup records in the store: it.backup-monthly fails for every unit.
        #expect(
            try report(["--unit", "330101"]).scorecards[0].results.first { $0.rule == "it.backup-monthly" }?
                .status.isFailing == true)
        let added = try jifang.run([
            "waiver", "add", "it.backup-monthly", "--unit", "330101", "--justification", "Backup server on order",
            "--approver", "Director Li", "--start", "2026-01-01", "--expires", "2026-12-31", "--database", database,
        ])
        #expect(added.status == 0 && added.stdout.contains("Waiver #1"), "\(added)")
        let expired = try jifang.run([
            "waiver", "add", "it.backup-monthly", "--unit", "330102", "--justification", "Tape drive repaired",
            "--approver", "Director Li", "--start", "2026-01-01", "--expires", "2026-03-31", "--database", database,
        ])
        #expect(expired.status == 0, "\(expired)")

        let listed = try jifang.run(["waiver", "list", "--format", "json", "--database", database])
        let waivers = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(waivers.count == 2)
        #expect(waivers[0]["justification"] as? String == "Backup server on order")
        #expect(waivers[0]["approver"] as? String == "Director Li")
        #expect("\(waivers[0]["startsOn"] ?? "")" == "2026-01-01" && "\(waivers[0]["expiresOn"] ?? "")" == "2026-12-31")

        let card = try report(["--unit", "330101"]).scorecards[0]
        let waived = try #require(card.results.first { $0.rule == "it.backup-monthly" })
        #expect(waived.status == .waived && waived.waivedStatus?.isFailing == true)
        #expect(waived.waiver?.approver == "Director Li" && waived.waiver?.justification == "Backup server on order")
        // 330102's waiver expired on 2026-03-31, before the period's last day: the rule counts again.
        let other = try report(["--unit", "330102"]).scorecards[0]
        #expect(other.results.first { $0.rule == "it.backup-monthly" }?.status.isFailing == true)
        #expect(other.results.allSatisfy { $0.status != .waived })

        let unknownRule = try jifang.run([
            "waiver", "add", "it.no-such-rule", "--justification", "x", "--approver", "y", "--start", "2026-01-01",
            "--expires", "2026-02-01", "--database", database,
        ])
        #expect(unknownRule.status != 0 && unknownRule.stderr.contains("it.no-such-rule"), "\(unknownRule)")
    }

    @Test func aBadPeriodNamesTheOption() throws {
        defer { directory.remove() }
        let output = try jifang.run(["evaluate", "--period", "2026H3", "--database", database])
        #expect(output.status != 0)
        #expect(output.stderr.contains("--period") && output.stderr.contains("2026H3"), "\(output)")
        let badDay = try jifang.run([
            "waiver", "add", "it.backup-monthly", "--justification", "x", "--approver", "y", "--start", "2026-13-01",
            "--expires", "2026-02-01", "--database", database,
        ])
        #expect(badDay.status != 0 && badDay.stderr.contains("--start"), "\(badDay)")
    }
}
