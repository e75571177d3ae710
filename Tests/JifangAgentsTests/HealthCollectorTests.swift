import Foundation
import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@testable import JifangAgents

/// The collector run over recordings replayed as an agent would answer them.
@Suite struct HealthCollectorTests {
    let collector = HealthCollector()

    func poll(_ fixture: String, kind: DeviceKind, previous: DeviceHealth? = nil, at time: Date = Date())
        async throws -> DeviceHealth
    {
        let recording = try Fixtures.load(fixture)
        let system = try await collector.collectSystem(recording)
        return await collector.collect(
            recording, device: Device(name: fixture, address: "127.0.0.1"), system: system, kind: kind,
            previous: previous, polledAt: time)
    }

    @Test func linuxServer() async throws {
        let health = try await poll("linux-slackware", kind: .server)
        #expect(health.reachable && health.error == nil)
        #expect(health.cpuPercent == 11)  // hrProcessorLoad wins over ssCpuIdle
        #expect(abs(try #require(health.memoryPercent) - 727_152.0 / 1_021_976 * 100) < 1e-9)  // UCD
        #expect(health.facts[FactKey.memoryBytes] == .number(1_021_976 * 1024))
        #expect(health.facts[FactKey.processorCount] == .number(2))
        #expect(health.facts[FactKey.diskCount] == .number(2))
        #expect(health.facts[FactKey.vlanSupport] == nil)
        #expect(health.facts[FactKey.upsRatedVA] == nil)
        #expect(health.storage.count == 8)
        #expect(health.system.uptimeSeconds == 2_334_251.2)
    }

    @Test func ciscoSwitch() async throws {
        let health = try await poll("cisco-c3560", kind: .switch)
        #expect(health.system.entities.first { $0.class == .chassis }?.serial == "FOC1408Z61U")
        #expect(health.cpuPercent == 28)
        #expect(health.facts[FactKey.flashBytes] == .number(32_514_048))
        #expect(health.facts[FactKey.vlanSupport] == .flag(true))
        #expect(health.facts[FactKey.powerSupplyCount] == .number(1))
        #expect(health.sensors.contains { $0.class == .temperature && $0.value == 61 })
        #expect(health.firewall == nil)
    }

    @Test func aristaPortsAndVLANs() async throws {
        let health = try await poll("arista-dcs-7150s", kind: .switch)
        #expect(health.interfaces.count == 59)
        #expect(health.facts[FactKey.vlanSupport] == .flag(true))
        #expect(health.facts[FactKey.maxPortSpeedBps] == .number(10_000_000_000))
        #expect(health.facts[FactKey.ethernetPortCount] == .number(53))
        #expect(health.sensors.count == 95)
    }

    @Test func upsFacts() async throws {
        let health = try await poll("eaton-93e-80", kind: .ups)
        #expect(health.ups?.ratedVA == 80_100)
        #expect(health.facts[FactKey.upsRatedVA] == .number(80_100))
        #expect(health.facts[FactKey.upsRuntimeMinutes] == .number(1092))
        #expect(health.facts[FactKey.upsOnline] == nil)  // UPS-MIB does not tell the topology
    }

    @Test func fortigate() async throws {
        let health = try await poll("fortinet-xcu", kind: .firewall)
        #expect(health.firewall == FirewallStatus(sessions: 683_825, vpnTunnels: 0))
        #expect(health.cpuPercent == 5)
        #expect(health.memoryPercent == 19)
    }

    @Test func ratesAgainstThePreviousPoll() async throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var previous = try await poll("arista-dcs-7150s", kind: .switch, at: start)
        // The earlier poll saw 1,250,000 fewer octets in on Ethernet1 and the same out.
        let position = try #require(previous.interfaces.firstIndex { $0.index == 1 })
        previous.interfaces[position].inOctets = 0
        previous.system.uptimeSeconds = (previous.system.uptimeSeconds ?? 0) - 10
        let current = try await poll("arista-dcs-7150s", kind: .switch, previous: previous, at: start + 10)
        let ethernet1 = try #require(current.interfaces.first { $0.index == 1 })
        #expect(ethernet1.inBitsPerSecond == 0)
        #expect(ethernet1.outBitsPerSecond == 0)
    }

    @Test func observations() async throws {
        let health = try await poll("eaton-93e-80", kind: .ups)
        let samples = HealthObservations.make(from: health)
        func value(_ metric: String, _ instance: String = "") -> Double? {
            samples.first { $0.metric == metric && $0.instance == instance }?.value
        }
        #expect(value("ups.chargePercent") == 100)
        #expect(value("ups.runtimeMinutes") == 1092)
        #expect(value("ups.loadPercent") == 21)
        #expect(value("ups.onBattery") == 0)
        #expect(value("uptime.seconds") == 674_237.32)
        #expect(samples.allSatisfy { $0.device == "eaton-93e-80" && $0.time == health.polledAt })

        let fortigate = HealthObservations.make(from: try await poll("fortinet-xcu", kind: .firewall))
        #expect(fortigate.contains { $0.metric == "fw.sessions" && $0.value == 683_825 })
        #expect(fortigate.contains { $0.metric == "cpu.percent" && $0.value == 5 })

        let arista = HealthObservations.make(from: try await poll("arista-dcs-7150s", kind: .switch))
        #expect(arista.contains { $0.metric == "if.operUp" && $0.instance == "Ethernet1" && $0.value == 0 })
        #expect(arista.contains { $0.metric == "sensor.temperature" && $0.instance == "Cpu temp sensor" })
    }

    @Test func unreachableHealthHasNoObservations() {
        let health = DeviceHealth(
            device: Device(name: "gone", address: "127.0.0.1"), polledAt: Date(), reachable: false, error: "timeout")
        #expect(HealthObservations.make(from: health).isEmpty)
    }
}
