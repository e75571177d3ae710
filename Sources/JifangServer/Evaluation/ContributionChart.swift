import Foundation
import JifangCompliance

/// Each rule's contribution to the unit's score as inline SVG: a grey bar for the most the rule
/// could add, the coloured part for what it did add. Rules left out (not applicable, waived) are
/// not drawn. Each bar links to the rule's evidence.
struct ContributionChart {
    var results: [RuleResult]
    /// Where a rule's bar links to.
    var link: (RuleResult) -> String

    func render(title: String) -> HTML {
        let counted = results.filter { $0.maxContribution != nil }
        guard let largest = counted.compactMap(\.maxContribution).max(), largest > 0 else {
            return "<p class=\"muted\">\(title): —</p>"
        }
        let rowHeight = 20, labelWidth = 190, barWidth = 330.0, width = 600
        let height = counted.count * rowHeight + 6
        var parts: [String] = []
        for (index, result) in counted.enumerated() {
            let y = 3 + index * rowHeight
            let most = result.maxContribution ?? 0
            let got = result.contribution ?? 0
            let color = result.status == .pass ? "#1f8f4e" : "#c53030"
            let full = barWidth * most / largest
            let label = HTML.escape(result.rule)
            parts.append(
                "<a href=\"\(HTML.escape(link(result)))\"><text x=\"0\" y=\"\(y + 13)\">\(label)</text>"
                    + "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\(Self.number(full)) height=\"14\" fill=\"#e2e8f0\"/>"
                    + "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\(Self.number(barWidth * got / largest)) "
                    + "height=\"14\" fill=\"\(color)\"><title>\(label) \(String(format: "%.2f / %.2f", got, most))</title></rect>"
                    + "<text x=\"\(labelWidth + Int(full) + 6)\" y=\"\(y + 13)\">\(String(format: "%.2f", got))</text></a>"
            )
        }
        let svg = """
            <svg id="contributions" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" \
            aria-label="\(HTML.escape(title))" xmlns="http://www.w3.org/2000/svg">\(parts.joined())</svg>
            """
        return HTML(unsafe: "<h3>\(HTML.escape(title))</h3>\(svg)")
    }

    private static func number(_ value: Double) -> String { "\"\(String(format: "%.1f", value))\"" }
}
