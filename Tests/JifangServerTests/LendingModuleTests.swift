import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import Testing

@Suite(.serialized)
struct LendingModuleTests {
    @Test func onlyTechniciansLend() async throws {
        let fixture = try ServerFixture()
        #expect(!Permission.manageLoans.isGranted(to: .administrator), "the table does not let administrators lend")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for role in [AccountRole.auditor, .administrator] {
                var browser = Browser(client)
                try await browser.signIn(role.rawValue)
                for action in ["lend", "renew", "return"] {
                    let response = try await browser.submit(
                        "/lending", to: "/lending/\(action)", ["document": "D-1", "borrower": "li.si"])
                    #expect(response.status == .forbidden, "\(role) may not \(action)")
                }
                #expect(try await browser.get("/lending").status == .ok)
            }
        }
        #expect(try fixture.store.loans().isEmpty)
    }

    @Test func loansGoToStaffOnlyAndReturnsAreInspected() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let outsider = try await browser.submit(
                "/lending", to: "/lending/lend", ["document": "D-1", "borrower": "visitor.wang"])
            #expect(outsider.status == .unprocessableContent)
            #expect(String(buffer: outsider.body).contains("id=\"borrower-error\""), "nothing is lent outside")
            #expect(try fixture.store.loans().isEmpty)

            #expect(
                try await browser.submit("/lending", to: "/lending/lend", ["document": "D-1", "borrower": "李四"]).status
                    == .seeOther)
            #expect(try await browser.submit("/lending", to: "/lending/renew", ["document": "D-1"]).status == .seeOther)
            let loan = try #require(try fixture.store.loans(openOnly: true).first)
            #expect(loan.borrower == "li.si" && loan.lentBy == "technician" && loan.renewals.count == 1)

            let api = try await browser.get("/api/v1/loans")
            #expect(String(buffer: api.body).contains("\"borrower\" : \"li.si\""))

            let returned = try await browser.submit(
                "/lending", to: "/lending/return", ["document": "D-1", "condition": "lost"])
            #expect(returned.status == .seeOther)
        }
        let loan = try #require(try fixture.store.loans().first)
        #expect(loan.condition == .lost && loan.compensation == 80 && loan.receivedBy == "technician")
    }
}
