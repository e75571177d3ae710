import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@testable import JifangAgents

@Suite struct SystemDecoderTests {
    @Test func systemGroupOfALinuxHost() throws {
        let linux = try Fixtures.load("linux-slackware")
        let system = SystemDecoder.decode(linux.subtree(SNMPv2MIB.system))
        #expect(system.sysObjectID == "1.3.6.1.4.1.8072.3.2.10")
        #expect(system.sysName == "tt")
        #expect(system.sysDescr?.hasPrefix("Linux cray 2.6.21.5-smp") == true)
        #expect(system.uptimeSeconds == 2_334_251.20)
    }

    @Test func hexEncodedDescriptionDecodes() throws {
        let cisco = try Fixtures.load("cisco-c3560")
        let system = SystemDecoder.decode(cisco.subtree(SNMPv2MIB.system))
        #expect(system.sysDescr?.hasPrefix("Cisco IOS Software, C3560 Software") == true)
        #expect(system.sysObjectID == "1.3.6.1.4.1.9.1.617")
    }

    @Test func uptimeOfTheWrongTypeIsSkipped() {
        let system = SystemDecoder.decode([VarBind(oid: SNMPv2MIB.sysUpTime, value: .integer(12345))])
        #expect(system.uptimeSeconds == nil)
    }
}

@Suite struct EntityDecoderTests {
    @Test func ciscoChassisSerialAndModel() throws {
        let cisco = try Fixtures.load("cisco-c3560")
        let entities = EntityDecoder.decode(cisco.table(EntityMIB.columns))
        let chassis = try #require(entities.first { $0.class == .chassis })
        #expect(chassis.index == 1001)
        #expect(chassis.serial == "FOC1408Z61U")
        #expect(chassis.model == "WS-C3560G-48TS-E")
        #expect(chassis.descr == "WS-C3560G-48TS")
        #expect(entities.filter { $0.class == .powerSupply }.count == 1)
        #expect(entities.first { $0.index == 1002 }?.serial == nil)  // empty string is not a serial
    }

    @Test func huaweiBoards() throws {
        let huawei = try Fixtures.load("huawei-s5720")
        let entities = EntityDecoder.decode(huawei.table(EntityMIB.columns))
        let chassis = try #require(entities.first { $0.class == .chassis })
        #expect(chassis.serial == "210235956210F7000410")
        #expect(chassis.descr == "HUAWEI S5720 Routing Switch")
        #expect(entities.first { $0.index == 67_108_873 }?.name == "MPU Board 0")
    }
}
