import Foundation
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Testing

struct RankingTests {
    @Test func flagsComeFromStoredHistory() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-ranking")
        defer { directory.remove() }
        let store = try Store(path: directory.appending("store.sqlite").path)
        let province = SyntheticProvince(
            seed: 3, cities: 1, countiesPerCity: 5, townshipsPerCounty: 0, pollsPerDevice: 2)
        try province.populate(store)
        let evaluator = Evaluator(store: store, rules: try TwoCounties.rules())
        let period = Period("2026H1")!
        let asOf = CalendarDay("2026-07-01")!
        let first = try evaluator.evaluate(period: period, asOf: asOf)
        let counties = try #require(first.rankings.first { $0.level == .county })
        #expect(counties.entries.count == 5)
        #expect(counties.entries.map(\.rank) == counties.entries.map(\.rank).sorted())
        #expect(first.scorecards.allSatisfy { $0.flags.isEmpty }, "no history yet, no flags")

        // History: the leader was top three for the three periods before, the last unit bottom three last period.
        let top = counties.entries[0].unit
        let last = counties.entries[4].unit
        for earlier in period.preceding(3) {
            try store.saveEvaluations([
                StoredEvaluation(
                    period: earlier.description, unit: top, level: .county, score: 90, rank: 1, rankedAmong: 5,
                    evaluatedAt: Date(), statuses: [:]),
                StoredEvaluation(
                    period: earlier.description, unit: last, level: .county, score: 10, rank: 5, rankedAmong: 5,
                    evaluatedAt: Date(), statuses: ["staff.training": "pass"]),
            ])
        }
        let second = try evaluator.evaluate(period: period, asOf: asOf)
        let card = { (unit: String) in second.scorecards.first { $0.unit.id == unit }! }
        #expect(card(top).flags == [.commendation])
        #expect(card(last).flags == [.accountability])
        #expect(card(last).previousScore == 10)
        if card(last).results.first(where: { $0.rule == "staff.training" })?.status.isFailing == true {
            #expect(card(last).changes.contains { $0.rule == "staff.training" && $0.kind == .newlyFailing })
        }
        #expect(try store.evaluations(periods: ["2026H1"]).count == 6, "the city and five counties")
    }
}
