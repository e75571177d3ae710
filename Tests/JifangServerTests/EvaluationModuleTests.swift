import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangCompliance
import JifangModel
import JifangServer
import JifangStore
import Testing

/// Running the evaluation, its scorecard with charts, the evidence of each rule, the ranking and the API.
@Suite(.serialized)
struct EvaluationModuleTests {
    @Test func onlyAuditorsRunAndTechniciansDoNotSeeEvaluations() async throws {
        let fixture = try ServerFixture()
        let before = try fixture.store.evaluationRecords()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var technician = Browser(client)
            try await technician.signIn("technician")
            #expect(try await technician.get("/evaluations").status == .forbidden)
            #expect(try await technician.get("/evaluations/2026H1/330102").status == .forbidden)
            let refused = try await technician.submit(
                "/account", to: "/evaluations", ["period": "2025H2", "unit": "330102"])
            #expect(refused.status == .forbidden, "a technician cannot run an evaluation")

            var administrator = Browser(client)
            try await administrator.signIn("administrator")
            let list = String(buffer: try await administrator.get("/evaluations").body)
            #expect(list.contains("2026H1") && !list.contains("id=\"evaluate-form\""), "administrators read only")
            #expect(try await administrator.get("/evaluations/2026H1/330102").status == .ok)
            let run = try await administrator.submit(
                "/evaluations", to: "/evaluations", ["period": "2025H2", "unit": "330102"])
            #expect(run.status == .forbidden, "an administrator cannot run an evaluation")
        }
        #expect(try fixture.store.evaluationRecords() == before, "nothing was evaluated")
    }

    @Test func aBadPeriodComesBackWithItsErrorAndNothingIsStored() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var auditor = Browser(client)
            try await auditor.signIn("auditor")
            let response = try await auditor.submit(
                "/evaluations", to: "/evaluations", ["period": "2025-H3", "unit": "330102"])
            #expect(response.status == .unprocessableContent)
            let page = String(buffer: response.body)
            #expect(page.contains("id=\"period-error\"") && page.contains("value=\"2025-H3\""))
            let unit = try await auditor.submit("/evaluations", to: "/evaluations", ["period": "2025H2", "unit": "x"])
            #expect(String(buffer: unit.body).contains("id=\"unit-error\""))
        }
        #expect(try fixture.store.evaluationRecords().allSatisfy { $0.period == ServerFixture.periodEvaluated })
    }

    @Test func anAuditorRunsAnEvaluationAndDrillsDownToTheEvidence() async throws {
        let fixture = try ServerFixture()
        try fixture.store.addWaiver(
            Waiver(
                rule: "staff.staffing", unit: "330102", justification: "两名技术员调动，新人已招聘", approver: "省信息中心",
                startsOn: CalendarDay(year: 2025, month: 7, day: 1)!,
                expiresOn: CalendarDay(year: 2025, month: 12, day: 31)!))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var auditor = Browser(client)
            try await auditor.signIn("auditor")
            let run = try await auditor.submit(
                "/evaluations", to: "/evaluations", ["period": "2025H2", "unit": "330102"])
            #expect(run.status == .seeOther)
            #expect(run.headers[.location] == "/evaluations/2025H2/330102")
            let card = String(buffer: try await auditor.get("/evaluations/2025H2/330102").body)
            #expect(card.contains("上城区信息中心") && card.contains("id=\"areas\"") && card.contains("<svg"))
            #expect(card.contains("id=\"contributions\""), "each rule's contribution is charted")
            #expect(card.contains("href=\"/evaluations/2025H2/330102/it.bindings\""), "rules link to their evidence")

            let evidence = String(buffer: try await auditor.get("/evaluations/2025H2/330102/it.bindings").body)
            #expect(evidence.contains("id=\"evidence\"") && evidence.contains("Records looked at"))
            #expect(evidence.contains("bindings:330102"), "the records the rule read are listed")
            let waived = String(buffer: try await auditor.get("/evaluations/2025H2/330102/staff.staffing").body)
            #expect(waived.contains("id=\"waiver\"") && waived.contains("省信息中心") && waived.contains("waived"))
            #expect(try await auditor.get("/evaluations/2025H2/330102/no.such-rule").status == .notFound)

            let ranking = String(buffer: try await auditor.get("/evaluations/2025H2").body)
            #expect(ranking.contains("id=\"ranking-county\"") && ranking.contains("拱墅区信息中心"))
        }
        let stored = try #require(try fixture.store.evaluationRecords(period: "2025H2", unit: "330102").first)
        #expect(stored.evaluatedBy == "auditor" && stored.hasScorecard)
        #expect(try fixture.store.auditTrail().contains { $0.action == "evaluation.run" && $0.subject == "2025H2" })
    }

    @Test func theAPIListsEvaluationsAndReturnsOneWithItsScorecard() async throws {
        let fixture = try ServerFixture()
        let auditor = try fixture.server.accounts.createToken(username: "auditor", label: "a", by: .init("test"))
        let technician = try fixture.server.accounts.createToken(username: "technician", label: "t", by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(auditor)"]
            let list = try await client.execute(uri: "/api/v1/evaluations?unit=330102", method: .get, headers: headers)
            let records = try JSONDecoder.jifangAPI.decode([EvaluationRecord].self, from: Data(buffer: list.body))
            let record = try #require(records.first)
            #expect(records.count == 1 && record.period == ServerFixture.periodEvaluated)
            let one = try await client.execute(uri: "/api/v1/evaluations/\(record.id)", method: .get, headers: headers)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: one.body)) as? [String: Any])
            let scorecard = try #require(body["scorecard"] as? [String: Any])
            let results = try #require(scorecard["results"] as? [[String: Any]])
            #expect(results.contains { ($0["rule"] as? String) == "it.bindings" && $0["evidence"] != nil })
            let missing = try await client.execute(uri: "/api/v1/evaluations/99999", method: .get, headers: headers)
            #expect(missing.status == .notFound)
            let refused = try await client.execute(
                uri: "/api/v1/evaluations", method: .get, headers: [.authorization: "Bearer \(technician)"])
            #expect(refused.status == .forbidden)
        }
    }
}
