import Foundation
import JifangModel
import JifangStore
import JifangTesting
import Testing

@Suite struct BindingStoreTests {
    static let a = BindingEntry(ip: IPv4Address(10, 0, 0, 1), mac: MACAddress(rawValue: 0x0011_2233_4455), owner: "Li")
    static let b = BindingEntry(ip: IPv4Address(10, 0, 0, 2), mac: MACAddress(rawValue: 0x0011_2233_4456), vlan: 20)

    @Test func importKeepsHistoryAndDutyLog() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        let t0 = StoreFixture.epoch
        var result = try store.importBindings([Self.a, Self.b], source: "import:a.csv", actor: "admin", at: t0)
        #expect(result.added == 2 && result.changed == 0)
        var moved = Self.a
        moved.mac = MACAddress(rawValue: 0x0011_2233_4499)
        result = try store.importBindings([moved], source: "import:b.csv", replace: true, at: t0 + 60)
        #expect(result.changed == 1 && result.removed == 1 && result.unchanged == 0)
        result = try store.importBindings([moved], source: "import:b.csv", at: t0 + 120)
        #expect(result.unchanged == 1)
        #expect(try store.bindings() == [moved])
        #expect(try store.binding(for: Self.b.ip) == nil)
        let history = try store.bindingHistory()
        #expect(history.map(\.kind) == [.added, .added, .changed, .removed])
        #expect(history[2].old == Self.a && history[2].new == moved && history[0].actor == "admin")
        #expect(try store.bindingHistory(ip: Self.b.ip).map(\.kind) == [.added, .removed])
        let events = try store.events().filter { $0.type == .bindingsImported }
        #expect(events.count == 3 && events[1].message.contains("1 changed") && events[1].message.contains("1 removed"))
        #expect(try store.removeBinding(ip: moved.ip, at: t0 + 180))
        #expect(try !store.removeBinding(ip: moved.ip, at: t0 + 180))
        #expect(try store.bindings().isEmpty)
    }

    @Test func learningProposesStablePairsOnly() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        let t0 = StoreFixture.epoch
        let day: TimeInterval = 86_400
        func pair(_ ip: UInt8, _ mac: UInt64, _ from: TimeInterval, _ to: TimeInterval) -> ObservedPair {
            ObservedPair(
                ip: IPv4Address(10, 0, 1, ip), mac: MACAddress(rawValue: mac), firstSeen: t0 + from, lastSeen: t0 + to,
                packets: 10)
        }
        try store.importBindings(
            [BindingEntry(ip: IPv4Address(10, 0, 1, 4), mac: MACAddress(rawValue: 0x02_0000_0004))],
            source: "manual", at: t0)
        try store.recordPairs([
            pair(1, 0x02_0000_0001, 0, 3 * day),  // stable
            pair(2, 0x02_0000_0002, 0, day), pair(2, 0x02_0000_0003, day, 3 * day),  // two MACs
            pair(3, 0x02_0000_0005, 2 * day, 3 * day),  // too recent
            pair(4, 0x02_0000_0004, 0, 3 * day),  // already bound
        ])
        try store.recordPairs([pair(1, 0x02_0000_0001, 4 * day, 5 * day)])
        #expect(try store.observedPairs().first?.packets == 20)
        #expect(try store.observedPairs().first?.lastSeen == t0 + 5 * day)
        let learning = try store.proposeBindings(stableFor: 2 * day, at: t0 + 5 * day)
        #expect(learning.proposals.map(\.pair.ip) == [IPv4Address(10, 0, 1, 1)])
        #expect(learning.conflicting == [IPv4Address(10, 0, 1, 2)] && learning.tooRecent == 1)
        #expect(try store.proposeBindings(stableFor: 2 * day).proposals.isEmpty, "a pending IP is not proposed twice")
        #expect(throws: StoreError.self) { try store.approveProposals([999]) }
        let approved = try store.approveProposals(nil, unit: "330102", actor: "admin", at: t0 + 6 * day)
        #expect(approved.map(\.mac) == [MACAddress(rawValue: 0x02_0000_0001)] && approved[0].unit == "330102")
        #expect(try store.binding(for: IPv4Address(10, 0, 1, 1))?.mac == MACAddress(rawValue: 0x02_0000_0001))
        #expect(try store.bindingHistory(ip: IPv4Address(10, 0, 1, 1)).first?.source == "learned")
        #expect(try store.bindingProposals().isEmpty)
        #expect(try store.bindingProposals(pendingOnly: false).first?.status == .approved)
        #expect(try store.events().contains { $0.type == .bindingApproved && $0.message.contains("10.0.1.1") })
    }

    @Test func arpEventsAndPortActionsReachTheDutyLog() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        try store.syncInventory(units: [], devices: [StoreFixture.device("sw1")], at: StoreFixture.epoch)
        let event = ARPEvent(
            time: StoreFixture.epoch, type: .bindingViolation, ip: Self.a.ip, mac: Self.b.mac, boundMAC: Self.a.mac,
            vlan: 20, frame: 7, message: "10.0.0.1 is bound to … but … claims it")
        let ids = try store.recordARPEvents(
            [
                LocatedARPEvent(event, switchName: "sw1", port: "Gi0/7"),
                LocatedARPEvent(event, switchName: "elsewhere"),
            ],
            capture: "x.pcap")
        #expect(ids.count == 2)
        let stored = try store.arpEvents()
        #expect(stored.first == LocatedARPEvent(event, switchName: "sw1", port: "Gi0/7"))
        let log = try store.events().filter { $0.type == EventType("binding-violation") }
        #expect(log.map(\.device) == ["sw1", nil])
        #expect(log[0].message.contains("on sw1 port Gi0/7") && log[0].message.contains("x.pcap frame 7"))

        let shut = try store.recordPortAction(
            PortAction(
                time: StoreFixture.epoch, device: "sw1", ifIndex: 7, ifName: "Gi0/7", mac: Self.b.mac,
                ip: Self.a.ip, previousStatus: 1, state: .shutdown, reason: "binding violation"))
        try store.recordPortAction(
            PortAction(time: StoreFixture.epoch, device: "sw1", ifIndex: 24, state: .refused, reason: "uplink"))
        #expect(try store.portActions(activeOnly: true).map(\.id) == [shut.id])
        let released = try store.markPortReleased(id: shut.id, actor: "admin")
        #expect(released.releasedAt != nil && !released.isActive)
        #expect(try store.portActions(activeOnly: true).isEmpty)
        #expect(throws: StoreError.self) { try store.markPortReleased(id: shut.id) }
        let types = try store.events().map(\.type)
        #expect(types.contains(.portShutdown) && types.contains(.portShutdownRefused) && types.contains(.portReleased))
    }
}
