import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import JifangTesting
import Testing

/// The asset register and the lending desk in a real headless Chromium: a technician enters an
/// asset and reports it for repair, lends a document to a colleague and takes it back; a bad
/// price or a borrower who is not staff comes back with that field's error and stores nothing.
extension BrowserTests {
    @Test func aTechnicianEntersAnAssetAndReportsItForRepair() async throws {
        let fixture = try ServerFixture()
        let register = AssetRegister(store: fixture.store)
        try await Self.withBrowser(fixture, as: "technician") { browser, base in
            try await browser.open("\(base)/assets")
            try await browser.type("SW-007", into: "#tag")
            try await browser.type("Access switch, 3rd floor", into: "#name")
            try await browser.click("#kind option[value=switch]")
            try await browser.type("Room 301", into: "#location")
            try await browser.type("three thousand", into: "#price")
            try await browser.submit("#asset-form button[type=submit]")
            let refused = try await browser.source()
            #expect(refused.contains("id=\"price-error\""), "the price's error is shown next to it")
            #expect(refused.contains("value=\"Access switch, 3rd floor\""), "what was typed is kept")
            #expect(try fixture.store.asset(tag: "SW-007") == nil, "nothing was stored")

            try await browser.type("3500", into: "#price")
            try await browser.submit("#asset-form button[type=submit]")
            #expect(try await browser.currentURL().contains("/assets?saved="))
            let asset = try register.asset("SW-007")
            #expect(asset.kind == .switch && asset.state == .inUse && asset.price == 3500)
            #expect(asset.location == "Room 301")

            try await browser.open("\(base)/assets/SW-007")
            try await browser.type("Port 12 dead after a storm", into: "#fault")
            try await browser.submit("#repair-form button[type=submit]")
            #expect(try await browser.currentURL().contains("/assets/SW-007?saved=1"))
            let page = try await browser.source()
            #expect(page.contains("Port 12 dead after a storm") && page.contains("id=\"repaired-form\""))
        }
        #expect(try register.asset("SW-007").state == .underRepair)
        let ticket = try #require(try register.repairs("SW-007").first)
        #expect(ticket.fault == "Port 12 dead after a storm" && ticket.reportedBy == "technician")
        #expect(ticket.closedOn == nil)
    }

    @Test func aTechnicianLendsADocumentToAColleagueAndTakesItBack() async throws {
        let fixture = try ServerFixture()
        let desk = DocumentDesk(store: fixture.store)
        try await Self.withBrowser(fixture, as: "technician") { browser, base in
            try await browser.open("\(base)/lending")
            try await browser.click("#lend-document option[value=D-1]")
            try await browser.type("王五", into: "#borrower")
            try await browser.submit("#lend-form button[type=submit]")
            let refused = try await browser.source()
            #expect(refused.contains("id=\"borrower-error\""), "a borrower who is not staff is refused at the field")
            #expect(refused.contains("value=\"王五\""))
            #expect(try desk.loans().isEmpty, "nothing was lent")

            try await browser.type("li.si", into: "#borrower")
            try await browser.submit("#lend-form button[type=submit]")
            #expect(try await browser.currentURL().contains("/lending?saved=1"))
            let loan = try #require(try desk.loans(openOnly: true).first)
            #expect(loan.document == "D-1" && loan.borrower == "li.si" && loan.lentBy == "technician")
            #expect(try await browser.source().contains("id=\"loan-\(loan.id)\""), "the open loan is listed")

            try await browser.click("#return-document option[value=D-1]")
            try await browser.click("#condition option[value=fine]")
            try await browser.submit("#return-form button[type=submit]")
            #expect(try await browser.currentURL().contains("/lending?saved=1"))
            #expect(!(try await browser.source()).contains("id=\"loan-\(loan.id)\""), "the loan is closed")
        }
        #expect(try desk.loans(openOnly: true).isEmpty)
        let loan = try #require(try desk.loans().first)
        #expect(loan.returnedOn != nil && loan.condition == .fine && loan.receivedBy == "technician")
        #expect(loan.compensation == nil || loan.compensation == 0)
    }
}
