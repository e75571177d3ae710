import Foundation
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import JifangTesting
import Testing

/// The duty log in a real headless Chromium: a technician writes an entry and a major fault, a
/// fault lacking a field comes back with that field's error, the supervisor signs off, and an
/// auditor reading in Chinese sees the log without its forms.
extension BrowserTests {
    static func signIn(_ browser: WebDriver, _ base: String, _ username: String) async throws {
        try await browser.open("\(base)/login")
        try await browser.type(username, into: "#username")
        try await browser.type(ServerFixture.password, into: "#password")
        try await browser.submit("#login button[type=submit]")
    }

    /// Runs `body` with a browser signed in as `username` on a live server over `fixture`.
    static func withBrowser(
        _ fixture: ServerFixture, as username: String, _ body: @Sendable (WebDriver, String) async throws -> Void
    ) async throws {
        let app = Application(router: fixture.server.router().router)
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(client.port!)"
            let browser = try await WebDriver(log: fixture.directory.appending("chromedriver-\(username).log").path)
            do {
                try await signIn(browser, base, username)
                try await body(browser, base)
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }

    @Test func aTechnicianWritesAnEntryAndAMajorFault() async throws {
        let fixture = try ServerFixture()
        let book = DutyLogBook(store: fixture.store)
        try await Self.withBrowser(fixture, as: "technician") { browser, base in
            try await browser.open("\(base)/duty-log")
            try await browser.type("Checked indicator lights and cables", into: "#text")
            try await browser.submit("#entry-form button[type=submit]")
            #expect(try await browser.currentURL().contains("/duty-log?saved="))
            let entry = try #require(try book.entries().last { $0.source == .manual })
            #expect(entry.text == "Checked indicator lights and cables" && entry.author == "technician")

            for name in FaultDetails.fieldNames where name != "participants" {
                try await browser.type(DutyLogModuleTests.fault[name]!, into: "#\(name)")
            }
            try await browser.submit("#fault-form button[type=submit]")
            let refused = try await browser.source()
            #expect(refused.contains("id=\"participants-error\""), "the missing field's error is shown next to it")
            #expect(try book.faults().isEmpty, "nothing was stored")

            try await browser.type(DutyLogModuleTests.fault["participants"]!, into: "#participants")
            try await browser.submit("#fault-form button[type=submit]")
            #expect(try await browser.currentURL().contains("/duty-log?saved="))
            let fault = try #require(try book.faults().first)
            #expect(fault.isComplete && fault.details.participants == "张伟, 李四")
            #expect(fault.details.symptom == "Provincial line down", "the fields typed before were kept")
            try FileManager.default.createDirectory(at: Self.screenshotDirectory, withIntermediateDirectories: true)
            let file = Self.screenshotDirectory.appendingPathComponent("duty-log-technician.png")
            try await browser.screenshot().write(to: file)
            print("duty log screenshot (technician): \(file.path)")
            #expect(try book.verify().isIntact)
        }
    }

    @Test func theSupervisorSignsOffInTheBrowser() async throws {
        let fixture = try ServerFixture()
        let book = DutyLogBook(store: fixture.store)
        try book.add(category: .powerOn, text: "Powered on the MIS server", author: "technician")
        try await Self.withBrowser(fixture, as: "administrator") { browser, base in
            try await browser.open("\(base)/duty-log/review")
            #expect(try await browser.source().contains("Powered on the MIS server"))
            try await browser.submit("#review-form button[type=submit]")
            #expect(try await browser.currentURL().contains("/duty-log/review?signed="))
            #expect(try await browser.source().contains("id=\"nothing-to-review\""))
        }
        let review = try #require(try fixture.store.dutyLogReviews().first)
        #expect(review.supervisor == "administrator")
        #expect(try book.unreviewed().isEmpty && book.verify().isIntact)
    }

    @Test func anAuditorReadsTheDutyLogInChineseWithoutItsForms() async throws {
        let fixture = try ServerFixture()
        try fixture.store.setLanguage(username: "auditor", language: .chinese, by: .init("test"))
        try DutyLogBook(store: fixture.store).add(category: .backup, text: "Backed up MIS", author: "technician")
        try await Self.withBrowser(fixture, as: "auditor") { browser, base in
            try await browser.open("\(base)/duty-log")
            let page = try await browser.source()
            #expect(page.contains("<title>工作日志 · 机房运维</title>"), "the title is in the account's language")
            #expect(page.contains("Backed up MIS") && page.contains("备份"))
            #expect(!page.contains("id=\"entry-form\"") && !page.contains("id=\"fault-form\""))
            try await browser.open("\(base)/duty-log/review")
            #expect(try await browser.source().contains("您的角色无权访问此页面"))
        }
    }
}
