import Foundation
import JifangModel

/// The terminal health report: one line per device, then each device's spec findings and alerts.
public struct HealthReport: Sendable {
    public var devices: [DeviceReport]

    public init(devices: [DeviceReport]) {
        self.devices = devices
    }

    public func render() -> String {
        var table = TextTable(headers: [
            "DEVICE", "ADDRESS", "KIND", "VENDOR / MODEL", "UP", "UPTIME", "CPU", "MEM", "PORTS UP", "STATUS",
        ])
        for report in devices {
            let h = report.health
            let upPorts = h.interfaces.filter { $0.operStatus == .up }.count
            let identity = [h.identity.vendor, h.identity.model].compactMap { $0 }.joined(separator: " ")
            table.append([
                h.device.name,
                "\(h.device.address):\(h.device.port)",
                h.reachable ? h.identity.kind.rawValue : "-",
                identity.isEmpty ? "-" : String(identity.prefix(32)),
                h.reachable ? "yes" : "NO",
                h.system.uptimeSeconds.map(Self.duration) ?? "-",
                h.cpuPercent.map { String(format: "%.0f%%", $0) } ?? "-",
                h.memoryPercent.map { String(format: "%.0f%%", $0) } ?? "-",
                h.interfaces.isEmpty ? "-" : "\(upPorts)/\(h.interfaces.count)",
                Self.status(report),
            ])
        }
        var out = [table.render()]
        for report in devices {
            out.append("")
            out.append(section(report))
        }
        return out.joined(separator: "\n")
    }

    private func section(_ report: DeviceReport) -> String {
        let h = report.health
        var lines = ["== \(h.device.name) (\(h.identity.kind.rawValue))" + (h.device.location.map { " · \($0)" } ?? "")]
        if let error = h.error { lines.append("   ! \(error)") }
        for problem in h.decodeProblems ?? [] { lines.append("   ! dropped: \(problem)") }
        if let descr = h.system.sysDescr { lines.append("   \(descr.split(whereSeparator: \.isNewline).first ?? "")") }
        if let ups = h.ups {
            let parts = [
                ups.outputSource.map { "output \($0.rawValue)" },
                ups.batteryChargePercent.map { String(format: "charge %.0f%%", $0) },
                ups.runtimeMinutes.map { String(format: "runtime %.0f min", $0) },
                ups.loadPercent.map { String(format: "load %.0f%%", $0) },
                ups.inputVoltage.map { String(format: "in %.0f V", $0) },
            ].compactMap { $0 }
            lines.append("   UPS: " + (parts.isEmpty ? "no UPS data reported" : parts.joined(separator: ", ")))
        }
        if let fw = h.firewall {
            lines.append(
                "   Firewall: sessions \(fw.sessions.map(String.init) ?? "not reported"), VPN tunnels \(fw.vpnTunnels.map(String.init) ?? "not reported")"
            )
        }
        let hot = h.sensors.filter { $0.class == .temperature }.compactMap { $0.value }
        if let max = hot.max() {
            lines.append(String(format: "   Temperature: max %.1f °C over %d sensors", max, hot.count))
        }
        for alert in report.openAlerts {
            lines.append("   ALERT [\(alert.severity.rawValue)] \(alert.message)")
        }
        for finding in h.findings {
            let mark =
                switch finding.status {
                case .pass: "PASS"
                case .fail: "FAIL"
                case .unknown: " ?  "
                }
            let article = finding.article.map { " (\($0))" } ?? ""
            lines.append("   [\(mark)] \(finding.rule)\(article): \(finding.message)")
        }
        return lines.joined(separator: "\n")
    }

    private static func status(_ report: DeviceReport) -> String {
        let h = report.health
        guard h.reachable else { return "unreachable" }
        let fails = h.findings.filter { $0.status == .fail }.count
        let unknown = h.findings.filter { $0.status == .unknown }.count
        var parts: [String] = []
        if !report.openAlerts.isEmpty { parts.append("\(report.openAlerts.count) alert(s)") }
        if fails > 0 { parts.append("\(fails) spec fail") }
        if unknown > 0 { parts.append("\(unknown) unknown") }
        if let dropped = h.decodeProblems, !dropped.isEmpty { parts.append("\(dropped.count) value(s) dropped") }
        return parts.isEmpty ? "ok" : parts.joined(separator: ", ")
    }

    static func duration(_ seconds: Double) -> String {
        // Uptime comes from the device (and from stored polls); a value past Int is no duration.
        guard let s = Int(exactly: seconds.rounded(.towardZero)) else { return "?" }
        let days = s / 86_400
        let hours = (s % 86_400) / 3_600
        let minutes = (s % 3_600) / 60
        return days > 0 ? "\(days)d \(hours)h" : hours > 0 ? "\(hours)h \(minutes)m" : "\(minutes)m"
    }
}
