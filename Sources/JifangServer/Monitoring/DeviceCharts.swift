import Foundation
import JifangStore

/// How far back the device page's charts reach; a day reads raw samples, longer ranges hourly roll-ups.
enum ChartRange: String, CaseIterable {
    case day = "24h"
    case week = "7d"
    case month = "30d"

    var seconds: TimeInterval {
        switch self {
        case .day: 86_400
        case .week: 7 * 86_400
        case .month: 30 * 86_400
        }
    }

    var phrase: Phrase {
        switch self {
        case .day: Phrase("24 hours", "24 小时")
        case .week: Phrase("7 days", "7 天")
        case .month: Phrase("30 days", "30 天")
        }
    }
}

/// The device page's charts: one per metric the device reports, from observations or roll-ups.
struct DeviceCharts {
    let store: Store
    let device: String
    let range: ChartRange
    let now: Date

    /// Metrics charted, with their title and axis format; metrics the device lacks draw nothing.
    static let metrics: [(metric: String, title: Phrase, format: @Sendable (Double) -> String)] = [
        ("cpu.percent", Phrase("CPU %", "CPU 使用率 %"), { String(format: "%.0f", $0) }),
        ("memory.percent", Phrase("Memory %", "内存使用率 %"), { String(format: "%.0f", $0) }),
        ("if.inBps", Phrase("Interface traffic in", "接口入流量"), { Format.bitRate($0) }),
        ("if.outBps", Phrase("Interface traffic out", "接口出流量"), { Format.bitRate($0) }),
        ("storage.usedPercent", Phrase("Storage used %", "存储使用率 %"), { String(format: "%.0f", $0) }),
        ("ups.chargePercent", Phrase("UPS charge %", "UPS 电量 %"), { String(format: "%.0f", $0) }),
        ("ups.runtimeMinutes", Phrase("UPS runtime (min)", "UPS 续航（分钟）"), { String(format: "%.0f", $0) }),
        ("ups.loadPercent", Phrase("UPS load %", "UPS 负载 %"), { String(format: "%.0f", $0) }),
        ("fw.sessions", Phrase("Firewall sessions", "防火墙会话数"), { String(format: "%.0f", $0) }),
    ]

    /// At most this many instances per chart (the busiest), so a 48-port switch stays readable.
    static let maximumLines = 6

    func render(_ t: Localizer) throws -> [HTML] {
        let from = now.addingTimeInterval(-range.seconds)
        var charts: [HTML] = []
        for (metric, title, format) in Self.metrics {
            let series = try series(metric, from: from)
            guard !series.isEmpty else { continue }
            let chart = SVGChart(series: series, from: from, to: now, format: format)
            charts.append("<div>\(chart.render(title: t(title)))</div>")
        }
        if charts.isEmpty {
            charts.append("<p class=\"muted\">\(t(Phrase("No samples in this range yet.", "该时间段内尚无数据。")))</p>")
        }
        return charts
    }

    private func series(_ metric: String, from: Date) throws -> [SVGChart.Series] {
        var byInstance: [String: [(time: Date, value: Double)]] = [:]
        if range == .day {
            for sample in try store.observations(device: device, metric: metric, from: from, to: now) {
                byInstance[sample.instance, default: []].append((sample.time, sample.value))
            }
        } else {
            for bucket in try store.rollups(device: device, metric: metric, resolution: .hourly, from: from, to: now) {
                byInstance[bucket.instance, default: []].append((bucket.time, bucket.avg))
            }
            // The last hours are not rolled up yet; raw samples fill them in.
            let rolledUntil = byInstance.values.compactMap { $0.last?.time }.max() ?? from
            for sample in try store.observations(
                device: device, metric: metric, from: rolledUntil.addingTimeInterval(3600), to: now)
            {
                byInstance[sample.instance, default: []].append((sample.time, sample.value))
            }
        }
        let busiest = byInstance.sorted { lhs, rhs in
            let l = lhs.value.map(\.value).reduce(0, +), r = rhs.value.map(\.value).reduce(0, +)
            return l == r ? lhs.key < rhs.key : l > r
        }
        return busiest.prefix(Self.maximumLines).sorted { $0.key < $1.key }.map {
            SVGChart.Series(name: $0.key, points: $0.value.sorted { $0.time < $1.time })
        }
    }
}
