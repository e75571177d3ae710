import Foundation
import JifangModel
import JifangRecords
import JifangStore
import Testing

/// How the records schema joins stores that already hold events and devices.
@Suite struct StoreRecordsMigrationTests {
    @Test func eventsWrittenBeforeTheDutyLogExistedAreChainedIntoItOnUpgrade() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let device = Device(name: "fw-1", address: "127.0.0.1", port: 16100)
        let down = DeviceHealth(
            device: device, polledAt: RecordsFixture.noon("2026-06-01"), reachable: false, error: "timeout")
        let poll = try f.store.record(health: down, observations: [], conditions: [])
        try f.store.close()
        // Take the store back to the schema before the records existed, keeping its events.
        let downgrade = try f.sqlite(
            """
            DROP TABLE duty_log_review_entries; DROP TABLE duty_log_reviews; DROP TABLE duty_log_head;
            DROP TABLE duty_log; DROP TABLE records_settings; DROP TABLE loan_renewals; DROP TABLE loans;
            DROP TABLE documents; DROP TABLE trainings; DROP TABLE governance; DROP TABLE staff;
            DROP TABLE scrap_records; DROP TABLE repair_tickets; DROP TABLE asset_power_on_runs;
            DROP TABLE asset_changes; DROP TABLE assets;
            DELETE FROM grdb_migrations WHERE identifier = 'v2-records';
            """)
        #expect(downgrade.status == 0, "\(downgrade)")

        let reopened = try Store(path: f.path)
        let entries = try reopened.dutyLog()
        #expect(entries.map(\.category.rawValue) == ["device-down"])
        #expect(entries.first?.poll == poll.pollID)
        #expect(entries.first?.day == RecordsFixture.day("2026-06-01"))
        #expect(try DutyLogBook(store: reopened).verify().isIntact)
    }

    @Test func inventoryDevicesEnterTheRegisterBeforeTheirFirstPoll() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let unit = OrganisationUnit(id: "county", name: "某县人口信息中心", level: .county, parent: nil)
        let devices = [
            DeviceProfile(
                name: "core-router", address: "127.0.0.1", unit: "county", location: "机房", owner: "张伟",
                declaredKind: .router),
            DeviceProfile(name: "ups-1", address: "127.0.0.2", unit: "county"),
        ]
        try f.store.syncInventory(units: [unit], devices: devices)
        let assets = try f.register.assets()
        #expect(assets.map(\.tag) == ["core-router", "ups-1"])
        #expect(assets[0].kind == .router)
        #expect(assets[0].responsible == "张伟")
        #expect(assets[0].unit == "county")
        // The device-added events are in the log too, under the device's unit.
        let added = try f.store.dutyLog().filter { $0.category.rawValue == "device-added" }
        #expect(added.count == 2)
        #expect(added.allSatisfy { $0.unit == "county" && $0.source == .automatic })
    }
}
