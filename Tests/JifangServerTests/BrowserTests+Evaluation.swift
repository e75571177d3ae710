import Foundation
import Hummingbird
import HummingbirdTesting
import JifangServer
import Testing

extension BrowserTests {
    /// An auditor runs the evaluation in Chromium, sees the scorecard with its charts and opens
    /// a rule's evidence. The scorecard's screenshot is saved as `scorecard-auditor.png`.
    @Test func anAuditorRunsAnEvaluationAndOpensARulesEvidence() async throws {
        let fixture = try ServerFixture()
        try FileManager.default.createDirectory(at: Self.screenshotDirectory, withIntermediateDirectories: true)
        let app = Application(router: fixture.server.router().router)
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(client.port!)"
            let browser = try await WebDriver(log: fixture.directory.appending("chromedriver-evaluation.log").path)
            do {
                try await browser.open("\(base)/login")
                try await browser.type("auditor", into: "#username")
                try await browser.type(ServerFixture.password, into: "#password")
                try await browser.submit("#login button[type=submit]")
                try await browser.open("\(base)/evaluations")
                try await browser.type("2025H2", into: "#period")
                try await browser.click("#unit option[value='330102']")
                try await browser.submit("#evaluate-form button[type=submit]")
                #expect(try await browser.currentURL() == "\(base)/evaluations/2025H2/330102")
                let card = try await browser.source()
                #expect(card.contains("id=\"contributions\"") && card.contains("id=\"areas\""))
                let png = try await browser.screenshot()
                let file = Self.screenshotDirectory.appendingPathComponent("scorecard-auditor.png")
                try png.write(to: file)
                print("scorecard screenshot (auditor): \(file.path)")

                try await browser.submit("#rules a[href$='/it.bindings']")
                #expect(try await browser.currentURL() == "\(base)/evaluations/2025H2/330102/it.bindings")
                let evidence = try await browser.source()
                #expect(evidence.contains("id=\"evidence\"") && evidence.contains("bindings:330102"))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
        #expect(try fixture.store.evaluationRecords(period: "2025H2").allSatisfy { $0.evaluatedBy == "auditor" })
    }
}
