import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangConfig
import JifangModel
import JifangServer
import NIOCore
import Testing

/// Signing in against hostile input: where `next` may send the browser, how long a username may
/// be, how many guesses a burst gets, and that an attacker's lockout is not the owner's.
@Suite(.serialized)
struct SignInTests {
    @Test func nextSendsTheBrowserOnlyToAPathOnThisSite() async throws {
        let fixture = try ServerFixture()
        let hostile = [
            "/%5Cevil.example", "/%5C%5Cevil.example", "%5C%5Cevil.example", "//evil.example", "/%2F%2Fevil.example",
            "https://evil.example", "https:evil.example", "/%09/evil.example", "/%0A/evil.example",
            "/%0D%0A/evil.example", "%20//evil.example", "/%E3%80%80/evil", "javascript:alert(1)",
        ]
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for next in hostile {
                var browser = Browser(client)
                let page = try await browser.get("/login?next=\(next)")
                #expect(!String(buffer: page.body).contains("evil"), "\(next): the form does not carry it on")
                let signedIn = try await browser.submit(
                    "/login?next=\(next)", to: "/login?next=\(next)",
                    ["username": "technician", "password": ServerFixture.password])
                #expect(signedIn.status == .seeOther)
                #expect(signedIn.headers[.location] == "/", "\(next) → \(signedIn.headers[.location] ?? "")")
            }
            var browser = Browser(client)
            let local = "%2Fduty-log%3Ffrom%3D2026-01-01"
            let signedIn = try await browser.submit(
                "/login?next=\(local)", to: "/login?next=\(local)",
                ["username": "technician", "password": ServerFixture.password])
            #expect(signedIn.headers[.location] == "/duty-log?from=2026-01-01", "a local path is kept")
        }
    }

    @Test func anOverlongUsernameOrPasswordIsRefusedAndNeverWrittenToTheAuditTrail() async throws {
        let fixture = try ServerFixture(policy: AccountPolicy(loginAttempts: 2, loginWindowMinutes: 15))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            let tooBig = try await browser.signIn(String(repeating: "a", count: 100 * 1024), password: "x")
            #expect(tooBig.status == .contentTooLarge, "a 100 KB form is not read")
            let long = String(repeating: "a", count: 60_000)
            let refused = try await browser.signIn(long, password: "x")
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refused.body).contains("id=\"username-error\""))
            let password = try await browser.signIn("auditor", password: String(repeating: "p", count: 1025))
            #expect(password.status == .badRequest)
            #expect(String(buffer: password.body).contains("id=\"password-error\""))
            // Lock the address out, then try the long name again: still refused for its length, unwritten.
            for _ in 0..<2 { _ = try await browser.signIn("auditor", password: "Wrong#Passw0rd") }
            #expect(try await browser.signIn("auditor", password: "Wrong#Passw0rd").status == .tooManyRequests)
            #expect(try await browser.signIn(long, password: "x").status == .badRequest)
        }
        let audit = try fixture.store.auditTrail().filter { $0.action.hasPrefix("login") }
        #expect(audit.map(\.action).sorted() == ["login.failed", "login.failed", "login.throttled"])
        #expect(audit.allSatisfy { $0.subject.count <= 64 && $0.actor.count <= 64 })
    }

    @Test func aParallelBurstGetsExactlyTheLimitOfGuesses() async throws {
        let limit = 3
        let fixture = try ServerFixture(policy: AccountPolicy(loginAttempts: limit, loginWindowMinutes: 15))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/login")
            let csrf = try #require(Browser.csrf(in: String(buffer: page.body)))
            let cookies = browser.cookies
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        var guesser = Browser(client)
                        guesser.cookies = cookies
                        let form = ["username": "auditor", "password": "Wrong#Passw0rd", "csrf": csrf]
                        return try await guesser.request(.post, "/login", form: form).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == limit, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 20 - limit)
        }
        #expect(try fixture.store.auditTrail().filter { $0.action == "login.failed" }.count == limit)
    }

    @Test func theOwnerSignsInFromAnotherAddressWhileTheAttackersAddressIsLocked() async throws {
        let fixture = try ServerFixture(policy: AccountPolicy(loginAttempts: 3, loginWindowMinutes: 15))
        try await Application(router: fixture.server.router().router).test(.live) { client in
            let port = try #require(client.port)
            var attacker = Browser(client)
            for _ in 0..<3 {
                #expect(try await attacker.signIn("auditor", password: "Wrong#Passw0rd").status == .unauthorized)
            }
            #expect(try await attacker.signIn("auditor").status == .tooManyRequests, "the attacker's address is locked")

            var owner = Browser(client)
            let page = try await owner.get("/login")
            let csrf = try #require(Browser.csrf(in: String(buffer: page.body)))
            let answer = try await LoopbackClient.post(
                "/login", form: ["username": "auditor", "password": ServerFixture.password, "csrf": csrf],
                cookies: owner.cookies, from: "127.0.0.2", port: port)
            #expect(answer.status == 303, "the owner, on another address, signs in: \(answer.status)")
            #expect(answer.headers["location"] == "/")
        }
        let signIns = try fixture.store.auditTrail().filter { $0.action == "login" && $0.subject == "auditor" }
        #expect(signIns.map(\.origin) == ["127.0.0.2"])
    }
}
