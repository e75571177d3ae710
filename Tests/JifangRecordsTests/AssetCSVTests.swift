import Foundation
import JifangModel
import JifangRecords
import Testing

@Suite struct AssetCSVTests {
    let today = RecordsFixture.day("2026-11-23")

    @Test func exportThenImportRoundTrips() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        try f.register.add(
            Asset(
                tag: "AC-01", name: "精密空调, 机房\"A\"", kind: .airConditioner, unit: "county", location: "机房",
                responsible: "张伟", vendor: "艾默生", model: "DME12", serial: "E123",
                purchaseDate: RecordsFixture.day("2020-05-01"),
                warrantyEnd: RecordsFixture.day("2023-05-01"), price: 38000, notes: "第一行\n第二行"),
            actor: "lina", on: today)
        try f.register.add(Asset(tag: "PRN-2", name: "打印机", kind: .printer, state: .idle), actor: "lina", on: today)
        let csv = try f.register.exportCSV()

        let g = try RecordsFixture()
        defer { g.remove() }
        let counts = try g.register.importCSV(csv, file: "assets.csv", actor: "lina", on: today)
        #expect(counts.added == 2)
        #expect(try g.register.assets() == f.register.assets())
        #expect(try g.register.exportCSV() == csv)
    }

    @Test func snipeITHeadersAndStatusesAreUnderstood() throws {
        let csv =
            "Asset Tag,Item Name,Category,Status,Manufacturer,Model Name,Serial,Purchase Cost\nT1,UPS,ups,Ready to Deploy,APC,SRT10K,S1,\"¥12,000.00\"\n"
        let assets = try AssetCSV.parse(csv, file: "snipe.csv")
        #expect(assets.first?.state == .idle)
        #expect(assets.first?.price == 12000)
        #expect(assets.first?.model == "SRT10K")
    }

    @Test func badLinesAreNamedAndNothingIsStored() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        let header = "asset_tag,name,category,status\n"
        let cases: [(String, String)] = [
            (
                header + "A1,电脑,pc,in-use\nA2,电脑,pc,lent-out\n",
                "assets.csv:3: column status: \"lent-out\" is not a state"
            ),
            (header + "A1,电脑,pc,in-use\nA2,\"电脑,pc,in-use\n", "assets.csv:3: a quoted field is never closed"),
            (header + "A1,电脑,pc\n", "assets.csv:2: 3 fields where the header has 4"),
            (header + "A1,电脑,toaster,idle\n", "assets.csv:2: column category: \"toaster\" is not a kind"),
            ("asset_tag,name,colour\nA1,x,red\n", "assets.csv:1: column colour: unknown column"),
            (header + "A1,电脑,pc,idle\nA1,电脑,pc,idle\n", "assets.csv:3: column asset_tag: A1 is already on line 2"),
        ]
        for (text, message) in cases {
            #expect {
                try f.register.importCSV(text, file: "assets.csv", actor: "lina", on: today)
            } throws: { error in
                "\(error)".hasPrefix(message)
            }
        }
        #expect(try f.register.assets().isEmpty)
    }

    @Test func importCannotSendAKnownAssetToScrap() throws {
        let f = try RecordsFixture()
        defer { f.remove() }
        try f.register.add(Asset(tag: "A1", name: "电脑", kind: .pc), actor: "lina", on: today)
        #expect {
            try f.register.importCSV("asset_tag,name,status\nA1,电脑,scrapped\n", file: "a.csv", actor: "lina", on: today)
        } throws: { error in
            "\(error)".contains("a.csv:2: column status: A1 is in-use")
        }
        #expect(try f.register.asset("A1").state == .inUse)
    }
}
