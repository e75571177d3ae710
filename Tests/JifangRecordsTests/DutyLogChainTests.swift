import Foundation
import JifangModel
import JifangRecords
import JifangStore
import Testing

@Suite struct DutyLogChainTests {
    /// Five entries on consecutive days.
    func filled() throws -> RecordsFixture {
        let f = try RecordsFixture()
        for day in 1...5 {
            try f.book.add(
                category: .other, text: "第\(day)天巡检", author: "zhangwei", time: RecordsFixture.noon("2026-11-0\(day)"))
        }
        return f
    }

    @Test func intactLogVerifies() throws {
        let f = try filled()
        defer { f.remove() }
        let result = try f.book.verify()
        #expect(result.isIntact)
        #expect(result.entries == 5)
    }

    @Test func theLogRefusesUpdatesAndDeletes() throws {
        let f = try filled()
        defer { f.remove() }
        let out = try f.sqlite("UPDATE duty_log SET text = 'x' WHERE id = 2;")
        #expect(out.status != 0)
        #expect(out.stderr.contains("append-only"))
        #expect(try f.book.verify().isIntact)
    }

    @Test func anEditMadeWithTheSqliteToolIsNamed() throws {
        let f = try filled()
        defer { f.remove() }
        let out = try f.sqlite("DROP TRIGGER duty_log_no_update; UPDATE duty_log SET text = '第3天无事' WHERE id = 3;")
        #expect(out.status == 0, "\(out)")
        let problem = try #require(try f.book.verify().problems.first)
        #expect(problem.kind == .edited)
        #expect(problem.entry == 3)
        #expect(problem.message.contains("entry 3 of 2026-11-03"))
    }

    @Test func aRemovedEntryIsNamed() throws {
        let f = try filled()
        defer { f.remove() }
        _ = try f.sqlite("DROP TRIGGER duty_log_no_delete; DELETE FROM duty_log WHERE id = 2;")
        let problem = try #require(try f.book.verify().problems.first)
        #expect(problem.kind == .removed)
        #expect(problem.message.contains("entry 2 was removed before entry 3"))
    }

    @Test func theNewestEntryRemovedIsNoticed() throws {
        let f = try filled()
        defer { f.remove() }
        _ = try f.sqlite("DROP TRIGGER duty_log_no_delete; DELETE FROM duty_log WHERE id = 5;")
        let problem = try #require(try f.book.verify().problems.first)
        #expect(problem.kind == .truncated)
    }

    @Test func swappedEntriesAreReportedAsReordered() throws {
        let f = try filled()
        defer { f.remove() }
        let out = try f.sqlite(
            "DROP TRIGGER duty_log_no_update; UPDATE duty_log SET id = -1 WHERE id = 2; "
                + "UPDATE duty_log SET id = 2 WHERE id = 3; UPDATE duty_log SET id = 3 WHERE id = -1;")
        #expect(out.status == 0, "\(out)")
        let result = try f.book.verify()
        #expect(result.problems.first?.kind == .reordered)
        #expect(result.problems.first?.entry == 2)
        #expect(!result.problems.contains { $0.kind == .edited })
    }

    @Test func signedOffEntriesThatChangeBreakTheReview() throws {
        let f = try filled()
        defer { f.remove() }
        try f.book.review(
            from: RecordsFixture.day("2026-11-01"), to: RecordsFixture.day("2026-11-05"), supervisor: "lina")
        _ = try f.sqlite("DROP TRIGGER duty_log_no_update; UPDATE duty_log SET text = 'x' WHERE id = 4;")
        let result = try f.book.verify()
        #expect(result.problems.contains { $0.kind == .reviewMismatch && $0.entry == 4 })
        #expect(throws: RecordsError.self) {
            try f.book.review(
                from: RecordsFixture.day("2026-11-01"), to: RecordsFixture.day("2026-11-05"), supervisor: "lina")
        }
    }

    @Test func pollEventsBecomeChainedAutomaticEntriesLinkedToTheirPoll() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let device = Device(
            name: "core-router", address: "127.0.0.1", port: 16100, unit: nil, location: "机房", owner: "张伟")
        try f.book.add(category: .powerOn, text: "开机", author: "zhangwei")
        var up = DeviceHealth(device: device, polledAt: Date(), reachable: true)
        up.system = SystemInfo(sysDescr: "Huawei", sysObjectID: "1.3.6.1.4.1.2011", uptimeSeconds: 500)
        try f.store.record(health: up, observations: [], conditions: [])
        let down = DeviceHealth(
            device: device, polledAt: Date().addingTimeInterval(60), reachable: false, error: "timeout")
        let result = try f.store.record(health: down, observations: [], conditions: [])
        let automatic = try f.store.dutyLog().filter { $0.source == .automatic }
        let entry = try #require(automatic.first { $0.category.rawValue == "device-down" })
        #expect(entry.poll == result.pollID)
        #expect(entry.event == result.events.first?.id)
        #expect(entry.device == "core-router")
        #expect(try f.book.verify().isIntact)
    }
}
