import Foundation

/// The terminal rendering: per unit, a table of rules with status, score, contribution and evidence,
/// then the rankings.
public enum ScorecardText {
    public static func render(_ report: EvaluationReport) -> String {
        var out = "Evaluation \(report.period) (records before \(report.asOf))\n"
        for card in report.scorecards {
            out += "\n\(card.unit.name) (\(card.unit.id), \(card.unit.level.rawValue)): score \(format(card.score))"
            if let rank = card.rank, let among = card.rankedAmong { out += ", rank \(rank) of \(among)" }
            if !card.flags.isEmpty { out += " [\(card.flags.map(\.rawValue).joined(separator: ", "))]" }
            if let previous = card.previousScore { out += ", previous period \(format(previous))" }
            out += "\n"
            for area in card.areas where area.counted > 0 {
                out += "  \(area.area.rawValue): \(format(area.score)) (\(area.passed)/\(area.counted) passed)\n"
            }
            let rows: [[String]] = card.results.map { r -> [String] in
                let waiver =
                    r.waiver.map { " Waived by \($0.approver) until \($0.expiresOn): \($0.justification)" } ?? ""
                return [
                    r.rule, r.article, r.status.rawValue, r.score.map { format($0) } ?? "-",
                    r.contribution.map { String(format: "%.2f/%.2f", $0, r.maxContribution ?? 0) } ?? "-",
                    r.evidence.summary + waiver,
                ]
            }
            out += table(header: ["RULE", "ARTICLE", "STATUS", "SCORE", "POINTS", "EVIDENCE"], rows: rows)
            for change in card.changes {
                out += "  \(change.kind.rawValue): \(change.rule) (\(change.before) → \(change.after.rawValue))\n"
            }
        }
        for ranking in report.rankings {
            out += "\nRanking, \(ranking.level.rawValue) level:\n"
            out += table(
                header: ["RANK", "UNIT", "NAME", "SCORE", "FLAGS"],
                rows: ranking.entries.map {
                    [
                        String($0.rank), $0.unit, $0.name, format($0.score),
                        $0.flags.map(\.rawValue).joined(separator: ","),
                    ]
                })
        }
        return out
    }

    static func format(_ score: Double?) -> String { score.map { String(format: "%.1f", $0) } ?? "n/a" }

    /// Columns padded to their widest cell (by character count); the last column is not padded.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.map { "  " + $0 + "\n" }.joined()
    }
}
