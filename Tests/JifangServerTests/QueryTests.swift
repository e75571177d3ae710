import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangServer
import Testing

/// Hostile query strings against the real server: each is refused with 400 naming the
/// parameter (JSON under /api/, a page elsewhere), and the server goes on serving.
@Suite(.serialized)
struct QueryTests {
    static let hostileNumbers = ["nan", "NaN", "inf", "-inf", "infinity", "1e300", "-1e300", "-1", "0x10", "%20"]

    static func get(_ client: some TestClientProtocol, _ uri: String, token: String) async throws -> (
        status: HTTPResponse.Status, body: String
    ) {
        let response = try await client.execute(
            uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"])
        return (response.status, String(buffer: response.body))
    }

    static func field(_ body: String) -> String? {
        let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return json?["field"] as? String
    }

    @Test func hostileHoursAndLimitsAreRefusedByTheAPIAndTheServerGoesOn() async throws {
        let fixture = try ServerFixture()
        let token = try DutyLogAPITests.token(fixture, "auditor")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for value in Self.hostileNumbers {
                let answer = try await Self.get(client, "/api/v1/arp-events?hours=\(value)", token: token)
                #expect(answer.status == .badRequest, "hours=\(value): \(answer.body)")
                #expect(Self.field(answer.body) == "hours", "hours=\(value): \(answer.body)")
            }
            for value in ["99999999999999999999", "0", "-5", "10001", "1.5", "nan"] {
                for path in ["/api/v1/arp-events", "/api/v1/audit"] {
                    let answer = try await Self.get(client, "\(path)?limit=\(value)", token: token)
                    #expect(answer.status == .badRequest && Self.field(answer.body) == "limit", "\(path) \(value)")
                }
            }
            let after = try await Self.get(client, "/api/v1/arp-events?hours=48&limit=5", token: token)
            #expect(after.status == .ok, "the server still answers")
        }
    }

    @Test func garbageTimesDaysAndChoicesAreRefusedNamingTheParameter() async throws {
        let fixture = try ServerFixture()
        let token = try DutyLogAPITests.token(fixture, "administrator")
        let cases: [(uri: String, field: String)] = [
            ("/api/v1/devices/core-router/observations?metric=cpu.percent&from=yesterday", "from"),
            ("/api/v1/devices/core-router/observations?metric=cpu.percent&to=99999-01-01T00:00:00Z", "to"),
            ("/api/v1/devices/core-router/observations?metric=cpu.percent&from=%00", "from"),
            ("/api/v1/devices/core-router/observations?metric=cpu.percent&resolution=weekly", "resolution"),
            ("/api/v1/duty-log?from=2026-02-30", "from"),
            ("/api/v1/duty-log?to=%27%3B%20DROP%20TABLE", "to"),
            ("/api/v1/duty-log?from=99999999999999999999-01-01", "from"),
            ("/api/v1/alerts?all=maybe", "all"),
            ("/api/v1/port-actions?active=yes", "active"),
            ("/api/v1/backups?kind=tape", "kind"),
            ("/api/v1/loans?all=2", "all"),
            ("/api/v1/alerts?device=\(String(repeating: "d", count: 500))", "device"),
        ]
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for (uri, field) in cases {
                let answer = try await Self.get(client, uri, token: token)
                #expect(answer.status == .badRequest, "\(uri): \(answer.status) \(answer.body.prefix(200))")
                #expect(Self.field(answer.body) == field, "\(uri): \(answer.body.prefix(200))")
            }
            let fine = try await Self.get(
                client, "/api/v1/devices/core-router/observations?metric=cpu.percent&from=2025-06-01T00:00:00Z",
                token: token)
            #expect(fine.status == .ok)
            #expect(
                try await Self.get(client, "/api/v1/duty-log?from=2026-01-01&to=2026-01-31", token: token).status == .ok
            )
        }
    }

    @Test func pagesAnswerAHostileQueryWithA400PageAndGoOn() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("administrator")
            let pages =
                Self.hostileNumbers.map { "/bindings?hours=\($0)" } + [
                    "/duty-log?from=garbage", "/duty-log?to=2026-13-01", "/duty-log/review?signed=%07",
                    "/alerts?all=please",
                    "/devices/core-router?range=forever", "/assets?state=melted",
                ]
            for page in pages {
                let answer = try await browser.get(page)
                #expect(answer.status == .badRequest, "\(page): \(answer.status)")
                #expect(String(buffer: answer.body).contains("must be"), "\(page) says what the parameter must be")
            }
            var technician = Browser(client)
            try await technician.signIn("technician")
            let complete = try await technician.get("/duty-log/complete?fault=99999999999999999999")
            #expect(complete.status == .badRequest && String(buffer: complete.body).contains("fault must be"))
            #expect(try await browser.get("/bindings?hours=48").status == .ok)
            #expect(try await browser.get("/duty-log?from=2026-01-01&to=2026-01-31").status == .ok)
            #expect(try await browser.get("/assets?state=idle").status == .ok)
        }
    }

    @Test func everyGETRouteSurvivesEveryHostileParameter() async throws {
        let fixture = try ServerFixture()
        let token = try DutyLogAPITests.token(fixture, "administrator")
        let (router, routes) = fixture.server.router()
        let paths = routes.routes.filter { $0.method == "GET" && !$0.path.contains("{") }.map(\.path)
        let query =
            "hours=nan&limit=99999999999999999999&from=%FF&to=-inf&resolution=1e300&period=%00&unit=%00"
            + "&all=nan&state=nan&kind=nan&range=nan&fault=-1&active=inf&device=%00&metric=cpu.percent"
            + "&instance=%00&target=%00&next=//evil&saved=%00&done=%00&signed=%00&created=%00&lang=%00"
        try await Application(router: router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("administrator")
            for path in paths {
                let uri = "\(path)?\(query)"
                let status =
                    path.hasPrefix("/api/")
                    ? try await Self.get(client, uri, token: token).status
                    : try await browser.get(uri).status
                #expect(status.code < 500, "\(uri): \(status)")
            }
            #expect(try await browser.get("/").status == .ok, "the server still answers")
        }
    }
}
