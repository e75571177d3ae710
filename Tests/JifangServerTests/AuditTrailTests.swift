import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import JifangStore
import JifangTesting
import NIOCore
import Testing

/// Every write the server offers, form or JSON, leaves an audit-trail entry naming the account,
/// its address and the record; the list of writes is checked against the registered routes, so a
/// new write route without its case here fails the test.
@Suite(.serialized)
struct AuditTrailTests {
    /// One successful write: sign in as `role`, open `page`, post `fields` (plus the page's CSRF
    /// token and the hidden fields named in `hidden`) to `path`; `action` must then be audited.
    struct Write {
        var route: String
        var role: String
        var page: String
        var path: String
        var fields: [String: String] = [:]
        var hidden: [String] = []
        var action: String
    }

    static let fault = DutyLogModuleTests.fault

    /// In an order that works: the lending desk lends before it renews, a repair is opened before
    /// it is closed, the duty log has entries before it is signed off.
    static let writes: [Write] = [
        Write(
            route: "/login", role: "technician", page: "/login", path: "/login",
            fields: ["username": "technician", "password": ServerFixture.password], action: "login"),
        Write(
            route: "/duty-log/entries", role: "technician", page: "/duty-log", path: "/duty-log/entries",
            fields: ["category": "backup", "text": "Backed up MIS"], action: "duty-log.entry"),
        Write(
            route: "/duty-log/faults", role: "technician", page: "/duty-log", path: "/duty-log/faults",
            fields: fault, action: "duty-log.fault"),
        Write(
            route: "/duty-log/complete", role: "technician", page: "/duty-log", path: "/duty-log/complete",
            fields: fault.merging(["symptom": ""]) { $1 }, action: "duty-log.complete"),
        Write(
            route: "/duty-log/review", role: "administrator", page: "/duty-log/review", path: "/duty-log/review",
            hidden: ["from", "to", "seen"], action: "duty-log.review"),
        Write(
            route: "/assets", role: "technician", page: "/assets", path: "/assets",
            fields: ["tag": "PC-002", "name": "HR PC", "kind": "pc", "state": "in-use"], action: "asset.add"),
        Write(
            route: "/assets/{tag}/power-on", role: "technician", page: "/assets/PC-001",
            path: "/assets/PC-001/power-on", action: "asset.power-on"),
        Write(
            route: "/assets/{tag}/state", role: "technician", page: "/assets/PC-001", path: "/assets/PC-001/state",
            fields: ["state": "in-use"], action: "asset.state"),
        Write(
            route: "/assets/{tag}/repair", role: "technician", page: "/assets/PC-001", path: "/assets/PC-001/repair",
            fields: ["fault": "Fan noise"], action: "asset.repair"),
        Write(
            route: "/assets/{tag}/repaired", role: "technician", page: "/assets/PC-001",
            path: "/assets/PC-001/repaired", fields: ["result": "Fan replaced", "cost": "35"],
            action: "asset.repaired"),
        Write(
            route: "/assets/{tag}/scrap", role: "technician", page: "/assets/PC-001", path: "/assets/PC-001/scrap",
            fields: ["reason": "Obsolete", "handedTo": "李四"], action: "asset.scrap"),
        Write(
            route: "/lending/lend", role: "technician", page: "/lending", path: "/lending/lend",
            fields: ["document": "D-1", "borrower": "li.si"], action: "loan.lend"),
        Write(
            route: "/lending/renew", role: "technician", page: "/lending", path: "/lending/renew",
            fields: ["document": "D-1"], action: "loan.renew"),
        Write(
            route: "/lending/return", role: "technician", page: "/lending", path: "/lending/return",
            fields: ["document": "D-1", "condition": "fine"], action: "loan.return"),
        Write(
            route: "/bindings/proposals", role: "administrator", page: "/bindings", path: "/bindings/proposals",
            fields: ["proposal": "1", "decision": "approve"], action: "binding.approve"),
        Write(
            route: "/bindings/ports/release", role: "administrator", page: "/bindings",
            path: "/bindings/ports/release", fields: ["action": "1"], action: "port.release"),
        Write(
            route: "/evaluations", role: "auditor", page: "/evaluations", path: "/evaluations",
            fields: ["period": "2025H2", "unit": "330102"], action: "evaluation.run"),
        Write(
            route: "/admin/accounts", role: "administrator", page: "/admin/accounts", path: "/admin/accounts",
            fields: [
                "username": "li.na", "displayName": "李娜", "role": "technician", "language": "zh",
                "password": "Lina#2025-room",
            ], action: "account.create"),
        Write(
            route: "/admin/accounts/staff", role: "administrator", page: "/admin/accounts",
            path: "/admin/accounts/staff", fields: ["username": "li.na", "staffID": "li.si"], action: "account.link"),
        Write(
            route: "/admin/accounts/role", role: "administrator", page: "/admin/accounts",
            path: "/admin/accounts/role", fields: ["username": "li.na", "role": "auditor"], action: "account.role"),
        Write(
            route: "/admin/accounts/disable", role: "administrator", page: "/admin/accounts",
            path: "/admin/accounts/disable", fields: ["username": "li.na"], action: "account.disable"),
        Write(
            route: "/admin/accounts/enable", role: "administrator", page: "/admin/accounts",
            path: "/admin/accounts/enable", fields: ["username": "li.na"], action: "account.enable"),
        Write(
            route: "/account/language", role: "auditor", page: "/account", path: "/account/language",
            fields: ["language": "zh"], action: "account.language"),
        Write(
            route: "/account/password", role: "auditor", page: "/account", path: "/account/password",
            fields: [
                "current": ServerFixture.password, "password": "New#Passw0rd-1", "confirm": "New#Passw0rd-1",
            ], action: "account.password"),
    ]

