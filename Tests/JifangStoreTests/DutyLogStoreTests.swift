import Foundation
import JifangModel
import JifangStore
import Testing

/// What the store keeps of a duty-log entry is what it hashed, or nothing.
@Suite struct DutyLogStoreTests {
    static func draft(_ text: String, fault: FaultDetails? = nil) -> DutyLogEntry {
        DutyLogEntry(
            id: 0, unit: "county", day: CalendarDay("2026-11-02")!, time: StoreFixture.epoch, category: .other,
            text: text, author: "zhangwei", source: .manual, fault: fault, recordedAt: StoreFixture.epoch)
    }

    @Test func aTextWithANULIsRefusedWithATypedErrorAndNothingIsStored() throws {
        let f = try StoreFixture()
        let kept = try f.store.appendDutyLogEntry(Self.draft("before"))
        for draft in [Self.draft("a\u{0}b"), Self.draft("fault", fault: FaultDetails(symptom: "x", cause: "c\u{0}"))] {
            #expect {
                try f.store.appendDutyLogEntry(draft)
            } throws: { error in
                guard case .invalidArgument(_, _, let reason) = error as? StoreError else { return false }
                return reason.contains("NUL")
            }
        }
        #expect {
            try f.store.appendDutyLogEntries([Self.draft("fine"), Self.draft("\u{0}")])
        } throws: { error in
            if case .invalidArgument = error as? StoreError { true } else { false }
        }
        let (entries, head) = try f.store.dutyLogChain()
        #expect(entries.map(\.id) == [kept.id])
        #expect(head?.count == 1 && head?.lastHash == kept.hash)
    }

    @Test func aNaNOrInfiniteDateReadsWithoutTrapping() throws {
        let f = try StoreFixture()
        // `now - hours * 3600` with a hostile `hours`; these used to trap in Int64(_:).
        for since in [Double.nan, .infinity, -.infinity, 1e300, -1e300] {
            _ = try f.store.arpEvents(since: Date(timeIntervalSince1970: since))
            _ = try f.store.events(since: Date(timeIntervalSince1970: since))
        }
    }
}
