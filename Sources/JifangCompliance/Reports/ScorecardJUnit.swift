import Foundation

/// JUnit XML for automation: a test suite per unit, a test case per rule; fail and error map to
/// `<failure>` and `<error>`, not applicable and waived to `<skipped>`.
public enum ScorecardJUnit {
    public static func render(_ report: EvaluationReport) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let all = report.scorecards.flatMap(\.results)
        out += "<testsuites name=\"jifang evaluate \(report.period)\" tests=\"\(all.count)\""
        out +=
            " failures=\"\(all.filter { $0.status == .fail }.count)\" errors=\"\(all.filter { $0.status == .error }.count)\">\n"
        for card in report.scorecards {
            let r = card.results
            out += "  <testsuite name=\"\(xml(card.unit.id)) \(xml(card.unit.name))\" tests=\"\(r.count)\""
            out += " failures=\"\(card.count(.fail))\" errors=\"\(card.count(.error))\""
            out += " skipped=\"\(card.count(.notApplicable) + card.count(.waived))\">\n"
            out +=
                "    <properties><property name=\"score\" value=\"\(ScorecardText.format(card.score))\"/></properties>\n"
            for result in r {
                out +=
                    "    <testcase classname=\"\(xml(card.unit.id)).\(result.area.rawValue)\" name=\"\(xml(result.rule)) (\(xml(result.article)))\""
                let message = xml(result.evidence.summary)
                switch result.status {
                case .pass: out += "/>\n"
                case .fail: out += ">\n      <failure message=\"\(message)\"/>\n    </testcase>\n"
                case .error: out += ">\n      <error message=\"\(message)\"/>\n    </testcase>\n"
                case .notApplicable, .waived:
                    out += ">\n      <skipped message=\"\(result.status.rawValue): \(message)\"/>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
