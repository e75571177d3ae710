import Foundation

/// A self-contained HTML report (no scripts, no external files): per unit a bar chart of the area
/// scores and a table of rules with evidence, then the rankings with a bar chart of scores, all
/// as inline SVG. Prints to PDF as is (headless Chromium `--print-to-pdf`).
public enum ScorecardHTML {
    public static func render(_ report: EvaluationReport) -> String {
        var body = "<h1>信息化工作考评 Informatization evaluation \(report.period)</h1>\n"
        body += "<p class=\"meta\">Records read up to \(report.asOf.adding(days: -1)). "
        body += "Score model: XCCDF default (pass 100, fail and error 0, not applicable and waived left out), "
        body += "weighted mean within each area, then across areas.</p>\n"
        for card in report.scorecards { body += unit(card) }
        for ranking in report.rankings { body += self.ranking(ranking) }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>Jifang evaluation \(report.period)</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
            th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top;font-size:.9em}
            th{background:#f0f0f0}.pass{color:#1a7f37}.fail,.error{color:#c62828}.waived{color:#8a6d00}
            .not-applicable{color:#777}.meta{color:#555}section{page-break-inside:avoid}
            </style></head><body>
            \(body)</body></html>

            """
    }

    static func unit(_ card: Scorecard) -> String {
        var out = "<section><h2>\(escape(card.unit.name)) (\(escape(card.unit.id)), \(card.unit.level.rawValue)): "
        out += "\(ScorecardText.format(card.score))</h2>\n<p>"
        if let rank = card.rank, let among = card.rankedAmong { out += "Rank \(rank) of \(among). " }
        if !card.flags.isEmpty { out += "Flags: \(card.flags.map(\.rawValue).joined(separator: ", ")). " }
        if let previous = card.previousScore { out += "Previous period: \(ScorecardText.format(previous)). " }
        for change in card.changes { out += "\(change.kind.rawValue): \(escape(change.rule)). " }
        out += "</p>\n"
        let bars = card.areas.map { ("\($0.area.chinese) \($0.area.rawValue)", $0.score) }
        out += barChart(bars)
        out +=
            "<table><tr><th>Rule</th><th>Article</th><th>Status</th><th>Score</th><th>Points</th><th>Evidence</th></tr>\n"
        for r in card.results {
            out +=
                "<tr><td>\(escape(r.rule))<br>\(escape(r.title))<br>\(escape(r.titleZh))</td><td>\(escape(r.article))</td>"
            out +=
                "<td class=\"\(r.status.rawValue)\">\(r.status.rawValue)</td><td>\(r.score.map { ScorecardText.format($0) } ?? "–")</td>"
            out += "<td>\(r.contribution.map { String(format: "%.2f / %.2f", $0, r.maxContribution ?? 0) } ?? "–")</td>"
            out += "<td>\(escape(r.evidence.summary))"
            if let waiver = r.waiver {
                out += "<br><em>Waived (\(r.waivedStatus?.rawValue ?? "")) by \(escape(waiver.approver)) "
                out += "\(waiver.startsOn)–\(waiver.expiresOn): \(escape(waiver.justification))</em>"
            }
            if !r.evidence.records.isEmpty {
                out += "<br><small>\(r.evidence.records.map(escape).joined(separator: " "))"
                out += r.evidence.recordCount > r.evidence.records.count ? " … (\(r.evidence.recordCount) records)" : ""
                out += "</small>"
            }
            out += "</td></tr>\n"
        }
        return out + "</table></section>\n"
    }

    static func ranking(_ ranking: LevelRanking) -> String {
        var out = "<section><h2>Ranking, \(ranking.level.rawValue) level</h2>\n"
        out += barChart(ranking.entries.prefix(40).map { ("\($0.rank). \($0.name)", $0.score) })
        out += "<table><tr><th>Rank</th><th>Unit</th><th>Score</th><th>Flags</th></tr>\n"
        for e in ranking.entries {
            out += "<tr><td>\(e.rank)</td><td>\(escape(e.name)) (\(escape(e.unit)))</td>"
            out +=
                "<td>\(ScorecardText.format(e.score))</td><td>\(e.flags.map(\.rawValue).joined(separator: ", "))</td></tr>\n"
        }
        return out + "</table></section>\n"
    }

    /// Horizontal bars on a 0–100 scale, one per label, as inline SVG (labels escaped).
    public static func barChart(_ bars: [(String, Double?)]) -> String {
        let rowHeight = 22
        let height = bars.count * rowHeight + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"\(height)\" role=\"img\">\n"
        for (i, bar) in bars.enumerated() {
            let y = 5 + i * rowHeight
            let width = Int(((bar.1 ?? 0) * 3.6).rounded())
            let color = (bar.1 ?? 0) >= 80 ? "#1a7f37" : (bar.1 ?? 0) >= 60 ? "#d4a017" : "#c62828"
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(escape(bar.0))</text>"
            svg += "<rect x=\"230\" y=\"\(y + 3)\" width=\"360\" height=\"14\" fill=\"#eee\"/>"
            if bar.1 != nil {
                svg += "<rect x=\"230\" y=\"\(y + 3)\" width=\"\(width)\" height=\"14\" fill=\"\(color)\"/>"
            }
            svg += "<text x=\"596\" y=\"\(y + 15)\" font-size=\"12\">\(ScorecardText.format(bar.1))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func escape(_ text: String) -> String { ScorecardJUnit.xml(text) }
}
