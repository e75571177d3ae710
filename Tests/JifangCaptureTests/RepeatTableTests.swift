import JifangModel
import Testing

@testable import JifangCapture

struct RepeatTableTests {
    /// Records a report at `time` as `ARPWatcher` judges it: within 60 s of the last one is a repeat.
    static func report(
        _ table: inout RepeatTable, _ type: ARPEventType, ip: UInt32, mac: UInt64, at time: Double
    ) -> Bool {
        table.record(type, ip: ip, mac: mac, at: time, unlessRepeatOf: { last in time - last < 60 && time >= last })
    }

    @Test func aRepeatWithinTheWindowIsRefusedAndKeepsTheFirstTime() {
        var table = RepeatTable()
        let first = Self.report(&table, .bindingViolation, ip: 1, mac: 2, at: 100)
        let repeated = Self.report(&table, .bindingViolation, ip: 1, mac: 2, at: 130)
        // Measured from the first report (100), not the refused one (130).
        let later = Self.report(&table, .bindingViolation, ip: 1, mac: 2, at: 161)
        #expect(first && !repeated && later)
        #expect(table.count == 1)
    }

    @Test func typeIPAndMACEachMakeADifferentEvent() {
        var table = RepeatTable()
        let recorded = [
            Self.report(&table, .bindingViolation, ip: 1, mac: 2, at: 5),
            Self.report(&table, .flipFlop, ip: 1, mac: 2, at: 5),
            Self.report(&table, .bindingViolation, ip: 3, mac: 2, at: 5),
            Self.report(&table, .bindingViolation, ip: 1, mac: 4, at: 5),
            Self.report(&table, .flipFlop, ip: 1, mac: 2, at: 5),
        ]
        #expect(recorded == [true, true, true, true, false])
        #expect(table.count == 4)
    }

    @Test func removingOldEntriesForgetsThemAndKeepsTheRest() {
        var table = RepeatTable()
        _ = Self.report(&table, .storm, ip: 0, mac: 7, at: 10)
        _ = Self.report(&table, .storm, ip: 0, mac: 8, at: 50)
        table.removeAll { 75 - $0 >= 60 }
        #expect(table.count == 1)
        let kept = Self.report(&table, .storm, ip: 0, mac: 8, at: 75)
        // Forgotten, so even a judgement that calls everything a repeat never sees it.
        let forgotten = table.record(.storm, ip: 0, mac: 7, at: 75, unlessRepeatOf: { _ in true })
        #expect(!kept && forgotten)
    }

    @Test func growsPastItsFirstSizeWithoutLosingEntries() {
        var table = RepeatTable()
        let stations = 20_000
        var recorded = 0
        for station in 0..<stations
        where table.record(
            .unknownStation, ip: UInt32(station), mac: UInt64(station) * 7, at: 1, unlessRepeatOf: { _ in true })
        {
            recorded += 1
        }
        #expect(recorded == stations && table.count == stations)
        var refused = 0
        for station in 0..<stations
        where !table.record(
            .unknownStation, ip: UInt32(station), mac: UInt64(station) * 7, at: 2, unlessRepeatOf: { _ in true })
        {
            refused += 1
        }
        #expect(refused == stations)
        table.removeAll { $0 < 2 }
        #expect(table.count == 0)
    }
}
