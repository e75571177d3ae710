import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import Testing

/// The asset and lending forms refuse a NUL the way the duty-log form does: the records desk
/// names the field, the form comes back with that field's error, and nothing is stored. Before,
/// an asset named `"PR\0x"` was stored as `"PR"` and `"D-1\0x"` lent D-1.
@Suite(.serialized)
struct RecordsFormTextTests {
    @Test func anAssetWithANULInItsNameIsRefusedAtTheNameAndNotStored() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let refused = try await browser.submit(
                "/assets", to: "/assets",
                ["tag": "PR-9", "name": "Laser\u{0}printer", "kind": "printer", "state": "in-use"])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"name-error\""))
            let fault = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/repair", ["fault": "Disk\u{0}fails"])
            #expect(fault.status == .unprocessableContent)
            #expect(String(buffer: fault.body).contains("id=\"fault-error\""))
            let handover = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/scrap", ["reason": "Obsolete", "handedTo": "office\u{7}"])
            #expect(handover.status == .unprocessableContent)
            #expect(String(buffer: handover.body).contains("id=\"handedTo-error\""))
        }
        #expect(try fixture.store.asset(tag: "PR-9") == nil)
        #expect(try fixture.store.assets().allSatisfy { !$0.name.hasPrefix("Laser") })
        #expect(try fixture.store.asset(tag: "PC-001")?.state == .idle)
        #expect(try fixture.store.repairTickets(asset: "PC-001").isEmpty)
    }

    @Test func aLoanOfADocumentIdWithANULIsRefusedAtTheDocumentAndNothingIsLent() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let refused = try await browser.submit(
                "/lending", to: "/lending/lend", ["document": "D-1\u{0}x", "borrower": "li.si"])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"lend-document-error\""))
            let borrower = try await browser.submit(
                "/lending", to: "/lending/lend", ["document": "D-1", "borrower": "li.si\u{0}x"])
            #expect(borrower.status == .unprocessableContent)
            #expect(String(buffer: borrower.body).contains("id=\"borrower-error\""), "shown at the borrower")
        }
        #expect(try fixture.store.loans().isEmpty)
        #expect(try fixture.store.document(id: "D-1")?.state == .available)
    }

    @Test func eachAddFormFieldWithANULComesBackAsThatFieldsError() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            for field in ["location", "responsible", "serial"] {
                var form = ["tag": "PR-9", "name": "Laser printer", "kind": "printer", "state": "in-use"]
                form[field] = "Room\u{0}3"
                let refused = try await browser.submit("/assets", to: "/assets", form)
                #expect(refused.status == .unprocessableContent)
                let page = String(buffer: refused.body)
                #expect(page.contains("id=\"\(field)-error\""), "\(field) is refused at its field")
                #expect(page.contains("\(field): "), "with the records module's message")
            }
        }
        #expect(try fixture.store.asset(tag: "PR-9") == nil)
    }

    @Test func aRepairCausedByANULIsRefusedAtCausedBy() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let refused = try await browser.submit(
                "/assets/PC-001", to: "/assets/PC-001/repair", ["fault": "Screen cracked", "causedBy": "li.si\u{0}x"])
            #expect(refused.status == .unprocessableContent)
            let page = String(buffer: refused.body)
            #expect(page.contains("id=\"causedBy-error\""))
            #expect(page.contains("caused-by: "), "with the records module's message")
        }
        #expect(try fixture.store.repairTickets(asset: "PC-001").isEmpty)
        #expect(try fixture.store.asset(tag: "PC-001")?.state == .idle)
    }

    @Test func aSignOffRemarkWithANULIsRefusedAtTheRemark() async throws {
        let fixture = try ServerFixture()
        try DutyLogBook(store: fixture.store).add(
            category: .powerOn, text: "Powered on the MIS server", author: "technician")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var supervisor = Browser(client)
            try await supervisor.signIn("administrator")
            let page = String(buffer: try await supervisor.get("/duty-log/review").body)
            let refused = try await supervisor.request(
                .post, "/duty-log/review",
                form: [
                    "from": Browser.hidden("from", in: page) ?? "", "to": Browser.hidden("to", in: page) ?? "",
                    "seen": Browser.hidden("seen", in: page) ?? "", "csrf": Browser.csrf(in: page) ?? "",
                    "comment": "Checked\u{0}x",
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"comment-error\""))
        }
        #expect(try fixture.store.dutyLogReviews().isEmpty)
    }
}
