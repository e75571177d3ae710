import Foundation
import JifangModel
import Testing

/// The chain hashes a time as the store keeps it: an entry dated NaN, infinity or far beyond
/// year 9999 is hashed (held at the edge, NaN as the epoch) instead of trapping, and ordinary
/// times hash as they always did.
@Suite struct DutyLogChainExtremeTimeTests {
    static func entry(time: Date, recordedAt: Date) -> DutyLogEntry {
        DutyLogEntry(
            id: 1, unit: "county", day: CalendarDay("2026-11-23")!, time: time, category: .other, text: "巡检",
            author: "zhangwei", source: .manual, recordedAt: recordedAt, prevHash: DutyLogChain.genesis)
    }

    @Test func anExtremeTimeIsHashedAsTheStoreKeepsIt() {
        for seconds in [Double.nan, .infinity, -.infinity, 1e300, Double(Int64.max) / 1000] {
            let extreme = Self.entry(
                time: Date(timeIntervalSince1970: seconds), recordedAt: Date(timeIntervalSince1970: seconds))
            let millis = Date(timeIntervalSince1970: seconds).millisecondsSince1970()
            #expect(DutyLogChain.canonicalForm(of: extreme).contains("time:\(String(millis).utf8.count):\(millis)\n"))
            // What the store reads back (held milliseconds) hashes the same, so the entry verifies.
            let stored = Self.entry(
                time: Date(millisecondsSince1970: millis), recordedAt: Date(millisecondsSince1970: millis))
            #expect(DutyLogChain.hash(of: extreme) == DutyLogChain.hash(of: stored), "\(seconds)")
        }
        // An ordinary entry's canonical form is byte for byte what version 1 wrote.
        let entry = Self.entry(
            time: Date(timeIntervalSince1970: 1_795_435_200.25), recordedAt: Date(timeIntervalSince1970: -0.0006))
        let form = DutyLogChain.canonicalForm(of: entry)
        #expect(form.contains("\ntime:13:1795435200250\n"))
        #expect(form.contains("\nrecordedAt:2:-1\n"))

    }
}
