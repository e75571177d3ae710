import Foundation
import JifangConfig
import JifangModel

/// Turns one poll's health into the alert conditions Policies/thresholds.yaml asks for.
///
/// Returns the conditions that hold now; the caller opens those not yet open and clears open
/// alerts no longer returned (conditions are identified by ``AlertCondition/key``). Pure and
/// thread-safe.
public struct ThresholdEvaluator: Sendable {
    public let policy: ThresholdPolicy

    /// sysUpTime is a 32-bit count of hundredths of a second and wraps after about 497 days.
    static let uptimeWrapSeconds = 4_294_967_296.0 / 100

    public init(policy: ThresholdPolicy) {
        self.policy = policy
    }

    /// The conditions that hold for `current`.
    ///
    /// - Parameters:
    ///   - previous: the device's previous poll, for reboot detection; `nil` on the first poll.
    ///   - consecutiveFailures: failed polls in a row up to and including `current` (0 if it answered).
    ///   - openAlerts: keys (``AlertCondition/key``) of the device's alerts open before this poll,
    ///     so a condition that needs a transition to open (a port that went down) stays open.
    public func evaluate(
        current: DeviceHealth, previous: DeviceHealth?, consecutiveFailures: Int, openAlerts: Set<String> = []
    ) -> [AlertCondition] {
        let device = current.device.name
        guard current.reachable else {
            guard let (failures, severity) = policy.unreachable, consecutiveFailures >= failures else { return [] }
            let why = current.error.map { ": \($0)" } ?? ""
            return [
                AlertCondition(
                    device: device, type: .unreachable, severity: severity,
                    message: "\(device) did not answer \(consecutiveFailures) polls in a row\(why)")
            ]
        }
        var conditions: [AlertCondition] = []
        if let condition = reboot(current, previous) { conditions.append(condition) }
        if let levels = policy.cpu, let cpu = current.cpuPercent, let (severity, limit) = levels.crossed(by: cpu) {
            conditions.append(
                AlertCondition(
                    device: device, type: .cpu, severity: severity,
                    message: "CPU load \(Self.number(cpu)) % is at or above " + Self.level(severity, limit, "%")))
        }
        if let levels = policy.memory, let memory = current.memoryPercent,
            let (severity, limit) = levels.crossed(by: memory)
        {
            conditions.append(
                AlertCondition(
                    device: device, type: .memory, severity: severity,
                    message: "memory use \(Self.number(memory)) % is at or above " + Self.level(severity, limit, "%")))
        }
        if let levels = policy.temperature {
            for sensor in current.sensors where sensor.class == .temperature {
                guard let value = sensor.value, let (severity, limit) = levels.crossed(by: value) else { continue }
                conditions.append(
                    AlertCondition(
                        device: device, type: .temperature, subject: sensor.description, severity: severity,
                        message: "\(sensor.description) reads \(Self.number(value)) °C, at or above "
                            + Self.level(severity, limit, "°C")))
            }
        }
        if let ups = current.ups {
            if let severity = policy.upsOnBattery, ups.outputSource == .battery {
                let runtime = ups.runtimeMinutes.map { ", about \(Self.number($0)) minutes of battery left" } ?? ""
                conditions.append(
                    AlertCondition(
                        device: device, type: .upsOnBattery, severity: severity,
                        message: "the UPS is running on battery\(runtime)"))
            }
            if let (percent, severity) = policy.upsBatteryLow {
                let status = ups.batteryStatus?.lowercased()
                if let charge = ups.batteryChargePercent, charge < percent {
                    conditions.append(
                        AlertCondition(
                            device: device, type: .upsBatteryLow, severity: severity,
                            message: "UPS battery charge \(Self.number(charge)) % is below \(Self.number(percent)) %"))
                } else if let status, status == "low" || status == "depleted" {
                    conditions.append(
                        AlertCondition(
                            device: device, type: .upsBatteryLow, severity: severity,
                            message: "the UPS reports its battery \(status)"))
                }
            }
        }
        if let rule = policy.interfaceDown {
            let before = Dictionary(
                (previous?.interfaces ?? []).map { ($0.name, $0.operStatus) }, uniquingKeysWith: { first, _ in first })
            for port in current.interfaces where Self.isWatchedDown(port, rule) {
                if rule.when == .wentDown {
                    let key = AlertCondition(
                        device: device, type: .interfaceDown, subject: port.name, severity: rule.severity, message: ""
                    ).key
                    guard before[port.name] == .up || openAlerts.contains(key) else { continue }
                }
                let label = [port.alias, port.descr].compactMap { $0 }.first { !$0.isEmpty && $0 != port.name }
                let named = label.map { "\(port.name) (\($0))" } ?? port.name
                conditions.append(
                    AlertCondition(
                        device: device, type: .interfaceDown, subject: port.name, severity: rule.severity,
                        message: "\(named) is enabled but \(port.operStatus.rawValue)"))
            }
        }
        return conditions
    }

    private func reboot(_ current: DeviceHealth, _ previous: DeviceHealth?) -> AlertCondition? {
        guard let severity = policy.reboot, let previous, previous.reachable,
            let before = previous.system.uptimeSeconds, let now = current.system.uptimeSeconds, now < before
        else { return nil }
        let elapsed = max(0, current.polledAt.timeIntervalSince(previous.polledAt))
        // A counter that wrapped is not a reboot: the uptime expected now lies past the wrap.
        if before + elapsed >= Self.uptimeWrapSeconds - max(300, elapsed * 0.1) { return nil }
        return AlertCondition(
            device: current.device.name, type: .reboot, severity: severity,
            message: "uptime fell from \(Self.duration(before)) to \(Self.duration(now)): the device restarted "
                + "about \(Self.duration(now)) ago")
    }

    static func isWatchedDown(_ port: InterfaceStatus, _ rule: InterfaceDownRule) -> Bool {
        guard port.adminStatus == .up, port.operStatus == .down || port.operStatus == .lowerLayerDown else {
            return false
        }
        if !rule.types.isEmpty {
            guard let type = port.type, rule.types.contains(type) else { return false }
        }
        if !rule.names.isEmpty {
            let labels = [port.name, port.descr, port.alias].compactMap { $0 }
            return rule.names.contains { pattern in labels.contains { glob(pattern, matches: $0) } }
        }
        return true
    }

    /// `*` matches any run of characters, `?` one character; case is ignored.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern.lowercased())
        let t = Array(text.lowercased())
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// "the critical level of 95 %".
    static func level(_ severity: AlertSeverity, _ limit: Double, _ unit: String) -> String {
        "the \(severity.rawValue) level of \(number(limit)) \(unit)"
    }

    /// A whole number without decimals, else one decimal; a value past `Int64` (a device may send
    /// 9.2e18) in exponent form, so formatting never traps.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, let whole = Int64(exactly: value) { return String(whole) }
        return value.isFinite && abs(value) < 1e15 ? String(format: "%.1f", value) : String(format: "%g", value)
    }

    static func duration(_ seconds: Double) -> String {
        guard let s = Int(exactly: seconds.rounded(.towardZero)) else { return "\(number(seconds)) s" }
        if s < 120 { return "\(s) s" }
        if s < 7200 { return "\(s / 60) min" }
        if s < 172_800 { return "\(s / 3600) h \(s % 3600 / 60) min" }
        return "\(s / 86400) d \(s % 86400 / 3600) h"
    }
}
