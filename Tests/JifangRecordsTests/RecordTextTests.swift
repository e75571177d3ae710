import Foundation
import JifangModel
import JifangRecords
import JifangStore
import Testing

/// Every records desk holds people's text to ``RecordText``'s rule, as the duty log does: a NUL
/// (which SQLite would keep cut), another control character or an over-long text is refused with
/// the field named, and nothing is stored. Before, the asset register, the lending desk and the
/// staff register stored such text cut at the NUL.
@Suite struct RecordTextTests {
    let today = RecordsFixture.day("2026-11-23")
    static let refused = [
        "a\u{0}b", "ring \u{7}", "del\u{7F}", String(repeating: "x", count: RecordText.maximumLength + 1),
    ]

    /// Whether `body` throws ``RecordsError/invalidField(field:value:reason:)`` naming `field`.
    func refuses(_ field: String, _ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch RecordsError.invalidField(let named, _, _) {
            return named == field
        } catch {
            return false
        }
    }

    @Test func theAssetRegisterRefusesControlCharactersNamingTheField() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        for text in Self.refused {
            #expect(
                refuses("name") {
                    try f.register.add(Asset(tag: "PC-1", name: text, kind: .pc), actor: "lina", on: today)
                })
            #expect(
                refuses("tag") {
                    try f.register.add(Asset(tag: "PC\(text)", name: "PC", kind: .pc), actor: "lina", on: today)
                })
            #expect(
                refuses("notes") {
                    try f.register.add(Asset(tag: "PC-1", name: "PC", kind: .pc, notes: text), actor: "lina", on: today)
                })
        }
        #expect(
            refuses("location") {
                try f.register.add(
                    Asset(tag: "PC-1", name: "PC", kind: .pc, location: "二楼\u{0}机房"), actor: "lina", on: today)
            })
        #expect(
            refuses("price") {
                try f.register.add(Asset(tag: "PC-1", name: "PC", kind: .pc, price: .nan), actor: "lina", on: today)
            })
        #expect(
            refuses("price") {
                try f.register.add(
                    Asset(tag: "PC-1", name: "PC", kind: .pc, price: .infinity), actor: "lina", on: today)
            })
        #expect(try f.register.assets().isEmpty, "nothing was stored")

        try f.register.add(
            Asset(tag: "PC-1", name: "PC\r\nspare", kind: .pc, state: .idle), actor: "lina", on: today)
        #expect(try f.register.asset("PC-1").name == "PC\nspare", "line ends become line feeds")
        #expect(
            refuses("serial") {
                try f.register.update(
                    Asset(tag: "PC-1", name: "PC", kind: .pc, state: .idle, serial: "S\u{0}1"), actor: "lina")
            })
        #expect(
            refuses("note") { try f.register.changeState("PC-1", to: .inUse, actor: "lina", on: today, note: "n\u{0}") }
        )
        #expect(refuses("note") { try f.register.recordPowerOn("PC-1", on: today, actor: "lina", note: "ok\u{1B}[2J") })
        #expect(
            refuses("fault") {
                try f.register.openRepair("PC-1", fault: "dead\u{0}", causedBy: nil, reportedBy: "lina", on: today)
            })
        #expect(
            refuses("caused-by") {
                try f.register.openRepair(
                    "PC-1", fault: "dead", causedBy: "zhangwei\u{0}", reportedBy: "lina", on: today)
            })
        #expect(
            refuses("reason") {
                try f.register.scrap("PC-1", reason: "old\u{0}", handedTo: "x", actor: "lina", on: today)
            })
        #expect(
            refuses("handed-to") {
                try f.register.scrap("PC-1", reason: "old", handedTo: "x\u{0}", actor: "lina", on: today)
            })
        try f.register.openRepair("PC-1", fault: "dead", causedBy: nil, reportedBy: "lina", on: today)
        #expect(
            refuses("result") {
                try f.register.closeRepair("PC-1", result: "fixed\u{0}", cost: 1, actor: "lina", on: today)
            })
        #expect(
            refuses("cost") {
                try f.register.closeRepair("PC-1", result: "fixed", cost: .nan, actor: "lina", on: today)
            })

        let asset = try f.register.asset("PC-1")
        #expect(asset.name == "PC\nspare" && asset.serial == nil && asset.state == .underRepair)
        #expect(try f.store.powerOnRuns(asset: "PC-1").isEmpty)
        #expect(try f.register.repairs("PC-1").map(\.result) == [nil], "the ticket stays open")
        #expect(throws: RecordsError.notFound(kind: "asset", key: "PC-1\u{0}x")) {
            try f.register.asset("PC-1\u{0}x")
        }
    }

    @Test func aCSVValueWithAControlCharacterIsRefusedByLineAndColumn() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let csv = "asset_tag,name,notes\r\nPC-1,PC,fine\r\nPC-2,PC,\"bad\u{0}note\"\r\n"
        #expect {
            try f.register.importCSV(csv, file: "assets.csv", actor: "lina", on: today)
        } throws: { error in
            guard case .csv(let file, let line, let column, let reason) = error as? RecordsError else { return false }
            return file == "assets.csv" && line == 3 && column == "notes" && reason.contains("U+0000")
        }
        #expect {
            try f.register.importCSV(
                "asset_tag,name,purchase_cost\nPC-1,PC,inf\n", file: "a.csv", actor: "lina", on: today)
        } throws: { error in
            guard case .csv(_, 2, "purchase_cost", _) = error as? RecordsError else { return false }
            return true
        }
        #expect(try f.register.assets().isEmpty)
    }

    @Test func theLendingDeskRefusesControlCharactersNamingTheField() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        for text in Self.refused {
            #expect(
                refuses("title") {
                    try f.desk.add(TechnicalDocument(id: "D-1", title: text, category: .book, keeper: "wangfang"))
                })
            #expect(
                refuses("notes") {
                    try f.desk.add(
                        TechnicalDocument(id: "D-1", title: "Book", category: .book, keeper: "wangfang", notes: text))
                })
        }
        #expect(
            refuses("id") {
                try f.desk.add(TechnicalDocument(id: "D-1\u{0}", title: "Book", category: .book, keeper: "wangfang"))
            })
        #expect(
            refuses("price") {
                try f.desk.add(
                    TechnicalDocument(id: "D-1", title: "Book", category: .book, keeper: "wangfang", price: .nan))
            })
        #expect(try f.desk.catalogue().isEmpty)

        try f.desk.add(TechnicalDocument(id: "D-1", title: "Book", category: .book, keeper: "wangfang"))
        // "D-1\0x" used to find D-1 (SQLite matched the id cut at the NUL) and lend it.
        #expect(refuses("document") { _ = try f.desk.lend("D-1\u{0}x", to: "zhangwei", on: today, by: "wangfang") })
        #expect(refuses("borrower") { _ = try f.desk.lend("D-1", to: "zhangwei\u{0}x", on: today, by: "wangfang") })
        #expect(refuses("keeper") { _ = try f.desk.lend("D-1", to: "zhangwei", on: today, by: "wangfang\u{7}") })
        #expect(try f.desk.loans().isEmpty)
        try f.desk.lend("D-1", to: "zhangwei", on: today, by: "wangfang")
        #expect(
            refuses("compensation") {
                _ = try f.desk.takeBack("D-1", on: today, condition: .lost, by: "wangfang", compensation: -.infinity)
            })
        #expect(try f.desk.loans(openOnly: true).count == 1)
    }

    @Test func theStaffRegisterRefusesControlCharactersNamingTheField() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let staff = StaffRegister(store: f.store)
        for text in Self.refused {
            #expect(refuses("name") { try staff.register(StaffMember(id: "liuyang", name: text)) })
            #expect(
                refuses("title") {
                    _ = try staff.addTraining(person: "zhangwei", day: today, hours: 8, title: text, organiser: nil)
                })
            #expect(
                refuses("notes") {
                    _ = try staff.addGovernance(
                        kind: .meeting, unit: nil, day: today, title: "会议", reference: nil, notes: text)
                })
        }
        #expect(refuses("id") { try staff.register(StaffMember(id: "liu\u{0}yang", name: "刘洋")) })
        #expect(
            refuses("organiser") {
                _ = try staff.addTraining(person: "zhangwei", day: today, hours: 8, title: "培训", organiser: "省\u{0}中心")
            })
        #expect(
            refuses("person") {
                _ = try staff.addTraining(person: "zhangwei\u{0}x", day: today, hours: 8, title: "培训", organiser: nil)
            })
        #expect(try f.store.staff().map(\.id).sorted() == ["lina", "wangfang", "zhangwei"])
        #expect(try f.store.trainings().isEmpty)
        #expect(try f.store.governanceRecords().isEmpty)
        // A key with a NUL names nobody: SQLite used to match it cut, as "lina".
        #expect(throws: RecordsError.notFound(kind: "staff member", key: "lina\u{0}x")) {
            try staff.person("lina\u{0}x")
        }
    }
}
