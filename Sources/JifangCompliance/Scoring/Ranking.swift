import JifangModel
import JifangStore

/// Ranking within a level and the flags of Mgmt Art. 30.
///
/// Units are ranked by score, highest first; equal scores share a rank (1, 2, 2, 4). Units with
/// no counted rule are not ranked. "Top three" is rank 1–3. "Bottom three" is the last three
/// places, and only in a level of more than three units (otherwise every unit would be both).
/// Commendation: top three in this period and the three before it (two years of half-yearly
/// evaluations). Accountability: bottom three in this period and the previous one.
public enum Ranking {
    static func rank(_ cards: inout [Scorecard], history: [StoredEvaluation], period: Period) -> [LevelRanking] {
        let past = Dictionary(grouping: history, by: \.period)
        let earlier = period.preceding(3).map(\.description)
        var rankings: [LevelRanking] = []
        for level in UnitLevel.allCases {
            let indices = cards.indices.filter { cards[$0].unit.level == level && cards[$0].score != nil }
                .sorted { (cards[$0].score!, cards[$1].unit.id) > (cards[$1].score!, cards[$0].unit.id) }
            guard !indices.isEmpty else { continue }
            var entries: [LevelRanking.Entry] = []
            for (position, index) in indices.enumerated() {
                let score = cards[index].score!
                let rank =
                    position > 0 && cards[indices[position - 1]].score! == score
                    ? cards[indices[position - 1]].rank! : position + 1
                cards[index].rank = rank
                cards[index].rankedAmong = indices.count
            }
            for index in indices {
                let unit = cards[index].unit.id
                var flags: [RankFlag] = []
                let isTop = cards[index].rank! <= 3
                let isBottom = indices.count > 3 && indices.firstIndex(of: index)! >= indices.count - 3
                func was(_ period: String, _ test: (StoredEvaluation) -> Bool) -> Bool {
                    past[period]?.first { $0.unit == unit }.map(test) ?? false
                }
                if isTop && earlier.allSatisfy({ was($0) { ($0.rank ?? .max) <= 3 } }) { flags.append(.commendation) }
                if isBottom && was(earlier[0], { Self.isBottom($0) }) { flags.append(.accountability) }
                cards[index].flags = flags
                entries.append(
                    .init(
                        rank: cards[index].rank!, unit: unit, name: cards[index].unit.name, score: cards[index].score!,
                        flags: flags))
            }
            rankings.append(LevelRanking(level: level, entries: entries))
        }
        return rankings
    }

    /// Whether a stored evaluation was in the last three places of more than three ranked units.
    static func isBottom(_ evaluation: StoredEvaluation) -> Bool {
        guard let rank = evaluation.rank, let among = evaluation.rankedAmong, among > 3 else { return false }
        return rank > among - 3
    }

    /// Rules that moved between passing and failing (fail or error) since the previous period.
    static func markChanges(_ cards: inout [Scorecard], previous: [StoredEvaluation]) {
        let byUnit = Dictionary(previous.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        for i in cards.indices {
            guard let before = byUnit[cards[i].unit.id] else { continue }
            cards[i].previousScore = before.score
            for result in cards[i].results {
                guard let old = before.statuses[result.rule], let oldStatus = RuleStatus(rawValue: old) else {
                    continue
                }
                if oldStatus == .pass && result.status.isFailing {
                    cards[i].changes.append(
                        .init(rule: result.rule, kind: .newlyFailing, before: old, after: result.status))
                } else if oldStatus.isFailing && result.status == .pass {
                    cards[i].changes.append(
                        .init(rule: result.rule, kind: .newlyPassing, before: old, after: result.status))
                }
            }
        }
    }
}
