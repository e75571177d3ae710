import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangServer
import JifangStore
import JifangTesting
import Testing

/// Tokens and sessions end when they must: a token after its expiry, after its revocation, once its
/// account is disabled or its password has expired; a session once the password is changed, even
/// by `jifang users passwd` in another process on the same store, or once the account is disabled.
@Suite(.serialized)
struct AccountLifecycleTests {
    static func get(_ client: some TestClientProtocol, _ uri: String, token: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"])
    }

    @Test func aTokenIsRefusedAfterItsExpiryItsRevocationADisableOrAnExpiredPassword() async throws {
        let fixture = try ServerFixture()
        let accounts = fixture.server.accounts
        let old = try accounts.issueToken(
            username: "technician", label: "old", expiresInDays: 1, by: .init("test"),
            at: Date().addingTimeInterval(-2 * 86_400))
        let current = try accounts.issueToken(username: "technician", label: "now", by: .init("test"))
        let revoked = try accounts.issueToken(username: "technician", label: "gone", by: .init("test"))
        #expect(current.record.expiresAt > Date().addingTimeInterval(89 * 86_400), "the policy's 90 days")
        try fixture.store.revokeAPIToken(id: revoked.record.id, by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            #expect(try await Self.get(client, "/api/v1/devices", token: current.token).status == .ok)
            let expired = try await Self.get(client, "/api/v1/devices", token: old.token)
            #expect(expired.status == .unauthorized)
            #expect(String(buffer: expired.body).contains("expired"))
            #expect(expired.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
            let gone = try await Self.get(client, "/api/v1/devices", token: revoked.token)
            #expect(gone.status == .unauthorized && String(buffer: gone.body).contains("revoked"))

            try fixture.store.setDisabled(username: "technician", true, by: .init("cli:root"))
            let disabled = try await Self.get(client, "/api/v1/devices", token: current.token)
            #expect(disabled.status == .unauthorized && String(buffer: disabled.body).contains("disabled"))
            try fixture.store.setDisabled(username: "technician", false, by: .init("cli:root"))
            #expect(try await Self.get(client, "/api/v1/devices", token: current.token).status == .ok)

            try fixture.store.setPassword(
                username: "technician", hash: try PasswordHasher(rounds: 210_000).hash(ServerFixture.password),
                by: .init("test"), at: Date().addingTimeInterval(-100 * 86_400))
            let stale = try await Self.get(client, "/api/v1/devices", token: current.token)
            #expect(stale.status == .unauthorized)
            #expect(String(buffer: stale.body).contains("password of technician has expired"))
        }
    }

    @Test func aPasswordChangedByTheCLISignsTheSessionOutOnItsNextRequest() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            #expect(try await browser.get("/duty-log").status == .ok)
            let passwd = try CommandRunner(
                executable: PackagePaths.executable("jifang"), environment: ["JIFANG_PASSWORD": "Other#Passw0rd-2"],
                workingDirectory: PackagePaths.root
            ).run(["users", "passwd", "technician", "--database", fixture.store.path])
            #expect(passwd.status == 0, "\(passwd)")
            let after = try await browser.get("/duty-log")
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test func changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var here = Browser(client)
            var elsewhere = Browser(client)
            try await here.signIn("technician")
            try await elsewhere.signIn("technician")
            let changed = try await here.submit(
                "/account", to: "/account/password",
                ["current": ServerFixture.password, "password": "New#Passw0rd-1", "confirm": "New#Passw0rd-1"])
            #expect(changed.status == .seeOther)
            #expect(try await here.get("/duty-log").status == .ok)
            #expect(try await elsewhere.get("/duty-log").status == .seeOther)
        }
    }

    @Test func anAdministratorDisablesAndChangesRolesOnTheAccountsPage() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var admin = Browser(client)
            try await admin.signIn("administrator")
            var technician = Browser(client)
            try await technician.signIn("technician")
            #expect(try await technician.get("/duty-log").status == .ok)

            let role = try await admin.submit(
                "/admin/accounts", to: "/admin/accounts/role", ["username": "technician", "role": "auditor"])
            #expect(role.status == .seeOther)
            #expect(try await technician.get("/evaluations").status == .ok, "the new role holds on the next request")
            #expect(try await technician.submit("/duty-log", to: "/duty-log/entries", [:]).status == .forbidden)

            let disabled = try await admin.submit(
                "/admin/accounts", to: "/admin/accounts/disable", ["username": "technician"])
            #expect(disabled.status == .seeOther)
            #expect(try fixture.store.account(named: "technician")?.disabled == true)
            #expect(try await technician.get("/duty-log").status == .seeOther, "its session ended")
            #expect(try await technician.signIn("technician").status == .unauthorized)

            let own = try await admin.submit(
                "/admin/accounts", to: "/admin/accounts/disable", ["username": "administrator"])
            #expect(own.status == .unprocessableContent)
            #expect(String(buffer: own.body).contains("ask another administrator"))
            #expect(try fixture.store.account(named: "administrator")?.disabled == false)

            let enabled = try await admin.submit(
                "/admin/accounts", to: "/admin/accounts/enable", ["username": "technician"])
            #expect(enabled.status == .seeOther)
            #expect(try await technician.signIn("technician").status == .seeOther)
        }
        let actions = try fixture.store.auditTrail().filter { $0.actor == "administrator" }.map(\.action)
        #expect(actions.contains("account.role") && actions.contains("account.disable"))
        #expect(actions.contains("account.enable"))
    }

    @Test func onlyAdministratorsReachTheAccountChanges() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for role in ["auditor", "technician"] {
                var browser = Browser(client)
                try await browser.signIn(role)
                let refused = try await browser.submit(
                    "/account", to: "/admin/accounts/role", ["username": role, "role": "administrator"])
                #expect(refused.status == .forbidden, "\(role)")
                #expect(try fixture.store.account(named: role)?.role.rawValue == role)
            }
        }
    }
}
