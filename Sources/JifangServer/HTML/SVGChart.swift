import Foundation

/// A line chart as inline SVG: no scripts, no external library, readable in any browser.
struct SVGChart {
    struct Series {
        var name: String
        var points: [(time: Date, value: Double)]
    }

    var series: [Series]
    var from: Date
    var to: Date
    /// Formats axis values (percent, bit rate, minutes).
    var format: (Double) -> String
    var width = 560.0
    var height = 180.0

    static let colors = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b"]

    func render(title: String) -> HTML {
        let left = 64.0, right = 8.0, top = 8.0, bottom = 22.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let values = series.flatMap { $0.points.map(\.value) }
        guard !values.isEmpty else {
            return "<p class=\"muted\">\(title): —</p>"
        }
        var low = min(0, values.min()!), high = values.max()!
        if high <= low { high = low + 1 }
        high += (high - low) * 0.05
        let span = max(to.timeIntervalSince(from), 1)
        func x(_ time: Date) -> Double { left + plotWidth * time.timeIntervalSince(from) / span }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / (high - low)) }
        var parts: [String] = []
        for step in 0...4 {
            let value = low + (high - low) * Double(step) / 4
            let yy = y(value)
            parts.append(
                "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(yy)\" y2=\"\(yy)\" stroke=\"#e2e8f0\"/>"
                    + "<text x=\"\(left - 4)\" y=\"\(yy + 4)\" text-anchor=\"end\">\(HTML.escape(format(value)))</text>"
            )
        }
        parts.append(
            "<text x=\"\(left)\" y=\"\(height - 4)\">\(Format.timestamp(from))</text>"
                + "<text x=\"\(width - right)\" y=\"\(height - 4)\" text-anchor=\"end\">\(Format.timestamp(to))</text>")
        var legend: [String] = []
        for (index, line) in series.enumerated() where !line.points.isEmpty {
            let color = Self.colors[index % Self.colors.count]
            let coordinates = line.points.map { String(format: "%.1f,%.1f", x($0.time), y($0.value)) }
            parts.append(
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(coordinates.joined(separator: " "))\"/>"
            )
            legend.append(
                "<span><i class=\"swatch c\(index % Self.colors.count)\"></i>\(HTML.escape(line.name.isEmpty ? title : line.name))</span>"
            )
        }
        let svg = """
            <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(HTML.escape(title))" \
            xmlns="http://www.w3.org/2000/svg">\(parts.joined())</svg>
            """
        return HTML(unsafe: "<h3>\(HTML.escape(title))</h3>\(svg)<div class=\"legend\">\(legend.joined())</div>")
    }
}
