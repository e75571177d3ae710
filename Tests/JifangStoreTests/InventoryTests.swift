import Foundation
import JifangModel
import JifangStore
import Testing

@Suite struct InventoryTests {
    let province = OrganisationUnit(id: "33", name: "Zhejiang", level: .province)
    let county = OrganisationUnit(id: "3301", name: "Xihu", level: .county, parent: "33")

    @Test func syncAddsUpdatesAndMarksRemovedDevices() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        let t0 = StoreFixture.epoch
        var router = StoreFixture.device("core-router", unit: "3301")
        let ups = DeviceProfile(name: "ups-1", address: "127.0.0.2", unit: "3301", declaredKind: .ups)
        // Children before parents: the unit foreign key is checked at commit.
        let first = try store.syncInventory(units: [county, province], devices: [router, ups], at: t0)
        #expect(first.added == ["core-router", "ups-1"] && first.removed.isEmpty)
        #expect(try store.units().map(\.id) == ["33", "3301"])
        #expect(try store.devices().first { $0.name == "ups-1" }?.kind == .ups)

        router.location = "Room 2, rack A"
        let second = try store.syncInventory(
            units: [county, province], devices: [router], at: t0.addingTimeInterval(60))
        #expect(second == InventoryChanges(added: [], removed: ["ups-1"]))
        #expect(try store.devices().map(\.name) == ["core-router"])
        #expect(try store.devices().first?.location == "Room 2, rack A")
        let removed = try #require(try store.devices(includeRemoved: true).first { $0.name == "ups-1" })
        #expect(removed.removedAt == t0.addingTimeInterval(60))
        #expect(try store.events().map(\.type) == [.deviceAdded, .deviceAdded, .deviceRemoved])

        let third = try store.syncInventory(
            units: [county, province], devices: [router, ups], at: t0.addingTimeInterval(120))
        #expect(third.added == ["ups-1"])
        #expect(try store.device(named: "ups-1")?.removedAt == nil)
        #expect(try store.device(named: "ups-1")?.addedAt == t0)
    }

    @Test func unknownUnitIsRefusedWithTheDeviceNamed() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let error = try #require(throws: StoreError.self) {
            try fixture.store.syncInventory(units: [province], devices: [StoreFixture.device("sw-9", unit: "3302")])
        }
        #expect(error.description.contains("sw-9") && error.description.contains("3302"))
        #expect(try fixture.store.devices().isEmpty && fixture.store.units().isEmpty)
    }
}
