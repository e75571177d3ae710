import Foundation
import JifangModel
import JifangStore

/// Prometheus text exposition at /metrics (format 0.0.4), for a Prometheus that scrapes with an
/// API token (`authorization: {credentials: …}` in its scrape config).
public struct MetricsModule: WebModule {
    let data: MonitoringData
    /// Modules whose own metric families follow the monitoring ones.
    var modules: [any WebModule] = []

    public func register(on routes: SecuredRoutes) {
        routes.get("/metrics", .viewMonitoring) { _, _ in
            let snapshot = try data.snapshot()
            let extra = try modules.map { try $0.metrics(now: Date()) }.joined()
            return Responses.text(
                PrometheusExposition.render(snapshot) + extra, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }
}

/// Writes a ``MonitoringSnapshot`` as Prometheus metric families.
enum PrometheusExposition {
    static func render(_ snapshot: MonitoringSnapshot) -> String {
        var out = Writer()
        let devices = snapshot.devices
        out.family(
            "jifang_device_up",
            "Whether the device answered its last poll (1) or not (0); absent before the first poll.")
        for device in devices {
            guard let reachable = device.lastPollReachable else { continue }
            out.sample("jifang_device_up", deviceLabels(device), reachable ? 1 : 0)
        }
        out.family("jifang_device_poll_age_seconds", "Seconds since the device's last poll, answered or not.")
        for device in devices {
            guard let at = device.lastPollAt else { continue }
            out.sample(
                "jifang_device_poll_age_seconds", [("device", device.name)], snapshot.takenAt.timeIntervalSince(at))
        }
        let healths = snapshot.health.values.sorted { $0.device.name < $1.device.name }
        out.family("jifang_interface_oper_up", "Whether the interface's operational status is up (1) or not (0).")
        for health in healths where health.reachable {
            for interface in health.interfaces {
                out.sample(
                    "jifang_interface_oper_up", [("device", health.device.name), ("interface", interface.name)],
                    interface.operStatus == .up ? 1 : 0)
            }
        }
        for (name, help, value) in [
            (
                "jifang_interface_receive_bits_per_second", "Inbound rate over the last two polls.",
                \InterfaceStatus.inBitsPerSecond
            ),
            (
                "jifang_interface_transmit_bits_per_second", "Outbound rate over the last two polls.",
                \InterfaceStatus.outBitsPerSecond
            ),
        ] {
            out.family(name, help)
            for health in healths where health.reachable {
                for interface in health.interfaces {
                    guard let rate = interface[keyPath: value] else { continue }
                    out.sample(name, [("device", health.device.name), ("interface", interface.name)], rate)
                }
            }
        }
        let upses = healths.filter { $0.reachable && $0.ups != nil }
        out.family("jifang_ups_battery_charge_percent", "UPS battery charge, percent.")
        for health in upses {
            if let charge = health.ups?.batteryChargePercent {
                out.sample("jifang_ups_battery_charge_percent", [("device", health.device.name)], charge)
            }
        }
        out.family("jifang_ups_runtime_seconds", "UPS estimated runtime on battery, seconds.")
        for health in upses {
            if let minutes = health.ups?.runtimeMinutes {
                out.sample("jifang_ups_runtime_seconds", [("device", health.device.name)], minutes * 60)
            }
        }
        out.family("jifang_ups_on_battery", "Whether the UPS output comes from its battery (1) or not (0).")
        for health in upses {
            if let source = health.ups?.outputSource {
                out.sample("jifang_ups_on_battery", [("device", health.device.name)], source == .battery ? 1 : 0)
            }
        }
        out.family("jifang_alerts_open", "Open alerts by type and severity.")
        var counts: [String: (AlertType, AlertSeverity, Int)] = [:]
        for type in AlertType.allCases {
            for severity in AlertSeverity.allCases { counts["\(type)|\(severity)"] = (type, severity, 0) }
        }
        for alert in snapshot.openAlerts {
            counts["\(alert.condition.type)|\(alert.condition.severity)"]!.2 += 1
        }
        for (type, severity, count) in counts.values.sorted(by: {
            ($0.0.rawValue, $0.1.rawValue) < ($1.0.rawValue, $1.1.rawValue)
        }) {
            out.sample("jifang_alerts_open", [("type", type.rawValue), ("severity", severity.rawValue)], Double(count))
        }
        out.family("jifang_findings", "Latest spec findings by status.")
        let findings = snapshot.findings.values.flatMap { $0 }
        for status in FindingStatus.allCases {
            out.sample(
                "jifang_findings", [("status", status.rawValue)], Double(findings.filter { $0.status == status }.count))
        }
        return out.text
    }

    static func deviceLabels(_ device: DeviceRecord) -> [(String, String)] {
        [("device", device.name), ("kind", device.kind.rawValue), ("unit", device.unit ?? "")]
    }

    struct Writer {
        var text = ""
        mutating func family(_ name: String, _ help: String) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
        }
        mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
            let rendered = labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
            let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            text += labels.isEmpty ? "\(name) \(number)\n" : "\(name){\(rendered)} \(number)\n"
        }
        /// Label values escape backslash, double quote and newline.
        private func escape(_ value: String) -> String {
            value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
        }
    }
}
