import Foundation
import JifangModel
import JifangStore
import Testing

/// A write at a time that is NaN, infinite or past Int64 milliseconds no longer traps in
/// `Int64(_:)`: the time is held within the years 0001…9999 (NaN as the epoch), and a stored
/// time of any Int64, however it got there, reads back as a time inside that range.
@Suite struct StoreTimeTests {
    @Test func aWriteAtAnExtremeTimeIsStoredHeldNotTrapped() throws {
        let f = try StoreFixture()
        let times = [Double.nan, .infinity, -.infinity, 1e300, Double(Int64.max) / 1000]
        for (index, seconds) in times.enumerated() {
            try f.store.saveAssets(
                [Asset(tag: "PC-\(index)", name: "PC", kind: .pc)], actor: "lina",
                at: Date(timeIntervalSince1970: seconds))
            let stored = try #require(try f.store.assetChanges(tag: "PC-\(index)").first).time
            #expect(stored == Date(millisecondsSince1970: Date(timeIntervalSince1970: seconds).millisecondsSince1970()))
        }
        #expect(try f.store.assetChanges(tag: "PC-0").first?.time == Date(timeIntervalSince1970: 0), "NaN is the epoch")
        #expect(
            try f.store.assetChanges(tag: "PC-1").first?.time
                == Date(millisecondsSince1970: Date.lastMillisecond), "infinity is the last millisecond of 9999")
    }

    @Test func aStoredInt64OfAnySizeReadsBackInsideTheRange() throws {
        let f = try StoreFixture()
        try f.store.saveAssets([Asset(tag: "PC-1", name: "PC", kind: .pc)], actor: "lina")
        try sqlite(f.path, "UPDATE asset_changes SET time = \(Int64.max);")
        let time = try #require(try f.store.assetChanges(tag: "PC-1").first).time
        #expect(time == Date(millisecondsSince1970: Date.lastMillisecond))
        // Written again, it stays what it is instead of trapping on 2^63.
        try f.store.updateAsset(Asset(tag: "PC-1", name: "PC 2", kind: .pc), actor: "lina", at: time)
        #expect(try f.store.assetChanges(tag: "PC-1").last?.time == time)
    }

    /// The duty log hashes a time by the same conversion it stores it with, so an entry at a
    /// NaN or far-off time is kept and still verifies (the chain and the store used to trap).
    @Test func aDutyLogEntryAtAnExtremeTimeIsStoredAsItIsHashed() throws {
        let f = try StoreFixture()
        for seconds in [Double.nan, .infinity, -1e300, Double(Int64.max) / 1000] {
            let time = Date(timeIntervalSince1970: seconds)
            try f.store.appendDutyLogEntry(
                DutyLogEntry(
                    id: 0, unit: "county", day: CalendarDay("2026-11-02")!, time: time, category: .other, text: "x",
                    author: "zhangwei", source: .manual, recordedAt: time),
                recordedAt: time)
        }
        let entries = try f.store.dutyLog()
        #expect(entries.count == 4)
        for entry in entries { #expect(DutyLogChain.hash(of: entry) == entry.hash, "entry \(entry.id)") }
    }
}
