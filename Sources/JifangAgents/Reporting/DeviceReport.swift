import Foundation
import JifangModel

/// One device's poll result in the shape scripts read (`jifang poll --once --format json`).
///
/// Every field is always present: a value the device did not report is `null`, never left out
/// and never invented, so a script can tell "not reported" from "zero".
public struct DeviceReport: Sendable, Encodable {
    public var health: DeviceHealth
    /// Alerts open for the device after this poll.
    public var openAlerts: [AlertCondition]

    public init(health: DeviceHealth, openAlerts: [AlertCondition] = []) {
        self.health = health
        self.openAlerts = openAlerts
    }

    private enum Key: String, CodingKey {
        case name, address, port, unit, location, reachable, error, polledAt
        case kind, vendor, model, osVersion, serial, classifiedBy
        case sysName, sysDescr, sysObjectID, uptimeSeconds
        case interfaces, cpuPercent, memoryPercent, storage, sensors, ups, firewall, facts, findings, alerts
        case decodeProblems
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let h = health
        try c.encode(h.device.name, forKey: .name)
        try c.encode(h.device.address, forKey: .address)
        try c.encode(h.device.port, forKey: .port)
        try c.encode(h.device.unit, forKey: .unit)
        try c.encode(h.device.location, forKey: .location)
        try c.encode(h.reachable, forKey: .reachable)
        try c.encode(h.error, forKey: .error)
        try c.encode(h.polledAt, forKey: .polledAt)
        try c.encode(h.identity.kind, forKey: .kind)
        try c.encode(h.identity.vendor, forKey: .vendor)
        try c.encode(h.identity.model, forKey: .model)
        try c.encode(h.identity.osVersion, forKey: .osVersion)
        try c.encode(h.identity.serial, forKey: .serial)
        try c.encode(h.identity.matchedRule, forKey: .classifiedBy)
        try c.encode(h.system.sysName, forKey: .sysName)
        try c.encode(h.system.sysDescr, forKey: .sysDescr)
        try c.encode(h.system.sysObjectID, forKey: .sysObjectID)
        try c.encode(h.system.uptimeSeconds, forKey: .uptimeSeconds)
        try c.encode(h.interfaces.map(InterfaceReport.init), forKey: .interfaces)
        try c.encode(h.cpuPercent, forKey: .cpuPercent)
        try c.encode(h.memoryPercent, forKey: .memoryPercent)
        try c.encode(h.storage, forKey: .storage)
        try c.encode(h.sensors.map(SensorReport.init), forKey: .sensors)
        try c.encode(h.ups.map(UPSReport.init), forKey: .ups)
        try c.encode(h.firewall.map(FirewallReport.init), forKey: .firewall)
        try c.encode(h.facts, forKey: .facts)
        try c.encode(h.findings.map(FindingReport.init), forKey: .findings)
        try c.encode(openAlerts.map(AlertReport.init), forKey: .alerts)
        // Values the device sent outside their MIB's range, left out of the fields above.
        try c.encode(h.decodeProblems ?? [], forKey: .decodeProblems)
    }
}

/// JSON encoding settings shared by every `--format json` output.
extension JSONEncoder {
    public static var jifang: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

private struct InterfaceReport: Encodable {
    var i: InterfaceStatus
    private enum Key: String, CodingKey {
        case index, name, descr, alias, type, adminStatus, operStatus, speedBps, duplex
        case inOctets, outOctets, inErrors, outErrors, inDiscards, outDiscards, inBitsPerSecond, outBitsPerSecond
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(i.index, forKey: .index)
        try c.encode(i.name, forKey: .name)
        try c.encode(i.descr, forKey: .descr)
        try c.encode(i.alias, forKey: .alias)
        try c.encode(i.type, forKey: .type)
        try c.encode(i.adminStatus, forKey: .adminStatus)
        try c.encode(i.operStatus, forKey: .operStatus)
        try c.encode(i.speedBps, forKey: .speedBps)
        try c.encode(i.duplex, forKey: .duplex)
        try c.encode(i.inOctets, forKey: .inOctets)
        try c.encode(i.outOctets, forKey: .outOctets)
        try c.encode(i.inErrors, forKey: .inErrors)
        try c.encode(i.outErrors, forKey: .outErrors)
        try c.encode(i.inDiscards, forKey: .inDiscards)
        try c.encode(i.outDiscards, forKey: .outDiscards)
        try c.encode(i.inBitsPerSecond, forKey: .inBitsPerSecond)
        try c.encode(i.outBitsPerSecond, forKey: .outBitsPerSecond)
    }
}

private struct SensorReport: Encodable {
    var s: Sensor
    private enum Key: String, CodingKey { case `class`, description, value, unit, state }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(s.class, forKey: .class)
        try c.encode(s.description, forKey: .description)
        try c.encode(s.value, forKey: .value)
        try c.encode(s.unit, forKey: .unit)
        try c.encode(s.state, forKey: .state)
    }
}

private struct UPSReport: Encodable {
    var u: UPSStatus
    private enum Key: String, CodingKey {
        case batteryChargePercent, runtimeMinutes, outputSource, loadPercent, inputVoltage, outputVoltage
        case batteryTemperatureCelsius, ratedVA, batteryStatus
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(u.batteryChargePercent, forKey: .batteryChargePercent)
        try c.encode(u.runtimeMinutes, forKey: .runtimeMinutes)
        try c.encode(u.outputSource, forKey: .outputSource)
        try c.encode(u.loadPercent, forKey: .loadPercent)
        try c.encode(u.inputVoltage, forKey: .inputVoltage)
        try c.encode(u.outputVoltage, forKey: .outputVoltage)
        try c.encode(u.batteryTemperatureCelsius, forKey: .batteryTemperatureCelsius)
        try c.encode(u.ratedVA, forKey: .ratedVA)
        try c.encode(u.batteryStatus, forKey: .batteryStatus)
    }
}

private struct FirewallReport: Encodable {
    var f: FirewallStatus
    private enum Key: String, CodingKey { case sessions, vpnTunnels }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(f.sessions, forKey: .sessions)
        try c.encode(f.vpnTunnels, forKey: .vpnTunnels)
    }
}

private struct FindingReport: Encodable {
    var f: Finding
    private enum Key: String, CodingKey { case rule, article, status, message, observed, source }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(f.rule, forKey: .rule)
        try c.encode(f.article, forKey: .article)
        try c.encode(f.status, forKey: .status)
        try c.encode(f.message, forKey: .message)
        try c.encode(f.observed, forKey: .observed)
        try c.encode(f.source, forKey: .source)
    }
}

private struct AlertReport: Encodable {
    var a: AlertCondition
    private enum Key: String, CodingKey { case type, subject, severity, message }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(a.type, forKey: .type)
        try c.encode(a.subject, forKey: .subject)
        try c.encode(a.severity, forKey: .severity)
        try c.encode(a.message, forKey: .message)
    }
}
