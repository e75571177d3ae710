import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import JifangStore
import NIOCore
import Testing

/// Writing the duty log with an API token: entries join the hash chain as the token's staff
/// member and the audit trail names the account; refusals (role, bad body, session cookie)
/// store nothing.
@Suite(.serialized)
struct DutyLogAPITests {
    static func post(
        _ client: some TestClientProtocol, _ uri: String, _ json: String, token: String? = nil,
        contentType: String = "application/json", cookie: String? = nil
    ) async throws -> (status: HTTPResponse.Status, body: [String: Any], headers: HTTPFields) {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
        let body = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
        return (response.status, body, response.headers)
    }

    static func token(_ fixture: ServerFixture, _ username: String) throws -> String {
        try fixture.server.accounts.createToken(username: username, label: "script", by: .init("test"))
    }

    static func apiAudit(_ fixture: ServerFixture) throws -> [AuditEntry] {
        try fixture.store.auditTrail().filter { $0.action.hasPrefix("duty-log.") }
    }

    static let faultJSON = """
        {"symptom": "Provincial line down", "cause": "Fibre cut by roadworks", "handling": "Switched to VPN backup",
         "participants": "张伟, 李四", "result": "Line restored at 16:40", "device": "core-router"}
        """

    @Test func aTechniciansTokenWritesAnEntryAndAFaultIntoTheChainAsThatStaffMember() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture, "technician")
        let book = DutyLogBook(store: fixture.store)
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let created = try await Self.post(
                client, "/api/v1/duty-log", #"{"category": "backup", "text": "Backed up the MIS database"}"#,
                token: token)
            #expect(created.status == .created)
            #expect(created.body["author"] as? String == "technician")
            #expect(created.body["hash"] as? String != nil)
            let id = try #require(created.body["id"] as? Int)
            let entry = try #require(try book.entries().last { $0.source == .manual })
            #expect(Int(entry.id) == id && entry.author == "technician" && entry.category == .backup)
            #expect(entry.text == "Backed up the MIS database")

            let correction = try await Self.post(
                client, "/api/v1/duty-log",
                #"{"category": "backup", "text": "Backed up the MIS and HR databases", "corrects": \#(id)}"#,
                token: token)
            #expect(correction.status == .created)
            #expect(correction.body["corrects"] as? Int == id)

            let fault = try await Self.post(client, "/api/v1/duty-log/faults", Self.faultJSON, token: token)
            #expect(fault.status == .created)
            let stored = try #require(try book.faults().first)
            #expect(stored.isComplete && stored.entry.author == "technician" && stored.entry.device == "core-router")
            #expect(stored.details.participants == "张伟, 李四")
        }
        #expect(try book.verify().isIntact)
        let audit = try Self.apiAudit(fixture)
        #expect(audit.count == 3)
        #expect(audit.allSatisfy { $0.actor == "technician" })
        #expect(audit.contains { $0.action == "duty-log.fault" && $0.detail.contains("core-router") })
        #expect(audit.contains { $0.action == "duty-log.entry" && $0.detail.contains("Backed up the MIS database") })
    }

    @Test func tokensOfRolesThatMayNotWriteGet403AndNothingIsStored() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for role in ["auditor", "administrator"] {
                let token = try Self.token(fixture, role)
                let entry = try await Self.post(
                    client, "/api/v1/duty-log", #"{"category": "backup", "text": "Backed up"}"#, token: token)
                #expect(entry.status == .forbidden, "\(role)")
                #expect((entry.body["error"] as? String)?.contains(role) == true)
                let fault = try await Self.post(client, "/api/v1/duty-log/faults", Self.faultJSON, token: token)
                #expect(fault.status == .forbidden, "\(role)")
            }
            try fixture.server.accounts.create(
                username: "wang.wu", displayName: "王五", role: .technician, password: ServerFixture.password,
                by: .init("test"))
            let notStaff = try await Self.post(
                client, "/api/v1/duty-log", #"{"category": "backup", "text": "Backed up"}"#,
                token: try Self.token(fixture, "wang.wu"))
            #expect(notStaff.status == .forbidden, "a technician's account that is not registered staff")
            #expect((notStaff.body["error"] as? String)?.contains("staff") == true)
            let anonymous = try await Self.post(client, "/api/v1/duty-log", #"{"category": "backup", "text": "x"}"#)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
        }
        #expect(try DutyLogModuleTests.manualEntries(fixture).isEmpty)
        #expect(try Self.apiAudit(fixture).isEmpty)
    }

    @Test func aBadBodyGets400NamingTheFieldAndNothingIsStored() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture, "technician")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let cases: [(uri: String, json: String, field: String?)] = [
                ("/api/v1/duty-log", #"{"category": "backup"}"#, "text"),
                ("/api/v1/duty-log", #"{"category": "backup", "text": 42}"#, "text"),
                ("/api/v1/duty-log", #"{"category": "backup", "text": "   "}"#, "text"),
                ("/api/v1/duty-log", #"{"category": "fault", "text": "Line down"}"#, "category"),
                ("/api/v1/duty-log", #"{"category": "backup", "text": "x", "corrects": "one"}"#, "corrects"),
                ("/api/v1/duty-log", #"{"category": "backup", "text": "x", "corrects": 999}"#, "corrects"),
                ("/api/v1/duty-log", #"["backup"]"#, nil),
                ("/api/v1/duty-log", #"{"category": "backup", "#, nil),
                (
                    "/api/v1/duty-log/faults",
                    Self.faultJSON.replacingOccurrences(of: #""cause": "Fibre cut by roadworks","#, with: ""),
                    "cause"
                ),
                (
                    "/api/v1/duty-log/faults",
                    Self.faultJSON.replacingOccurrences(of: #""Line restored at 16:40""#, with: #""""#), "result"
                ),
            ]
            for (uri, json, field) in cases {
                let response = try await Self.post(client, uri, json, token: token)
                #expect(response.status == .badRequest, "\(json)")
                #expect(response.body["field"] as? String == field, "\(json): \(response.body)")
                let error = try #require(response.body["error"] as? String, "\(json)")
                #expect(
                    !error.isEmpty && (field.map { error.contains($0) } ?? true),
                    "the message names the field: \(error)")
            }
            let form = try await Self.post(
                client, "/api/v1/duty-log", "category=backup&text=x", token: token,
                contentType: "application/x-www-form-urlencoded")
            #expect(form.status == .unsupportedMediaType)
        }
        #expect(try DutyLogModuleTests.manualEntries(fixture).isEmpty)
        #expect(try DutyLogBook(store: fixture.store).faults().isEmpty)
        #expect(try Self.apiAudit(fixture).isEmpty)
    }

    @Test func aSignedInBrowserSessionCannotWriteThroughTheAPI() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            let cookie = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let json = try await Self.post(
                client, "/api/v1/duty-log", #"{"category": "backup", "text": "Forged"}"#, cookie: cookie)
            #expect(json.status == .unauthorized, "a session cookie alone is what a forged request carries")
            #expect(json.headers[.wwwAuthenticate] == "Bearer")
            // Not even with the session's CSRF token: sessions write through the pages' forms.
            let withToken = try await browser.submit(
                "/duty-log", to: "/api/v1/duty-log", ["category": "backup", "text": "Forged"])
            #expect(withToken.status == .unauthorized)
        }
        #expect(try DutyLogModuleTests.manualEntries(fixture).isEmpty)
    }

    @Test func theOpenAPIDocumentDescribesTheWrites() async throws {
        let fixture = try ServerFixture()
        let token = try Self.token(fixture, "auditor")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/openapi.json", method: .get, headers: [.authorization: "Bearer \(token)"])
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let log = try #require(paths["/api/v1/duty-log"])
            #expect(log["get"] != nil, "the read side is kept")
            for path in ["/api/v1/duty-log", "/api/v1/duty-log/faults"] {
                let post = try #require(paths[path]?["post"] as? [String: Any], "\(path)")
                let responses = try #require(post["responses"] as? [String: Any])
                #expect(Set(responses.keys).isSuperset(of: ["201", "400", "401", "403"]))
                let body = post["requestBody"] as? [String: Any]
                let schema = ((body?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
                let required = (schema as? [String: Any])?["required"] as? [String]
                #expect(required?.isEmpty == false, "\(path) names its required fields")
            }
            let faultRequired =
                (((paths["/api/v1/duty-log/faults"]?["post"] as? [String: Any])?["requestBody"]
                as? [String: Any])?["content"] as? [String: Any]).map { "\($0)" } ?? ""
            for name in FaultDetails.fieldNames { #expect(faultRequired.contains(name)) }
            let loanReturn = paths["/api/v1/loans/{id}/return"]?["post"] as? [String: Any]
            #expect((loanReturn?["responses"] as? [String: Any])?.keys.contains("404") == true)
            #expect(paths["/api/v1/loans"]?["get"] != nil)
        }
    }
}
