import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangServer
import JifangTesting
import Testing

/// The web UI in a real headless Chromium (Debian's chromium + chromium-driver over WebDriver):
/// each role signs in and loads the dashboard; a form with a bad field comes back with the
/// field's error and stores nothing. Screenshots of the dashboard are saved and their paths printed.
@Suite(.serialized)
struct BrowserTests {
    static var screenshotDirectory: URL {
        if let directory = ProcessInfo.processInfo.environment["JIFANG_SCREENSHOTS"] {
            return URL(fileURLWithPath: directory)
        }
        return PackagePaths.root.appendingPathComponent(".build/screenshots")
    }

    @Test func eachRoleSignsInAndSeesTheDashboard() async throws {
        let fixture = try ServerFixture()
        try FileManager.default.createDirectory(at: Self.screenshotDirectory, withIntermediateDirectories: true)
        let app = Application(router: fixture.server.router().router)
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(client.port!)"
            for role in AccountRole.allCases {
                let browser = try await WebDriver(log: fixture.directory.appending("chromedriver-\(role).log").path)
                do {
                    try await browser.open("\(base)/login")
                    try await browser.type(role.rawValue, into: "#username")
                    try await browser.type(ServerFixture.password, into: "#password")
                    try await browser.submit("#login button[type=submit]")
                    let url = try await browser.currentURL()
                    #expect(url == "\(base)/", "\(role) lands on the dashboard, not \(url)")
                    let page = try await browser.source()
                    #expect(page.contains("id=\"device-states\""), "\(role) sees devices by state")
                    #expect(page.contains("core-router") && page.contains("ups-1"))
                    let png = try await browser.screenshot()
                    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                    let file = Self.screenshotDirectory.appendingPathComponent("dashboard-\(role.rawValue).png")
                    try png.write(to: file)
                    print("dashboard screenshot (\(role.rawValue)): \(file.path)")

                    try await browser.open("\(base)/admin/accounts")
                    let accounts = try await browser.source()
                    if role == .administrator {
                        #expect(accounts.contains("id=\"new-account\""))
                    } else {
                        #expect(
                            accounts.contains("may not open this page"), "\(role) is refused account administration")
                    }
                } catch {
                    await browser.quit()
                    throw error
                }
                await browser.quit()
            }
        }
    }

    @Test func aBadFieldComesBackWithItsErrorAndNothingIsStored() async throws {
        let fixture = try ServerFixture()
        let app = Application(router: fixture.server.router().router)
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(client.port!)"
            let browser = try await WebDriver(log: fixture.directory.appending("chromedriver.log").path)
            do {
                try await browser.open("\(base)/login")
                try await browser.type("administrator", into: "#username")
                try await browser.type(ServerFixture.password, into: "#password")
                try await browser.submit("#login button[type=submit]")
                try await browser.open("\(base)/admin/accounts")
                try await browser.type("zhao.lei", into: "#username")
                try await browser.type("赵磊", into: "#displayName")
                try await browser.type("weakpassword", into: "#password")
                try await browser.submit("#new-account button[type=submit]")
                let page = try await browser.source()
                #expect(page.contains("id=\"password-error\""), "the password's error is shown next to it")
                #expect(page.contains("value=\"赵磊\""), "what was typed in the other fields is kept")
                #expect(try fixture.store.account(named: "zhao.lei") == nil, "nothing was stored")

                try await browser.type("Zhao#Lei-2025", into: "#password")
                try await browser.submit("#new-account button[type=submit]")
                #expect(try await browser.currentURL().contains("/admin/accounts?created=zhao.lei"))
                #expect(try fixture.store.account(named: "zhao.lei")?.displayName == "赵磊")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
