import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import Testing

@Suite(.serialized)
struct DutyLogModuleTests {
    static let fault = [
        "symptom": "Provincial line down", "cause": "Fibre cut by roadworks", "handling": "Switched to VPN backup",
        "participants": "张伟, 李四", "result": "Line restored at 16:40",
    ]

    static func manualEntries(_ fixture: ServerFixture) throws -> [DutyLogEntry] {
        try DutyLogBook(store: fixture.store).entries().filter { $0.source == .manual }
    }

    @Test func eachRoleIsRefusedWhatItMustNotDo() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for role in [AccountRole.auditor, .administrator] {
                var browser = Browser(client)
                try await browser.signIn(role.rawValue)
                let entry = try await browser.submit(
                    "/duty-log", to: "/duty-log/entries", ["category": "backup", "text": "Backed up MIS"])
                #expect(entry.status == .forbidden, "\(role) may not write the duty log")
                let fault = try await browser.submit("/duty-log", to: "/duty-log/faults", Self.fault)
                #expect(fault.status == .forbidden, "\(role) may not record a fault")
                let page = String(buffer: try await browser.get("/duty-log").body)
                #expect(page.contains("id=\"entries\"") && !page.contains("id=\"entry-form\""), "\(role) reads only")
            }
            var technician = Browser(client)
            try await technician.signIn("technician")
            #expect(try await technician.get("/duty-log/review").status == .forbidden)
            let review = try await technician.submit("/duty-log", to: "/duty-log/review", [:])
            #expect(review.status == .forbidden, "a technician may not sign off the log")
        }
        #expect(try Self.manualEntries(fixture).isEmpty)
        #expect(try fixture.store.dutyLogReviews().isEmpty)
    }

    @Test func anEntryIsChainedAsTheSignedInStaffMember() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let blank = try await browser.submit(
                "/duty-log", to: "/duty-log/entries", ["category": "backup", "text": "  "])
            #expect(blank.status == .unprocessableContent)
            #expect(String(buffer: blank.body).contains("id=\"text-error\""))
            #expect(try Self.manualEntries(fixture).isEmpty, "a refused entry stores nothing")

            let added = try await browser.submit(
                "/duty-log", to: "/duty-log/entries", ["category": "backup", "text": "Backed up the MIS database"])
            #expect(added.status == .seeOther)
            let entry = try #require(try Self.manualEntries(fixture).last)
            #expect(entry.author == "technician" && entry.category == .backup)
            #expect(entry.text == "Backed up the MIS database")
            let correction = try await browser.submit(
                "/duty-log", to: "/duty-log/entries",
                ["category": "backup", "text": "Backed up the MIS and HR databases", "corrects": String(entry.id)])
            #expect(correction.status == .seeOther)
            #expect(try Self.manualEntries(fixture).last?.corrects == entry.id)
            #expect(try DutyLogBook(store: fixture.store).verify().isIntact)
            let page = String(buffer: try await browser.get("/duty-log").body)
            #expect(page.contains("Backed up the MIS database") && page.contains("id=\"chain-status\""))
        }
    }

    @Test func aFaultLackingAFieldComesBackWithThatFieldsErrorAndNothingIsStored() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            var partial = Self.fault
            partial["cause"] = ""
            let refused = try await browser.submit("/duty-log", to: "/duty-log/faults", partial)
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains("id=\"cause-error\""))
            #expect(!html.contains("id=\"symptom-error\""))
            #expect(html.contains(">Provincial line down</textarea>"), "what was typed is kept")
            #expect(try DutyLogBook(store: fixture.store).faults().isEmpty)

            let stored = try await browser.submit("/duty-log", to: "/duty-log/faults", Self.fault)
            #expect(stored.status == .seeOther)
            let fault = try #require(try DutyLogBook(store: fixture.store).faults().first)
            #expect(
                fault.isComplete
                    && fault.details
                        == FaultDetails(
                            symptom: Self.fault["symptom"], cause: Self.fault["cause"],
                            handling: Self.fault["handling"],
                            participants: Self.fault["participants"], result: Self.fault["result"])
            )
            #expect(fault.entry.author == "technician")
            #expect(try DutyLogBook(store: fixture.store).verify().isIntact)
        }
    }

    @Test func aFaultRecordedWithItsSymptomOnlyIsCompletedOnItsPage() async throws {
        let fixture = try ServerFixture()
        let book = DutyLogBook(store: fixture.store)
        let open = try book.recordFault(FaultDetails(symptom: "UPS alarm"), author: "technician")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let page = "/duty-log/complete?fault=\(open.id)"
            let refused = try await browser.submit(page, to: "/duty-log/complete", ["fault": String(open.id)])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"result-error\""))
            var rest = Self.fault
            rest["symptom"] = nil
            rest["fault"] = String(open.id)
            #expect(try await browser.submit(page, to: "/duty-log/complete", rest).status == .seeOther)
        }
        #expect(try book.faults().first?.isComplete == true)
    }

    @Test func theSupervisorSignsExactlyTheEntriesShown() async throws {
        let fixture = try ServerFixture()
        let book = DutyLogBook(store: fixture.store)
        try book.add(category: .powerOn, text: "Powered on the MIS server", author: "technician")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var supervisor = Browser(client)
            try await supervisor.signIn("administrator")
            let page = String(buffer: try await supervisor.get("/duty-log/review").body)
            #expect(page.contains("Powered on the MIS server"))
            let seen = try #require(Browser.hidden("seen", in: page))
            let fields = [
                "from": Browser.hidden("from", in: page) ?? "", "to": Browser.hidden("to", in: page) ?? "",
                "seen": seen, "csrf": Browser.csrf(in: page) ?? "",
            ]
            // An entry written after the page was drawn: the supervisor has not seen it.
            try book.add(category: .dataUpload, text: "Uploaded the monthly data", author: "technician")
            let stale = try await supervisor.request(.post, "/duty-log/review", form: fields)
            #expect(stale.status == .conflict)
            #expect(String(buffer: stale.body).contains("Uploaded the monthly data"))
            #expect(try fixture.store.dutyLogReviews().isEmpty, "nothing is signed that was not seen")

            let signed = try await supervisor.submit("/duty-log/review", to: "/duty-log/review", [:])
            #expect(signed.status == .conflict, "a form without what was seen signs nothing")
            let fresh = String(buffer: try await supervisor.get("/duty-log/review").body)
            let accepted = try await supervisor.request(
                .post, "/duty-log/review",
                form: [
                    "from": Browser.hidden("from", in: fresh) ?? "", "to": Browser.hidden("to", in: fresh) ?? "",
                    "seen": Browser.hidden("seen", in: fresh) ?? "", "csrf": Browser.csrf(in: fresh) ?? "",
                ])
            #expect(accepted.status == .seeOther)
        }
        let review = try #require(try fixture.store.dutyLogReviews().first)
        #expect(review.supervisor == "administrator")
        #expect(try book.unreviewed().isEmpty)
        #expect(try book.verify().isIntact)
    }

    @Test func theAPIListsTheEntriesAndTheOpenAPIDocumentDescribesThem() async throws {
        let fixture = try ServerFixture()
        try DutyLogBook(store: fixture.store).add(category: .backup, text: "Backed up", author: "technician")
        let token = try fixture.server.accounts.createToken(username: "auditor", label: "test", by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/duty-log", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            let body = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(body["intact"] as? Bool == true)
            let entries = try #require(body["entries"] as? [[String: Any]])
            #expect(
                entries.contains { $0["text"] as? String == "Backed up" && $0["author"] as? String == "technician" })
            let document = String(
                buffer: try await client.execute(
                    uri: "/api/v1/openapi.json", method: .get, headers: [.authorization: "Bearer \(token)"]
                ).body)
            for path in ["/api/v1/duty-log", "/api/v1/assets", "/api/v1/loans"] { #expect(document.contains(path)) }
        }
    }
}
