import Foundation
import JifangCompliance
import JifangModel
import JifangStore

/// The ranking of a period, one section per level: a bar chart of scores, then each unit's rank,
/// score, change since the previous period, rules that changed, and its flags (Mgmt Art. 30).
struct RankingPage {
    let localizer: Localizer
    let period: String
    private var t: Localizer { localizer }

    init(localizer: Localizer, period: String) {
        self.localizer = localizer
        self.period = period
    }

    func render(_ evaluations: [(record: EvaluationRecord, card: Scorecard?)]) -> HTML {
        let scorecard = ScorecardPage(localizer: t)
        let sections: [HTML] = UnitLevel.allCases.compactMap { level in
            let ranked = evaluations.filter { $0.record.level == level && $0.record.rank != nil }
                .sorted { ($0.record.rank!, $0.record.unit) < ($1.record.rank!, $1.record.unit) }
            guard !ranked.isEmpty else { return nil }
            let bars = ranked.prefix(40).map { entry in
                ("\(entry.record.rank!). \(entry.card?.unit.name ?? entry.record.unit)", entry.record.score)
            }
            let rows: [HTML] = ranked.map { entry in
                let record = entry.record, card = entry.card
                let previous = card?.previousScore
                let delta: String = previous.map { String(format: "%+.1f", (record.score ?? 0) - $0) } ?? "—"
                let failing = card?.changes.filter { $0.kind == .newlyFailing }.count ?? 0
                let passing = card?.changes.filter { $0.kind == .newlyPassing }.count ?? 0
                return """
                    <tr><td>\(record.rank!)</td>
                    <td><a href="/evaluations/\(period)/\(record.unit)">\(card?.unit.name ?? record.unit)</a> \
                    <span class="muted">\(record.unit)</span></td>
                    <td>\(ScorecardPage.score(record.score))</td><td>\(ScorecardPage.score(previous))</td><td>\(delta)</td>
                    <td>\(failing > 0 ? "\(failing) ↓" : "")\(passing > 0 ? " \(passing) ↑" : "")</td>
                    <td>\(scorecard.flags(card?.flags ?? []))</td></tr>
                    """
            }
            return """
                <section class="card wide" id="ranking-\(level.rawValue)"><h2>\(t(.ranking)) · \(level.rawValue)</h2>
                \(HTML(unsafe: ScorecardHTML.barChart(bars)))
                <table><tr><th>#</th><th>\(t(Phrase("Unit", "单位")))</th><th>\(t(Phrase("Score", "得分")))</th>
                <th>\(t(Phrase("Previous period", "上期")))</th><th>Δ</th>
                <th>\(t(Phrase("Rules changed", "规则变化")))</th><th>\(t(Phrase("Flags", "标记")))</th></tr>\(rows)</table>
                </section>
                """
        }
        let unranked = evaluations.filter { $0.record.rank == nil }.map(\.record.unit)
        let note: HTML =
            unranked.isEmpty
            ? ""
            : "<p class=\"muted\">\(t(Phrase("Not ranked (no rule counted)", "未排名（无计分规则）"))): \(unranked.joined(separator: ", "))</p>"
        return """
            <h1>\(t(.ranking)) \(period)</h1>
            <p class="muted">\(t(Phrase("Commendation: top three of the level this and the three previous periods; accountability: bottom three this and the previous period (Mgmt Art. 30).", "表彰：本期及前三期均居同级前三；问责：本期及上期均居同级后三（管理规范第30条）。")))</p>
            \(sections)\(note)
            """
    }
}
