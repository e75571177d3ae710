import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangSNMP
import JifangTesting
import Testing

/// ``PortEnforcer/plan(_:entry:location:at:)``: what the policy says to do, before any SNMP.
@Suite struct PortEnforcerTests {
    static let violation = ARPEvent(
        time: Date(timeIntervalSince1970: 1_700_000_000), type: .bindingViolation, ip: IPv4Address("172.16.0.1"),
        mac: MACAddress("02:66:66:66:66:66"), boundMAC: MACAddress("00:26:0b:31:07:33"),
        message: "172.16.0.1 claimed by 02:66:66:66:66:66")
    static let access = PortLocation(device: "sw1", ifIndex: 3, ifName: "Gi0/3", macsOnPort: 1)
    static let uplink = PortLocation(device: "sw1", ifIndex: 24, ifName: "Gi0/24", macsOnPort: 12)
    static let entry = BindingEntry(
        ip: IPv4Address("172.16.0.1")!, mac: MACAddress("00:26:0b:31:07:33")!, unit: "330102")
    static let shutdownUnit = BindingPolicy(mode: .alert, enforce: true, unitModes: ["330102": .shutdown])

    @Test func alertPoliciesPlanNothing() {
        let enforcer = PortEnforcer(policy: BindingPolicy(mode: .alert, enforce: true), store: nil)
        #expect(enforcer.plan(Self.violation, entry: Self.entry, location: Self.access) == nil)
        let other = BindingEntry(ip: IPv4Address("172.16.1.1")!, mac: .zero, unit: "330199")
        #expect(
            PortEnforcer(policy: Self.shutdownUnit, store: nil).plan(
                Self.violation, entry: other, location: Self.access)
                == nil, "another unit keeps the site-wide alert")
    }

    @Test func shutdownWhereThePolicySaysSoAndEnforces() throws {
        let enforcer = PortEnforcer(policy: Self.shutdownUnit, store: nil)
        let time = Date(timeIntervalSince1970: 1_700_000_100)
        let action = try #require(enforcer.plan(Self.violation, entry: Self.entry, location: Self.access, at: time))
        #expect(action.state == .shutdown && action.device == "sw1" && action.ifIndex == 3 && action.ifName == "Gi0/3")
        #expect(action.mac == Self.violation.mac && action.ip == Self.violation.ip && action.time == time)
        #expect(action.reason == Self.violation.message)
        // A binding's own action overrides its unit's.
        var alertOnly = Self.entry
        alertOnly.action = .alert
        #expect(enforcer.plan(Self.violation, entry: alertOnly, location: Self.access) == nil)
        // Only the types of shutdownOn; and nothing without a port.
        var flip = Self.violation
        flip.type = .flipFlop
        #expect(enforcer.plan(flip, entry: Self.entry, location: Self.access) == nil)
        #expect(enforcer.plan(Self.violation, entry: Self.entry, location: nil) == nil)
    }

    @Test func withoutEnforceOrInADryRunNothingIsShutDown() throws {
        var policy = Self.shutdownUnit
        policy.enforce = false
        let off = PortEnforcer(policy: policy, store: nil)
        #expect(off.plan(Self.violation, entry: Self.entry, location: Self.access)?.state == .dryRun)
        let dry = PortEnforcer(policy: Self.shutdownUnit, store: nil, dryRun: true)
        #expect(dry.plan(Self.violation, entry: Self.entry, location: Self.access)?.state == .dryRun)
    }

    @Test func anUplinkIsNeverShutDown() throws {
        for dryRun in [false, true] {
            let enforcer = PortEnforcer(policy: Self.shutdownUnit, store: nil, dryRun: dryRun)
            let action = try #require(enforcer.plan(Self.violation, entry: Self.entry, location: Self.uplink))
            #expect(action.state == .refused)
            #expect(action.reason.contains("12 MACs (more than 4)") && action.reason.hasSuffix(Self.violation.message))
        }
    }
}

/// ``PortEnforcer/execute(_:on:)`` and ``PortEnforcer/release(_:on:actor:)`` with an ifIndex no
/// OID can name: refused before anything is sent.
@Suite struct PortEnforcerIfIndexTests {
    @Test func aNegativeIfIndexIsRefusedNotTrapped() async throws {
        let enforcer = PortEnforcer(policy: PortEnforcerTests.shutdownUnit, store: nil)
        let location = PortLocation(device: "sw1", ifIndex: -3, ifName: nil, macsOnPort: 1)
        let action = try #require(
            enforcer.plan(PortEnforcerTests.violation, entry: PortEnforcerTests.entry, location: location))
        #expect(action.state == .shutdown)
        // v2c opens send nothing; the agent need not exist, as nothing may be sent to it.
        let silent = try UDPResponder(.silent)
        defer { silent.stop() }
        let session = try await SNMPSession.open(
            .testAgent(host: "127.0.0.1", port: silent.port, version: .v2c(community: "private")))
        await #expect(throws: EnforcementError.self) { try await enforcer.execute(action, on: session) }
        await #expect(throws: EnforcementError.self) { try await enforcer.release(action, on: session) }
        #expect(session.statistics.requests == 0)
        let message = String(describing: EnforcementError.invalidIfIndex(port: "sw1 ifIndex -3", ifIndex: -3))
        #expect(message.contains("ifIndex -3 is outside 1…2147483647"))
        await session.close()
    }
}
