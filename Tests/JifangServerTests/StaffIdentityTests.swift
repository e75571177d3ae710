import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import JifangStore
import Testing

/// Records are written as the staff member an account is explicitly linked to, never as one whose
/// name the account happens (or was made) to carry.
@Suite(.serialized)
struct StaffIdentityTests {
    @Test func anAccountNamedLikeAColleagueWritesNothingAsThatColleague() async throws {
        let fixture = try ServerFixture()
        // 李四 (li.si) is registered staff; an administrator makes an account that carries the name.
        try fixture.server.accounts.create(
            username: "impostor", displayName: "李四", role: .technician, password: ServerFixture.password,
            by: .init("administrator"))
        try fixture.server.accounts.create(
            username: "li", displayName: "li.si", role: .technician, password: ServerFixture.password,
            by: .init("administrator"))
        let token = try fixture.server.accounts.createToken(username: "impostor", label: "t", by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for username in ["impostor", "li"] {
                var browser = Browser(client)
                try await browser.signIn(username)
                let entry = try await browser.submit(
                    "/duty-log", to: "/duty-log/entries", ["category": "backup", "text": "Backed up as 李四"])
                #expect(entry.status == .unprocessableContent, "\(username)")
                #expect(String(buffer: entry.body).contains("linked to no registered staff member"))
                let fault = try await browser.submit("/duty-log", to: "/duty-log/faults", DutyLogModuleTests.fault)
                #expect(fault.status == .unprocessableContent, "\(username)")
                let lend = try await browser.submit(
                    "/lending", to: "/lending/lend", ["document": "D-1", "borrower": "technician"])
                #expect(lend.status == .unprocessableContent, "\(username)")
                let asset = try await browser.submit("/assets/PC-001", to: "/assets/PC-001/power-on", [:])
                #expect(asset.status == .unprocessableContent, "\(username)")
            }
            let api = try await DutyLogAPITests.post(
                client, "/api/v1/duty-log", #"{"category": "backup", "text": "Backed up"}"#, token: token)
            #expect(api.status == .forbidden)
            #expect((api.body["error"] as? String)?.contains("linked to no registered staff member") == true)
        }
        #expect(try DutyLogModuleTests.manualEntries(fixture).isEmpty, "nothing was written as 李四")
        #expect(try DocumentDesk(store: fixture.store).loans().isEmpty)
    }

    @Test func aLinkedAccountWritesAsItsStaffMember() async throws {
        let fixture = try ServerFixture()
        try fixture.server.accounts.create(
            username: "si.li", displayName: "Li Si", role: .technician, password: ServerFixture.password,
            staffID: "li.si", by: .init("administrator"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("si.li")
            let entry = try await browser.submit(
                "/duty-log", to: "/duty-log/entries", ["category": "backup", "text": "Backed up MIS"])
            #expect(entry.status == .seeOther, "\(String(buffer: entry.body).prefix(400))")
        }
        let written = try #require(try DutyLogModuleTests.manualEntries(fixture).first)
        #expect(written.author == "li.si")
        let audit = try #require(try fixture.store.auditTrail().first { $0.action == "duty-log.entry" })
        #expect(audit.actor == "si.li" && audit.subject == "duty-log #\(written.id)")
    }

    @Test func aLinkMustNameAStaffIdNotAName() throws {
        let fixture = try ServerFixture()
        #expect(throws: AccountFormErrors.self) {
            try fixture.server.accounts.create(
                username: "wang", displayName: "Wang", role: .technician, password: ServerFixture.password,
                staffID: "李四", by: .init("administrator"))
        }
        #expect(try fixture.store.account(named: "wang") == nil)
    }
}
