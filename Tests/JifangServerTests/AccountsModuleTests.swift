import Foundation
import Hummingbird
import HummingbirdTesting
import JifangConfig
import JifangModel
import JifangServer
import Testing

@Suite(.serialized)
struct AccountsModuleTests {
    @Test func sessionCookiesAreHttpOnlyAndSameSiteStrict() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.signIn("technician")
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("jifang_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let dashboard = try await browser.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        }
    }

    @Test func aBadFieldIsReRenderedWithItsErrorAndNothingIsStored() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("administrator")
            let fields = ["username": "li.na", "displayName": "李娜", "role": "technician", "language": "zh"]
            let refused = try await browser.submit(
                "/admin/accounts", to: "/admin/accounts", fields.merging(["password": "short1A"]) { $1 })
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains("id=\"password-error\""))
            #expect(html.contains("must contain a symbol"))
            #expect(html.contains("value=\"李娜\""), "the other fields keep what was typed")
            #expect(try fixture.store.account(named: "li.na") == nil)

            let accepted = try await browser.submit(
                "/admin/accounts", to: "/admin/accounts", fields.merging(["password": "Lina#2025-room"]) { $1 })
            #expect(accepted.status == .seeOther)
            let stored = try #require(try fixture.store.account(named: "li.na"))
            #expect(stored.role == .technician && stored.language == .chinese)
            #expect(!stored.passwordHash.contains("Lina#2025-room"))
            let audit = try fixture.store.auditTrail()
            #expect(
                audit.contains { $0.action == "account.create" && $0.subject == "li.na" && $0.actor == "administrator" }
            )
        }
    }

    @Test func signInIsThrottledAfterTooManyFailures() async throws {
        let fixture = try ServerFixture(policy: AccountPolicy(loginAttempts: 3, loginWindowMinutes: 15))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            for _ in 0..<3 {
                let response = try await browser.signIn("auditor", password: "Wrong#Passw0rd")
                #expect(response.status == .unauthorized)
            }
            let blocked = try await browser.signIn("auditor")
            #expect(blocked.status == .tooManyRequests)
            #expect(browser.cookies["jifang_session"] == nil)
            #expect(try fixture.store.auditTrail().contains { $0.action == "login.throttled" })
        }
    }

    @Test func anExpiredPasswordMustBeChangedFirst() async throws {
        let fixture = try ServerFixture()
        try fixture.store.setPassword(
            username: "technician", hash: try PasswordHasher(rounds: 210_000).hash(ServerFixture.password),
            by: .init("test"), at: Date().addingTimeInterval(-100 * 86_400))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            let signIn = try await browser.signIn("technician")
            #expect(signIn.headers[.location] == "/account?expired=1")
            let dashboard = try await browser.get("/")
            #expect(dashboard.headers[.location] == "/account?expired=1")
            let changed = try await browser.submit(
                "/account", to: "/account/password",
                ["current": ServerFixture.password, "password": "New#Passw0rd-1", "confirm": "New#Passw0rd-1"])
            #expect(changed.status == .seeOther)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test func theLanguageIsChosenPerAccount() async throws {
        let fixture = try ServerFixture()
        try fixture.store.setLanguage(username: "auditor", language: .chinese, by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var chinese = Browser(client)
            try await chinese.signIn("auditor")
            let page = String(buffer: try await chinese.get("/").body)
            #expect(page.contains("lang=\"zh-CN\"") && page.contains("设备状态"))
            var english = Browser(client)
            try await english.signIn("technician")
            let other = String(buffer: try await english.get("/").body)
            #expect(other.contains("lang=\"en\"") && other.contains("Devices by state"))
        }
    }
}
