import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@testable import JifangAgents

/// The vendor profiles, each read the way the collector reads it, from real recordings.
@Suite struct VendorHealthDecoderTests {
    func readings(_ fixture: String) throws -> VendorReadings {
        let recording = try Fixtures.load(fixture)
        let system = SystemDecoder.decode(recording.subtree(SNMPv2MIB.system))
        let profiles = VendorHealthProfiles.matching(sysObjectID: system.sysObjectID)
        var varbinds: [VarBind] = []
        for profile in profiles {
            let requests = profile.requests
            varbinds += requests.scalars.compactMap { oid in recording[oid].map { VarBind(oid: oid, value: $0) } }
            varbinds += requests.columns.flatMap { recording.subtree($0) }
        }
        let entities = EntityDecoder.decode(recording.table(EntityMIB.columns))
        return VendorHealthDecoder.decode(varbinds, profiles: profiles, entities: entities)
    }

    @Test func cisco() throws {
        let r = try readings("cisco-c3560")
        #expect(r.cpuPercent == 28)  // cpmCPUTotal5minRev
        let used = 22_188_980.0 + 3_640_984 + 40
        let free = 53_499_780.0 + 4_747_624 + 1_048_536
        #expect(abs(try #require(r.memoryPercent) - used / (used + free) * 100) < 1e-9)
        #expect(r.memoryBytes == used + free)
        #expect(r.flashBytes == 32_514_048)
        #expect(r.vlanCount == 8)
        #expect(r.powerSupplyCount == 1)
        let temperature = try #require(r.sensors.first { $0.class == .temperature })
        #expect(temperature.value == 61)
        #expect(temperature.state == .warning)
        #expect(temperature.description == "SW#1, Sensor#1, YELLOW")
        #expect(r.sensors.first { $0.class == .fan }?.state == .ok)
        #expect(r.sensors.first { $0.class == .powerSupply }?.description == "Sw1, PS1 Normal, RPS NotExist")
    }

    @Test func huawei() throws {
        let r = try readings("huawei-s5720")
        #expect(r.cpuPercent == 38)
        #expect(r.memoryPercent == 7)
        #expect(r.memoryBytes == 1_626_341_376)
        #expect(r.sensors == [Sensor(class: .temperature, description: "MPU Board 0", value: 42, unit: "°C")])
    }

    @Test func h3cWithTheLegacySubtree() throws {
        let r = try readings("h3c-e528-1")
        #expect(r.cpuPercent == 49)
        #expect(r.memoryPercent == 53)
        #expect(r.memoryBytes == 68_492_960)
        #expect(r.sensors.count == 2)
        #expect(r.sensors.allSatisfy { $0.value == 40 && $0.unit == "°C" })
    }

    @Test func fortigateSessionsAndTunnels() throws {
        let r = try readings("fortinet-xcu")
        #expect(r.cpuPercent == 5)
        #expect(r.memoryPercent == 19)
        #expect(r.memoryBytes == Double(66_016_264 * 1024))
        #expect(r.sessions == 683_825)
        #expect(r.vpnTunnels == 0)
    }

    @Test func juniperMasterRoutingEngineOnly() throws {
        let r = try readings("juniper-mx960")
        #expect(r.cpuPercent == 54)
        #expect(r.memoryPercent == 10)
        #expect(r.memoryBytes == Double(16349 * 1_048_576))
        #expect(r.sensors.contains { $0.description == "Routing Engine 0" && $0.value == 19 })
    }

    @Test func profilesMatchMostSpecificPrefixFirst() {
        let names = VendorHealthProfiles.matching(sysObjectID: "1.3.6.1.4.1.2011.10.1.2").map(\.name)
        #expect(names == [VendorHealthProfiles.h3c.name, VendorHealthProfiles.huawei.name])
        #expect(VendorHealthProfiles.matching(sysObjectID: "1.3.6.1.4.1.8072.3.2.10").isEmpty)
        #expect(VendorHealthProfiles.matching(sysObjectID: nil).isEmpty)
    }

    @Test func wronglyTypedVendorValueIsSkipped() {
        let varbinds = [VarBind(oid: FortinetMIBs.fgSysCpuUsage, value: .octetString(Array("5".utf8)))]
        #expect(VendorHealthDecoder.decode(varbinds, profiles: [VendorHealthProfiles.fortinet]).cpuPercent == nil)
    }
}
