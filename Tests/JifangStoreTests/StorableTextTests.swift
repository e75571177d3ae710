import Foundation
import JifangModel
import JifangStore
import Testing

/// The store refuses a text with a NUL in the asset register, the lending desk and the staff
/// register, whoever calls it (GRDB binds text as a C string, so it used to be stored cut), finds
/// nothing for a key with a NUL (it used to match the key cut), and a stored day that is not a
/// day fails the read naming the column instead of trapping on `!`.
@Suite struct StorableTextTests {
    let day = CalendarDay("2026-11-23")!

    /// Whether `body` throws ``StoreError/invalidArgument(path:operation:reason:)`` naming `field`.
    func refuses(_ field: String, _ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch StoreError.invalidArgument(_, _, let reason) {
            return reason.hasPrefix("\(field) holds a NUL character")
        } catch {
            return false
        }
    }

    @Test func assetWritesWithANULAreRefused() throws {
        let f = try StoreFixture()
        let pc = Asset(tag: "PC-1", name: "PC", kind: .pc, state: .idle)
        #expect(
            refuses("name") { try f.store.saveAssets([Asset(tag: "PC-1", name: "P\u{0}C", kind: .pc)], actor: "lina") })
        #expect(
            refuses("notes") {
                try f.store.saveAssets([pc, Asset(tag: "PC-2", name: "PC", kind: .pc, notes: "a\u{0}")], actor: "lina")
            })
        #expect(try f.store.assets().isEmpty, "no asset of the batch was stored")
        try f.store.saveAssets([pc], actor: "lina")
        #expect(
            refuses("serial") {
                try f.store.updateAsset(
                    Asset(tag: "PC-1", name: "PC", kind: .pc, state: .idle, serial: "1\u{0}2"), actor: "lina")
            })
        #expect(refuses("note") { try f.store.updateAsset(pc, actor: "lina", note: "n\u{0}") })
        #expect(
            refuses("fault") {
                _ = try f.store.openRepair(
                    RepairTicket(
                        id: 0, asset: "PC-1", openedOn: day, fault: "x\u{0}y", causedBy: nil, reportedBy: "lina"))
            })
        #expect(
            refuses("handed_to") {
                try f.store.recordScrap(
                    ScrapRecord(asset: "PC-1", day: day, reason: "old", handedTo: "x\u{0}", recordedBy: "lina"))
            })
        #expect(
            refuses("note") {
                try f.store.recordPowerOn(PowerOnRun(asset: "PC-1", day: day, recordedBy: "lina", note: "\u{0}"))
            })
        #expect(try f.store.asset(tag: "PC-1") == pc)
        #expect(try f.store.assetChanges(tag: "PC-1").count == 1, "only the creation is in the history")
        #expect(try f.store.repairTickets().isEmpty && f.store.scrapRecord(asset: "PC-1") == nil)
        #expect(try f.store.asset(tag: "PC-1\u{0}x") == nil, "a tag with a NUL names no asset")
    }

    @Test func documentAndStaffWritesWithANULAreRefused() throws {
        let f = try StoreFixture()
        #expect(refuses("name") { try f.store.saveStaffMember(StaffMember(id: "lina", name: "李\u{0}娜")) })
        try f.store.saveStaffMember(StaffMember(id: "lina", name: "李娜"))
        #expect(try f.store.staffMember("lina\u{0}evil") == nil, "a key with a NUL names nobody")
        #expect(
            refuses("title") {
                _ = try f.store.addTraining(Training(id: 0, person: "lina", day: day, hours: 8, title: "a\u{0}b"))
            })
        #expect(
            refuses("reference") {
                _ = try f.store.addGovernanceRecord(
                    GovernanceRecord(id: 0, unit: nil, kind: .meeting, day: day, title: "会议", reference: "\u{0}"))
            })
        #expect(
            refuses("title") {
                try f.store.addDocument(
                    TechnicalDocument(id: "D-1", title: "B\u{0}ook", category: .book, keeper: "lina"))
            })
        try f.store.addDocument(TechnicalDocument(id: "D-1", title: "Book", category: .book, keeper: "lina"))
        #expect(try f.store.document(id: "D-1\u{0}x") == nil)
        #expect(
            refuses("borrower") {
                _ = try f.store.lend(
                    Loan(
                        id: 0, document: "D-1", title: "Book", borrower: "lina\u{0}", lentOn: day, due: day,
                        lentBy: "lina"))
            })
        #expect(try f.store.trainings().isEmpty && f.store.governanceRecords().isEmpty && f.store.loans().isEmpty)
        #expect(try f.store.staff().map(\.name) == ["李娜"])
    }

    @Test func aStoredDayThatIsNotADayFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        try f.store.saveStaffMember(StaffMember(id: "lina", name: "李娜"))
        try f.store.addDocument(TechnicalDocument(id: "D-1", title: "Book", category: .book, keeper: "lina"))
        try f.store.lend(
            Loan(id: 0, document: "D-1", title: "Book", borrower: "lina", lentOn: day, due: day, lentBy: "lina"))
        try f.store.addTraining(Training(id: 0, person: "lina", day: day, hours: 8, title: "培训"))
        try sqlite(f.path, "UPDATE loans SET due = '10000-01-30'; UPDATE trainings SET day = '2026-13-45';")
        #expect {
            try f.store.loans()
        } throws: { error in
            "\(error)".contains("due holds \"10000-01-30\", which is not a date")
        }
        #expect {
            try f.store.trainings()
        } throws: { error in
            error is StoreError && "\(error)".contains("day holds \"2026-13-45\"")
        }
    }

    @Test func aStoredWaiverDayThatIsNotADayFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        try f.store.addWaiver(
            Waiver(
                rule: "infra.firewall", unit: "bad", justification: "Firewall on order", approver: "Director Li",
                startsOn: day, expiresOn: day))
        try sqlite(f.path, "UPDATE waivers SET expires_on = '2026-02-30';")
        #expect {
            try f.store.waivers()
        } throws: { error in
            error is StoreError && "\(error)".contains("expires_on holds \"2026-02-30\", which is not a date")
        }
        try sqlite(f.path, "UPDATE waivers SET expires_on = '2026-12-31', starts_on = 'soon';")
        #expect {
            try f.store.waivers()
        } throws: { error in
            error is StoreError && "\(error)".contains("starts_on holds \"soon\"")
        }
    }
}
