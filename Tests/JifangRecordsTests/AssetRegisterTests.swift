import Foundation
import JifangModel
import JifangRecords
import JifangStore
import Testing

@Suite struct AssetRegisterTests {
    let today = RecordsFixture.day("2026-11-23")

    @Test func polledDevicesAppearInTheRegisterByThemselves() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let device = Device(name: "县中心交换机", address: "127.0.0.1", port: 16100, location: "二楼机房", owner: "张伟")
        var health = DeviceHealth(device: device, polledAt: Date(), reachable: true)
        health.identity = DeviceIdentity(
            kind: .switch, vendor: "Huawei", model: "S5720", osVersion: "V200R011", serial: "2102359")
        health.interfaces = (1...3).map {
            InterfaceStatus(index: $0, name: "GE0/0/\($0)", adminStatus: .up, operStatus: .up)
        }
        let poll = try f.store.record(health: health, observations: [], conditions: [])
        let asset = try f.register.asset("县中心交换机")
        #expect(asset.kind == .switch)
        #expect(asset.vendor == "Huawei")
        #expect(asset.model == "S5720")
        #expect(asset.serial == "2102359")
        #expect(asset.osVersion == "V200R011")
        #expect(asset.interfaceCount == 3)
        #expect(asset.location == "二楼机房")
        #expect(asset.device == "县中心交换机")

        // An OS upgrade seen by a later poll is recorded with the poll as actor, before and after.
        health.identity.osVersion = "V200R019"
        health.polledAt = Date().addingTimeInterval(60)
        let second = try f.store.record(health: health, observations: [], conditions: [])
        let change = try #require(try f.register.history("县中心交换机").last)
        #expect(change.field == "os_version")
        #expect(change.before == "V200R011")
        #expect(change.after == "V200R019")
        #expect(change.actor == "poll #\(second.pollID)")
        #expect(second.pollID != poll.pollID)
    }

    @Test func lifecycleGoesThroughRepairAndScrapRecords() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let r = f.register
        try r.add(
            Asset(tag: "PC-001", name: "办公电脑", kind: .pc, responsible: "张伟", price: 4500), actor: "lina", on: today)
        #expect(throws: RecordsError.self) { try r.changeState("PC-001", to: .underRepair, actor: "lina", on: today) }
        #expect(throws: RecordsError.self) { try r.changeState("PC-001", to: .scrapped, actor: "lina", on: today) }

        let ticket = try r.openRepair("PC-001", fault: "电源烧坏", causedBy: "张伟", reportedBy: "lina", on: today)
        #expect(try r.asset("PC-001").state == .underRepair)
        let closed = try r.closeRepair(
            "PC-001", result: "更换电源", cost: 320, returnTo: .idle, actor: "lina", on: today.adding(days: 3))
        #expect(closed.id == ticket.id)
        #expect(closed.causedBy == "张伟")
        #expect(try r.asset("PC-001").state == .idle)

        try r.scrap("PC-001", reason: "主板老化", handedTo: "县财政局资产科", actor: "lina", on: today.adding(days: 10))
        #expect(try r.asset("PC-001").state == .scrapped)
        #expect(try f.store.scrapRecord(asset: "PC-001")?.handedTo == "县财政局资产科")
        #expect(throws: RecordsError.self) { try r.changeState("PC-001", to: .inUse, actor: "lina", on: today) }

        let states = try r.history("PC-001").filter { $0.field == "state" }.map {
            "\($0.before ?? "")→\($0.after ?? "")"
        }
        #expect(states == ["in-use→under-repair", "under-repair→idle", "idle→scrapped"])
    }

    @Test func idleEquipmentIsDueForItsMonthlyPowerOn() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let r = f.register
        try r.add(
            Asset(tag: "UPS-BAT-07", name: "备用蓄电池", kind: .upsBattery, state: .idle), actor: "lina",
            on: RecordsFixture.day("2026-09-15"))
        try r.add(Asset(tag: "TT-01", name: "网络测试仪", kind: .testTool, state: .idle), actor: "lina", on: today)
        #expect(throws: RecordsError.self) {
            try r.add(Asset(tag: "X", name: "x", kind: .other, state: .scrapped), actor: "lina", on: today)
        }
        var schedule = try r.powerOnSchedule(on: today)
        #expect(schedule.map(\.asset) == ["UPS-BAT-07"])
        #expect(schedule[0].overdue)
        #expect(schedule[0].due == RecordsFixture.day("2026-10-15"))

        try r.recordPowerOn("UPS-BAT-07", on: today, actor: "zhangwei", note: "运行2小时正常")
        schedule = try r.powerOnSchedule(on: today)
        #expect(schedule.isEmpty)
        schedule = try r.powerOnSchedule(on: RecordsFixture.day("2026-12-18"))
        #expect(schedule.map(\.asset) == ["TT-01", "UPS-BAT-07"])
        #expect(schedule.allSatisfy { !$0.overdue })
    }

    /// A power-on run dated in December 9999 (`jifang assets power-on --day 9999-12-15`) makes the
    /// next one due on the last day there is; the schedule, which every dashboard shows, used to
    /// trap adding a month past year 9999.
    @Test func aPowerOnRunInTheLastMonthIsDueOnTheLastDay() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        try f.register.add(Asset(tag: "PC-9", name: "Spare PC", kind: .pc, state: .idle), actor: "lina", on: today)
        try f.register.recordPowerOn("PC-9", on: RecordsFixture.day("9999-12-15"), actor: "lina")
        let due = try f.register.powerOnSchedule(on: RecordsFixture.day("9999-12-28"))
        #expect(due.map(\.due) == [CalendarDay.last])
        #expect(due.first?.overdue == false)
    }
}
