import JifangModel
import Testing

@testable import JifangCapture

struct RepeatTableTests {
    /// The judgement `ARPWatcher` passes: a report within 60 s of the last one is a repeat.
    static func withinMinute(of time: Double) -> (Double) -> Bool {
        { last in time - last < 60 && time >= last }
    }

    @Test func aRepeatWithinTheWindowIsRefusedAndKeepsTheFirstTime() {
        var table = RepeatTable()
        #expect(table.record(.bindingViolation, ip: 1, mac: 2, at: 100, unlessRepeatOf: Self.withinMinute(of: 100)))
        #expect(!table.record(.bindingViolation, ip: 1, mac: 2, at: 130, unlessRepeatOf: Self.withinMinute(of: 130)))
        // Measured from the first report (100), not the refused one (130).
        #expect(table.record(.bindingViolation, ip: 1, mac: 2, at: 161, unlessRepeatOf: Self.withinMinute(of: 161)))
        #expect(table.count == 1)
    }

    @Test func typeIPAndMACEachMakeADifferentEvent() {
        var table = RepeatTable()
        let now = Self.withinMinute(of: 5)
        #expect(table.record(.bindingViolation, ip: 1, mac: 2, at: 5, unlessRepeatOf: now))
        #expect(table.record(.flipFlop, ip: 1, mac: 2, at: 5, unlessRepeatOf: now))
        #expect(table.record(.bindingViolation, ip: 3, mac: 2, at: 5, unlessRepeatOf: now))
        #expect(table.record(.bindingViolation, ip: 1, mac: 4, at: 5, unlessRepeatOf: now))
        #expect(!table.record(.flipFlop, ip: 1, mac: 2, at: 5, unlessRepeatOf: now))
        #expect(table.count == 4)
    }

    @Test func removingOldEntriesForgetsThemAndKeepsTheRest() {
        var table = RepeatTable()
        #expect(table.record(.storm, ip: 0, mac: 7, at: 10, unlessRepeatOf: Self.withinMinute(of: 10)))
        #expect(table.record(.storm, ip: 0, mac: 8, at: 50, unlessRepeatOf: Self.withinMinute(of: 50)))
        table.removeAll { 75 - $0 >= 60 }
        #expect(table.count == 1)
        #expect(!table.record(.storm, ip: 0, mac: 8, at: 75, unlessRepeatOf: Self.withinMinute(of: 75)))
        // Forgotten, so even a judgement that calls everything a repeat never sees it.
        #expect(table.record(.storm, ip: 0, mac: 7, at: 75) { _ in true })
    }

    @Test func growsPastItsFirstSizeWithoutLosingEntries() {
        var table = RepeatTable()
        let stations = 20_000
        for station in 0..<stations {
            #expect(
                table.record(
                    .unknownStation, ip: UInt32(station), mac: UInt64(station) * 7, at: 1, unlessRepeatOf: { _ in true }
                ))
        }
        #expect(table.count == stations)
        var refused = 0
        for station in 0..<stations
        where !table.record(.unknownStation, ip: UInt32(station), mac: UInt64(station) * 7, at: 2) { _ in true } {
            refused += 1
        }
        #expect(refused == stations)
        table.removeAll { $0 < 2 }
        #expect(table.count == 0)
    }
}
