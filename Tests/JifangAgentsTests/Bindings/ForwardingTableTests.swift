import Foundation
import JifangAgents
import JifangModel
import JifangTesting
import Testing

/// ``ForwardingTable/read(device:from:)`` against snmpsim agents serving BRIDGE-MIB, Q-BRIDGE-MIB
/// and IP-MIB rows, well-formed and not.
@Suite(.serialized)
struct ForwardingTableTests {
    typealias F = SwitchFixture

    /// A BRIDGE-MIB switch: bridge ports 1, 2, 3 are ifIndexes 3, 24, 5; port 9 has no mapping.
    static let bridge: [String] =
        [
            F.bridgePort(1, ifIndex: 3), F.bridgePort(2, ifIndex: 24), F.bridgePort(3, ifIndex: 5),
            F.fdb("02:00:00:00:00:01") + "|2|1",
            F.fdb("02:00:00:00:00:02") + "|2|3",
            F.fdb("02:00:00:00:00:03") + "|2|9",
            F.fdb("02:00:00:00:00:04") + "|2|0",  // port 0: address not learned on a port
            F.fdb("02:00:00:00:00:05") + "|4|one",  // not an integer
            "1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.6|2|1",  // five octets
            "1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.300|2|1",  // an octet above 255
            F.ifName(3, "GigabitEthernet0/0/3"), F.ifName(24, "GigabitEthernet0/0/24"),
            "1.3.6.1.2.1.4.22.1.2.3.172.16.0.1|4x|00260b310733",
            "1.3.6.1.2.1.4.22.1.2.3.172.16.0.9|4x|0026",  // not six bytes
            "1.3.6.1.2.1.4.22.1.2.3.172.16.300.9|4x|020000000009",  // not an IPv4 address
        ] + (10...14).map { F.fdb("02:00:00:00:00:\($0)") + "|2|2" }

    /// A Q-BRIDGE-MIB switch: one MAC in two VLANs on two ports, ARP cache in ipNetToPhysicalTable.
    static let qbridge: [String] = [
        F.bridgePort(1, ifIndex: 101), F.bridgePort(2, ifIndex: 102),
        F.qfdb(10, "02:00:00:00:00:01") + "|2|1",
        F.qfdb(20, "02:00:00:00:00:01") + "|2|2",
        F.qfdb(20, "02:00:00:00:00:07") + "|2|2",
        "1.3.6.1.2.1.17.7.1.2.2.1.2.20.2.0.0.0|2|2",  // a VLAN and three octets
        "1.3.6.1.2.1.4.35.1.4.101.1.4.172.16.0.7|4x|020000000007",
        "1.3.6.1.2.1.4.35.1.4.101.2.16.254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.7|4x|020000000007",  // IPv6
    ]

    static func mac(_ text: String) -> MACAddress { MACAddress(text)! }
    static func ip(_ text: String) -> IPv4Address { IPv4Address(text)! }

    @Test func readsBridgeAndIPTablesAndSkipsMalformedRows() async throws {
        let fixture = try await SwitchFixture.start(["fwd-bridge": Self.bridge, "fwd-qbridge": Self.qbridge])
        defer { fixture.stop() }

        let bridge = try await fixture.table("fwd-bridge", device: "sw1")
        #expect(bridge.device == "sw1")
        #expect(bridge.ports[Self.mac("02:00:00:00:00:01")] == [3], "bridge port 1 is ifIndex 3")
        #expect(bridge.ports[Self.mac("02:00:00:00:00:02")] == [5])
        #expect(bridge.ports[Self.mac("02:00:00:00:00:03")] == [9], "an unmapped bridge port stands for itself")
        #expect(bridge.ports.count == 8, "the four malformed rows and port 0 are skipped: \(bridge.ports)")
        #expect(bridge.macsPerPort == [3: 1, 5: 1, 9: 1, 24: 5])
        #expect(bridge.ifNames == [3: "GigabitEthernet0/0/3", 24: "GigabitEthernet0/0/24"])
        #expect(bridge.arp == [Self.ip("172.16.0.1"): Self.mac("00:26:0b:31:07:33")])

        let qbridge = try await fixture.table("fwd-qbridge")
        #expect(qbridge.ports[Self.mac("02:00:00:00:00:01")] == [101, 102], "learned in VLANs 10 and 20")
        #expect(qbridge.ports[Self.mac("02:00:00:00:00:07")] == [102])
        #expect(qbridge.ports.count == 2)
        #expect(qbridge.macsPerPort == [101: 1, 102: 2])
        #expect(qbridge.arp == [Self.ip("172.16.0.7"): Self.mac("02:00:00:00:00:07")], "IPv6 rows are left out")
        #expect(qbridge.ifNames.isEmpty, "a switch without ifName leaves names empty")
    }
}

/// Values no switch should send but a broken or hostile one can: each row is dropped with a reason.
@Suite(.serialized)
struct ForwardingTableHostileValuesTests {
    typealias F = SwitchFixture

    @Test func outOfRangePortsAndIfIndexesAreDroppedWithAReason() async throws {
        let fixture = try await SwitchFixture.start([
            "fwd-hostile": [
                F.bridgePort(1, ifIndex: -7),  // a negative ifIndex
                F.bridgePort(2, ifIndex: 5),
                F.fdb("02:00:00:00:00:01") + "|70|1099511627776",  // bridge port 2^40 as Counter64
                F.fdb("02:00:00:00:00:02") + "|2|2",
                F.fdb("02:00:00:00:00:03") + "|2|70000",  // past 65535
                F.fdb("02:00:00:00:00:04") + "|2|1",  // on the port whose ifIndex was dropped
            ]
        ])
        defer { fixture.stop() }
        let table = try await fixture.table("fwd-hostile")
        #expect(table.ports == [MACAddress("02:00:00:00:00:02")!: [5]])
        #expect(table.macsPerPort == [5: 1])
        let reasons = table.problems.map { "\($0.section) \($0.value): \($0.reason)" }
        #expect(
            reasons == [
                "dot1dBasePortTable -7: outside 1…2147483647",
                "dot1dTpFdbTable 1099511627776: outside 0…65535",
                "dot1dTpFdbTable 70000: outside 0…65535",
            ])
    }
}
