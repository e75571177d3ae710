import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import Testing

@Suite struct ThresholdEvaluatorTests {
    let evaluator: ThresholdEvaluator
    let device = Device(name: "core-switch", address: "127.0.0.1")
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        evaluator = ThresholdEvaluator(policy: try shippedPolicies().thresholds)
    }

    private func health(uptime: Double? = 86_400, at offset: TimeInterval = 0) -> DeviceHealth {
        var health = DeviceHealth(device: device, polledAt: start.addingTimeInterval(offset), reachable: true)
        health.system.uptimeSeconds = uptime
        return health
    }

    @Test func healthyDeviceOpensNothing() {
        var current = health()
        current.cpuPercent = 79.9
        current.memoryPercent = 50
        current.sensors = [Sensor(class: .temperature, description: "inlet", value: 30, unit: "°C")]
        current.ups = UPSStatus(batteryChargePercent: 100, outputSource: .online, batteryStatus: "normal")
        current.interfaces = [
            InterfaceStatus(index: 1, name: "Gi0/1", type: 6, adminStatus: .up, operStatus: .up),
            InterfaceStatus(index: 2, name: "Gi0/2", type: 6, adminStatus: .down, operStatus: .down),
        ]
        #expect(evaluator.evaluate(current: current, previous: health(uptime: 86_000), consecutiveFailures: 0).isEmpty)
    }

    @Test func levelsPickTheHighestSeverityCrossed() {
        var current = health()
        current.cpuPercent = 97
        current.memoryPercent = 85
        current.sensors = [
            Sensor(class: .temperature, description: "CPU temperature", value: 72, unit: "°C"),
            Sensor(class: .fan, description: "fan 1", value: 9000, unit: "RPM"),
        ]
        let conditions = evaluator.evaluate(current: current, previous: nil, consecutiveFailures: 0)
        #expect(
            conditions == [
                AlertCondition(
                    device: "core-switch", type: .cpu, severity: .critical,
                    message: "CPU load 97 % is at or above the critical level of 95 %"),
                AlertCondition(
                    device: "core-switch", type: .memory, severity: .warning,
                    message: "memory use 85 % is at or above the warning level of 85 %"),
                AlertCondition(
                    device: "core-switch", type: .temperature, subject: "CPU temperature", severity: .critical,
                    message: "CPU temperature reads 72 °C, at or above the critical level of 70 °C"),
            ])
    }

    @Test func unreachableOnlyAfterEnoughFailures() {
        let down = DeviceHealth(
            device: device, polledAt: start, reachable: false, error: "no response from 127.0.0.1:161 after 2 tries")
        #expect(evaluator.evaluate(current: down, previous: nil, consecutiveFailures: 2).isEmpty)
        let conditions = evaluator.evaluate(current: down, previous: nil, consecutiveFailures: 3)
        #expect(conditions.map(\.type) == [.unreachable])
        #expect(conditions.first?.severity == .critical)
        #expect(
            conditions.first?.message
                == "core-switch did not answer 3 polls in a row: no response from 127.0.0.1:161 after 2 tries")
    }

    @Test func rebootWhenUptimeGoesBackwards() {
        let previous = health(uptime: 86_400)
        let current = health(uptime: 40, at: 300)
        let conditions = evaluator.evaluate(current: current, previous: previous, consecutiveFailures: 0)
        #expect(conditions.map(\.type) == [.reboot])
        #expect(conditions.first?.message == "uptime fell from 24 h 0 min to 40 s: the device restarted about 40 s ago")
        // Uptime that keeps growing, and a first poll, are no reboot.
        #expect(
            evaluator.evaluate(current: health(uptime: 86_700, at: 300), previous: previous, consecutiveFailures: 0)
                .isEmpty)
        #expect(evaluator.evaluate(current: current, previous: nil, consecutiveFailures: 0).isEmpty)
    }

    @Test func sysUpTimeWrapIsNotAReboot() {
        // 497 days: the 32-bit hundredths counter wraps to a small value.
        let previous = health(uptime: 42_949_600)
        let current = health(uptime: 227, at: 300)
        #expect(evaluator.evaluate(current: current, previous: previous, consecutiveFailures: 0).isEmpty)
    }

    @Test func upsOnBatteryAndLowBattery() {
        var current = health()
        current.ups = UPSStatus(batteryChargePercent: 42, runtimeMinutes: 12, outputSource: .battery)
        let conditions = evaluator.evaluate(current: current, previous: nil, consecutiveFailures: 0)
        #expect(conditions.map(\.type) == [.upsOnBattery, .upsBatteryLow])
        #expect(conditions[0].message == "the UPS is running on battery, about 12 minutes of battery left")
        #expect(conditions[1].message == "UPS battery charge 42 % is below 50 %")

        current.ups = UPSStatus(batteryChargePercent: nil, outputSource: .online, batteryStatus: "low")
        let reported = evaluator.evaluate(current: current, previous: nil, consecutiveFailures: 0)
        #expect(reported.map(\.message) == ["the UPS reports its battery low"])
    }

    @Test func interfaceDownOnlyForEnabledPortsOfWatchedTypes() {
        var current = health()
        current.interfaces = [
            InterfaceStatus(
                index: 1, name: "Gi0/1", alias: "uplink to county", type: 6, adminStatus: .up, operStatus: .down),
            InterfaceStatus(index: 2, name: "Gi0/2", type: 6, adminStatus: .down, operStatus: .down),
            InterfaceStatus(index: 3, name: "Vlan1", type: 53, adminStatus: .up, operStatus: .down),
            InterfaceStatus(index: 4, name: "Gi0/4", type: 6, adminStatus: .up, operStatus: .lowerLayerDown),
        ]
        var always = evaluator.policy
        always.interfaceDown?.when = .always
        let conditions = ThresholdEvaluator(policy: always).evaluate(
            current: current, previous: nil, consecutiveFailures: 0)
        #expect(conditions.map(\.subject) == ["Gi0/1", "Gi0/4"])
        #expect(conditions.first?.message == "Gi0/1 (uplink to county) is enabled but down")
        #expect(conditions.first?.key == "core-switch|interface-down|Gi0/1")

        var named = ThresholdPolicy()
        named.interfaceDown = InterfaceDownRule(severity: .critical, when: .always, names: ["uplink*"])
        let onlyUplinks = ThresholdEvaluator(policy: named).evaluate(
            current: current, previous: nil, consecutiveFailures: 0)
        #expect(onlyUplinks.map(\.subject) == ["Gi0/1"])
        #expect(onlyUplinks.first?.severity == .critical)
    }

    @Test func wentDownNeedsThePortUpBeforeAndStaysOpenUntilItIsUp() {
        var before = health()
        before.interfaces = [
            InterfaceStatus(index: 1, name: "Gi0/1", type: 6, adminStatus: .up, operStatus: .up),
            InterfaceStatus(index: 2, name: "Gi0/2", type: 6, adminStatus: .up, operStatus: .down),
        ]
        var now = before
        now.interfaces[0].operStatus = .down
        // Gi0/2 was never up: an enabled, unused port stays quiet.
        #expect(evaluator.evaluate(current: before, previous: nil, consecutiveFailures: 0).isEmpty)
        let opened = evaluator.evaluate(current: now, previous: before, consecutiveFailures: 0)
        #expect(opened.map(\.subject) == ["Gi0/1"])
        // Still down at the next poll: the open alert keeps the condition alive.
        let still = evaluator.evaluate(
            current: now, previous: now, consecutiveFailures: 0, openAlerts: Set(opened.map(\.key)))
        #expect(still.map(\.subject) == ["Gi0/1"])
        #expect(
            evaluator.evaluate(
                current: before, previous: now, consecutiveFailures: 0, openAlerts: Set(opened.map(\.key))
            ).isEmpty)
    }

    @Test func sectionsLeftOutRaiseNothing() {
        var current = health(uptime: 10)
        current.cpuPercent = 100
        current.ups = UPSStatus(batteryChargePercent: 1, outputSource: .battery)
        let down = DeviceHealth(device: device, polledAt: start, reachable: false)
        let none = ThresholdEvaluator(policy: ThresholdPolicy())
        #expect(none.evaluate(current: current, previous: health(), consecutiveFailures: 0).isEmpty)
        #expect(none.evaluate(current: down, previous: nil, consecutiveFailures: 100).isEmpty)
    }
}
