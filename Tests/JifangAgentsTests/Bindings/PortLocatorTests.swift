import Foundation
import JifangAgents
import JifangModel
import JifangTesting
import Testing

/// ``PortLocator`` over tables read from two simulated switches: an access switch and the
/// distribution switch above it, which learns every station on its downlink.
@Suite(.serialized)
struct PortLocatorTests {
    typealias F = SwitchFixture

    static let stations = (1...5).map { "02:00:00:00:00:0\($0)" }

    /// Station 1 alone on ifIndex 3, station 2 alone on ifIndex 4, stations 3–5 on ifIndex 5, and
    /// six MACs (the distribution switch among them) on the uplink ifIndex 24.
    static let access: [String] =
        [
            F.bridgePort(1, ifIndex: 3), F.bridgePort(2, ifIndex: 4), F.bridgePort(3, ifIndex: 5),
            F.bridgePort(4, ifIndex: 24), F.ifName(3, "Gi0/3"), F.ifName(24, "Gi0/24"),
            F.fdb(stations[0]) + "|2|1", F.fdb(stations[1]) + "|2|2",
        ]
        + stations[2...].map { F.fdb($0) + "|2|3" }
        + (0..<6).map { F.fdb("02:00:00:00:01:0\($0)") + "|2|4" }

    /// Every station on the downlink ifIndex 1 (six MACs); station 2 also alone on ifIndex 2.
    static let distribution: [String] =
        [F.bridgePort(1, ifIndex: 1), F.bridgePort(2, ifIndex: 2)]
        + (stations[2...] + ["02:00:00:00:00:0a", "02:00:00:00:00:0b"]).map { F.fdb($0) + "|2|1" }
        + [F.fdb(stations[0]) + "|2|1", F.fdb(stations[1]) + "|2|2"]

    static func mac(_ text: String) -> MACAddress { MACAddress(text)! }

    @Test func findsTheAccessPortAndSkipsUplinks() async throws {
        let fixture = try await SwitchFixture.start(["fwd-access": Self.access, "fwd-distribution": Self.distribution])
        defer { fixture.stop() }
        let tables = [
            try await fixture.table("fwd-distribution", device: "dist"),
            try await fixture.table("fwd-access", device: "acc"),
        ]
        let locator = PortLocator(tables: tables, uplinkThreshold: 4)

        // Station 1: the distribution switch's downlink carries 6 MACs; the access port wins.
        #expect(locator.locate(Self.mac(Self.stations[0])) == PortLocation(device: "acc", ifIndex: 3, ifName: "Gi0/3"))
        // Station 3 shares ifIndex 5 with two others: still an access port (3 ≤ 4).
        #expect(locator.locate(Self.mac(Self.stations[2])) == PortLocation(device: "acc", ifIndex: 5, macsOnPort: 3))
        // Station 2 is alone on a port of both switches: the first of the fewest wins.
        #expect(locator.locate(Self.mac(Self.stations[1]))?.device == "dist")
        // A MAC seen only on uplinks is not located.
        #expect(locator.locate(Self.mac("02:00:00:00:01:00")) == nil)
        #expect(locator.locate(Self.mac("02:00:00:00:00:0a")) == nil, "six MACs on the downlink")
        #expect(locator.isUplink(device: "acc", ifIndex: 24) && locator.isUplink(device: "dist", ifIndex: 1))
        #expect(!locator.isUplink(device: "acc", ifIndex: 5) && !locator.isUplink(device: "nowhere", ifIndex: 1))

        // A threshold of 2 makes the three-station port an uplink too.
        #expect(PortLocator(tables: tables, uplinkThreshold: 2).locate(Self.mac(Self.stations[2])) == nil)

        let event = ARPEvent(
            time: Date(), type: .bindingViolation, mac: Self.mac(Self.stations[0]), message: "spoof")
        let located = locator.locate(event)
        #expect(located.switchName == "acc" && located.port == "Gi0/3")
        #expect(locator.locate(ARPEvent(time: Date(), type: .storm, message: "storm")).switchName == nil)
    }
}
