import Foundation
import JifangAgents
import JifangModel
import JifangTesting
import Testing

/// ``RefreshingPortLocator`` over a simulated switch whose forwarding entries change by SNMP SET
/// (snmpsim `writecache`), as a switch learning a MAC on another port would.
@Suite(.serialized)
struct RefreshingPortLocatorTests {
    typealias F = SwitchFixture
    static let evil = "02:66:66:66:66:66"
    static let station = "02:00:00:00:00:01"

    /// Bridge ports 1 and 2 are ifIndexes 3 and 4; the attacker is not learned yet (port 0).
    static let recording: [String] = [
        F.bridgePort(1, ifIndex: 3), F.bridgePort(2, ifIndex: 4),
        F.fdb(evil) + "|2:writecache|value=0",
        F.fdb(station) + "|2:writecache|value=1",
    ]

    @Test func missesAndAgeReadTheTablesAgainAtTheirPace() async throws {
        let fixture = try await SwitchFixture.start(["fwd-moving": Self.recording])
        defer { fixture.stop() }
        let start = ContinuousClock.now
        let locator = await RefreshingPortLocator(
            uplinkThreshold: 4, refreshInterval: .seconds(300), missInterval: .seconds(30), now: start
        ) { [fixture] in (try? await fixture.table("fwd-moving")).map { [$0] } ?? [] }
        let (evil, station) = (MACAddress(Self.evil)!, MACAddress(Self.station)!)
        func at(_ seconds: Int) -> ContinuousClock.Instant { start + .seconds(seconds) }

        #expect(await locator.locate(evil, at: at(1)) == nil)
        #expect(locator.reads == 1, "a miss right after a read does not read again")

        // The switch learns the attacker on bridge port 2 and the station moves there too.
        try await fixture.set("fwd-moving", F.fdb(Self.evil), to: 2)
        try await fixture.set("fwd-moving", F.fdb(Self.station), to: 2)
        #expect(await locator.locate(evil, at: at(10)) == nil)
        #expect(await locator.locate(station, at: at(20))?.ifIndex == 3, "found, so the stale table stands")
        #expect(locator.reads == 1)

        // 30 s after the read a miss reads the tables again: the attacker is found, the station moved.
        #expect(await locator.locate(evil, at: at(31))?.ifIndex == 4)
        #expect(locator.reads == 2 && locator.readAt == at(31))
        #expect(await locator.locate(station, at: at(32))?.ifIndex == 4)

        // The station moves back; found MACs wait for the tables to be 300 s old.
        try await fixture.set("fwd-moving", F.fdb(Self.station), to: 1)
        #expect(await locator.locate(station, at: at(330))?.ifIndex == 4)
        #expect(locator.reads == 2)
        let event = ARPEvent(time: Date(), type: .bindingViolation, mac: station, message: "spoof")
        let (located, location) = await locator.locate(event, at: at(331))
        #expect(location?.ifIndex == 3 && located.port == "ifIndex 3" && located.switchName == "fwd-moving")
        #expect(locator.reads == 3)
    }

    @Test func isDueFollowsBothIntervals() async {
        let start = ContinuousClock.now
        let locator = await RefreshingPortLocator(
            uplinkThreshold: 4, refreshInterval: .seconds(300), missInterval: .seconds(30), now: start
        ) { [] }
        #expect(!locator.isDue(missed: true, at: start + .seconds(29)))
        #expect(locator.isDue(missed: true, at: start + .seconds(30)))
        #expect(!locator.isDue(missed: false, at: start + .seconds(299)))
        #expect(locator.isDue(missed: false, at: start + .seconds(300)))
    }
}
