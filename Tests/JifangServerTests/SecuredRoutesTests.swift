import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangServer
import Testing

/// Every registered route checks its permission: each role is refused what it must not do, and
/// allowed what it may; anonymous requests are sent to sign in.
@Suite(.serialized)
struct SecuredRoutesTests {
    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: "{name}", with: "core-router").replacingOccurrences(of: "{tag}", with: "PC-001")
            .replacingOccurrences(of: "/backups/{id}", with: "/backups/2")
            .replacingOccurrences(of: "{id}", with: "1")
            .replacingOccurrences(of: "{period}", with: ServerFixture.periodEvaluated)
            .replacingOccurrences(of: "{unit}", with: "330102").replacingOccurrences(of: "{rule}", with: "it.bindings")
    }

    @Test func everyRouteChecksTheRoleOfEachAccount() async throws {
        let fixture = try ServerFixture()
        let (router, routes) = fixture.server.router()
        let list = routes.routes
        #expect(list.count >= 15)
        try await Application(router: router).test(.router) { client in
            for role in AccountRole.allCases {
                var browser = Browser(client)
                try await browser.signIn(role.rawValue)
                for route in list where route.permission != .public {
                    // Signing out would end the session used for the remaining routes.
                    if route.path == "/logout" { continue }
                    let granted = route.permission.isGranted(to: role)
                    let response: TestResponse
                    if route.method == "GET" {
                        response = try await browser.get(Self.concrete(route.path))
                    } else {
                        response = try await browser.submit("/account", to: Self.concrete(route.path), [:])
                    }
                    if granted {
                        #expect(response.status != .forbidden, "\(role) should reach \(route.method) \(route.path)")
                    } else {
                        #expect(response.status == .forbidden, "\(role) must be refused \(route.method) \(route.path)")
                    }
                }
            }
        }
    }

    @Test func theRoleMatrixFollowsTheRegulation() {
        #expect(Permission.manageAccounts.isGranted(to: .administrator))
        #expect(!Permission.manageAccounts.isGranted(to: .auditor))
        #expect(!Permission.manageAccounts.isGranted(to: .technician))
        #expect(Permission.viewAuditTrail.isGranted(to: .auditor))
        #expect(!Permission.viewAuditTrail.isGranted(to: .technician))
        #expect(Permission.writeDutyLog.isGranted(to: .technician))
        #expect(!Permission.writeDutyLog.isGranted(to: .auditor))
        #expect(Permission.runEvaluations.isGranted(to: .auditor))
        #expect(!Permission.runEvaluations.isGranted(to: .administrator))
        for role in AccountRole.allCases { #expect(Permission.viewMonitoring.isGranted(to: role)) }
    }

    @Test func anonymousRequestsAreSentToSignInOrRefused() async throws {
        let fixture = try ServerFixture()
        let (router, routes) = fixture.server.router()
        let list = routes.routes
        try await Application(router: router).test(.router) { client in
            for route in list where route.permission != .public && route.method == "GET" {
                let response = try await client.execute(uri: Self.concrete(route.path), method: .get)
                if route.path.hasPrefix("/api/") || route.path == "/metrics" {
                    #expect(response.status == .unauthorized, "\(route.path)")
                } else {
                    #expect(response.status == .seeOther, "\(route.path)")
                    #expect(response.headers[.location]?.hasPrefix("/login") == true, "\(route.path)")
                }
            }
        }
    }

    @Test func aPostWithoutTheSessionsCSRFTokenChangesNothing() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("administrator")
            let response = try await browser.request(
                .post, "/admin/accounts",
                form: [
                    "username": "wang", "displayName": "王", "role": "technician", "language": "zh",
                    "password": "Str0ng#Passw0rd", "csrf": "forged",
                ])
            #expect(response.status == .forbidden)
            #expect(try fixture.store.account(named: "wang") == nil)
        }
    }
}