    /// Routes that change nothing stored: signing out only forgets the in-memory session.
    static let notWrites: Set<String> = ["/logout"]

    @Test func everyFormWriteLeavesAnAuditEntryWithActorAddressAndRecord() async throws {
        let fixture = try ServerFixture()
        // A major fault recorded without its other fields, to be completed.
        let open = try DutyLogBook(store: fixture.store).recordFault(
            FaultDetails(symptom: "UPS alarm"), author: "technician")
        // A switch that takes the port release (see BindingsModuleTests).
        let community = "jifang-audit-release"
        let recording = fixture.directory.appending("\(community).snmprec")
        try "1.3.6.1.2.1.1.1.0|4|switch\n1.3.6.1.2.1.2.2.1.7.3|2:writecache|value=2\n".write(
            to: recording, atomically: true, encoding: .utf8)
        let port = LoopbackPort.freeUDP()
        let simulator = try await SNMPSimulator.start(
            recordings: [recording], endpoints: [.init(host: "127.0.0.1", port: port)])
        defer { simulator.stop() }
        try ServerFixture.writeSite(fixture.directory, switchPort: port, community: community)
        let shutdown = try #require(try fixture.store.portActions(activeOnly: true).first)
        let proposal = try #require(try fixture.store.bindingProposals().first)

        let (router, routes) = fixture.server.router()
        let posted = Set(routes.routes.filter { $0.method == "POST" && !$0.path.hasPrefix("/api/") }.map(\.path))
        #expect(posted.subtracting(Self.notWrites) == Set(Self.writes.map(\.route)), "every form write is listed")
        try await Application(router: router).test(.router) { client in
            var browsers: [String: Browser] = [:]
            for var write in Self.writes {
                if write.route == "/bindings/proposals" { write.fields["proposal"] = String(proposal.id) }
                if write.route == "/bindings/ports/release" { write.fields["action"] = String(shutdown.id) }
                if write.route == "/duty-log/complete" { write.fields["fault"] = String(open.id) }
                // Signing in is itself the write of /login; every other write is made signed in.
                var browser = browsers[write.role] ?? Browser(client)
                if browsers[write.role] == nil, write.route != "/login" { try await browser.signIn(write.role) }
                let before = try fixture.store.auditTrail(limit: 1).first?.id ?? 0
                let page = String(buffer: try await browser.get(write.page).body)
                var fields = write.fields
                fields["csrf"] = Browser.csrf(in: page) ?? ""
                for name in write.hidden { fields[name] = Browser.hidden(name, in: page) ?? "" }
                let response = try await browser.request(.post, write.path, form: fields)
                browsers[write.role] = browser
                #expect(response.status == .seeOther, "\(write.path): \(String(buffer: response.body).prefix(600))")
                let added = try fixture.store.auditTrail(limit: 50).filter { $0.id > before }
                let entry = added.first { $0.action == write.action }
                #expect(entry != nil, "\(write.path) left no \(write.action) entry: \(added.map(\.action))")
                #expect(entry?.actor == write.role, "\(write.path)")
                #expect(entry?.origin?.isEmpty == false, "\(write.path): the address is recorded")
                #expect(entry?.subject.isEmpty == false, "\(write.path): the record is named")
            }
        }
    }

    @Test func everyJSONWriteLeavesAnAuditEntry() async throws {
        let fixture = try ServerFixture()
        let desk = DocumentDesk(store: fixture.store)
        let today = CalendarDay(Date(), utcOffsetSeconds: RecordsPolicy().utcOffsetSeconds)
        let loan = try desk.lend("D-1", to: "li.si", on: today, by: "li.si")
        let token = try fixture.server.accounts.createToken(username: "technician", label: "t", by: .init("test"))
        let writes: [(route: String, path: String, body: String, action: String)] = [
            ("/api/v1/duty-log", "/api/v1/duty-log", #"{"category": "backup", "text": "Backed up"}"#, "duty-log.entry"),
            ("/api/v1/duty-log/faults", "/api/v1/duty-log/faults", DutyLogAPITests.faultJSON, "duty-log.fault"),
            ("/api/v1/loans/{id}/return", "/api/v1/loans/\(loan.id)/return", "{}", "loan.return"),
        ]
        let (router, routes) = fixture.server.router()
        let posted = Set(routes.routes.filter { $0.method == "POST" && $0.path.hasPrefix("/api/") }.map(\.path))
        #expect(posted == Set(writes.map(\.route)), "every JSON write is listed")
        try await Application(router: router).test(.router) { client in
            for write in writes {
                let before = try fixture.store.auditTrail(limit: 1).first?.id ?? 0
                let response = try await DutyLogAPITests.post(client, write.path, write.body, token: token)
                #expect(response.status == .created || response.status == .ok, "\(write.path): \(response.body)")
                let entry = try fixture.store.auditTrail(limit: 10).first {
                    $0.id > before && $0.action == write.action
                }
                #expect(entry?.actor == "technician" && entry?.origin != nil, "\(write.path)")
            }
        }
    }
}
