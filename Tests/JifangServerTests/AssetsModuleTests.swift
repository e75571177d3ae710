import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import JifangTesting
import Testing

@Suite(.serialized)
struct AssetsModuleTests {
    @Test func onlyTechniciansChangeTheRegister() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for role in [AccountRole.auditor, .administrator] {
                var browser = Browser(client)
                try await browser.signIn(role.rawValue)
                let add = try await browser.submit(
                    "/assets", to: "/assets", ["tag": "PR-9", "name": "Printer", "kind": "printer", "state": "in-use"])
                #expect(add.status == .forbidden, "\(role) may not enter assets")
                let repair = try await browser.submit(
                    "/assets/PC-001", to: "/assets/PC-001/repair", ["fault": "No POST"])
                #expect(repair.status == .forbidden, "\(role) may not open repair tickets")
                #expect(try await browser.get("/assets/PC-001").status == .ok, "\(role) reads the register")
            }
        }
        #expect(try fixture.store.asset(tag: "PR-9") == nil)
        #expect(try fixture.store.asset(tag: "PC-001")?.state == .idle)
    }

    @Test func aBadPriceIsShownAndAGoodAssetIsEnteredByItsTechnician() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let fields = ["tag": "PR-9", "name": "Laser printer", "kind": "printer", "state": "in-use"]
            let refused = try await browser.submit("/assets", to: "/assets", fields.merging(["price": "cheap"]) { $1 })
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"price-error\""))
            #expect(try fixture.store.asset(tag: "PR-9") == nil)
            let duplicate = try await browser.submit(
                "/assets", to: "/assets", fields.merging(["tag": "PC-001"]) { $1 })
            #expect(String(buffer: duplicate.body).contains("id=\"tag-error\""))
            let added = try await browser.submit("/assets", to: "/assets", fields.merging(["price": "1200"]) { $1 })
            #expect(added.status == .seeOther)
        }
        #expect(try fixture.store.asset(tag: "PR-9")?.price == 1200)
        #expect(try fixture.store.assetChanges(tag: "PR-9").first?.actor == "technician")
    }

    @Test func aTagWithCharactersEscapedInThePathFindsItsAsset() async throws {
        let fixture = try ServerFixture()
        try AssetRegister(store: fixture.store).add(
            Asset(tag: "机房 UPS-2", name: "UPS", kind: .ups, state: .inUse), actor: "technician",
            on: CalendarDay(Date(), utcOffsetSeconds: RecordsPolicy().utcOffsetSeconds))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let path = "/assets/%E6%9C%BA%E6%88%BF%20UPS-2"
            #expect(try await browser.get(path).status == .ok)
            let opened = try await browser.submit(path, to: "\(path)/repair", ["fault": "Fan noise"])
            #expect(opened.headers[.location] == "\(path)?saved=1")
        }
        #expect(try fixture.store.asset(tag: "机房 UPS-2")?.state == .underRepair)
    }

    @Test func repairsScrappingAndPowerOnRunsGoThroughTheirRecords() async throws {
        let fixture = try ServerFixture()
        let register = AssetRegister(store: fixture.store)
        let today = CalendarDay(Date(), utcOffsetSeconds: RecordsPolicy().utcOffsetSeconds)
        #expect(try register.powerOnSchedule(on: today).first { $0.asset == "PC-001" }?.overdue == true)
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let page = String(buffer: try await browser.get("/").body)
            #expect(page.contains("id=\"power-on-due\"") && page.contains("PC-001"))
            #expect(try await browser.submit("/assets/PC-001", to: "/assets/PC-001/power-on", [:]).status == .seeOther)
            #expect(try register.powerOnSchedule(on: today).isEmpty)

            let opened = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/repair", ["fault": "Disk fails", "causedBy": "li.si"])
            #expect(opened.status == .seeOther)
            #expect(opened.headers[.location] == "/assets/PC-001?saved=1", "back to the asset's own page")
            #expect(try await browser.get("/assets/PC-001?saved=1").status == .ok)
            #expect(try register.asset("PC-001").state == .underRepair)
            let badCost = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/repaired", ["result": "Disk replaced", "cost": "-5"])
            #expect(String(buffer: badCost.body).contains("id=\"cost-error\""))
            #expect(try register.asset("PC-001").state == .underRepair)
            let closed = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/repaired",
                ["result": "Disk replaced", "cost": "350", "returnTo": "idle"])
            #expect(closed.status == .seeOther)
            let ticket = try #require(try register.repairs("PC-001").first)
            #expect(ticket.causedBy == "li.si" && ticket.cost == 350 && ticket.reportedBy == "technician")

            let noHandover = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/scrap", ["reason": "Obsolete", "handedTo": ""])
            #expect(noHandover.status == .unprocessableContent)
            #expect(String(buffer: noHandover.body).contains("id=\"handedTo-error\""))
            #expect(try register.asset("PC-001").state == .idle)
            let scrapped = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/scrap", ["reason": "Obsolete", "handedTo": "County asset office"])
            #expect(scrapped.status == .seeOther)
        }
        #expect(try register.asset("PC-001").state == .scrapped)
        #expect(try fixture.store.scrapRecord(asset: "PC-001")?.recordedBy == "technician")
        #expect(try register.history("PC-001").allSatisfy { $0.actor == "technician" })
    }

    /// An asset register the store cannot read is an error (500), not "no such asset" (404).
    @Test func anUnreadableRegisterIsAnErrorNotAMissingAsset() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            #expect(try await browser.get("/assets/PC-001").status == .ok)
            _ = try Command.run("/usr/bin/sqlite3", [fixture.store.path, "ALTER TABLE assets RENAME TO assets_away;"])
            let page = try await browser.get("/assets/PC-001")
            #expect(page.status == .internalServerError, "\(page.status)")
        }
    }
}
