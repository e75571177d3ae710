import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import Testing

/// Taking a lent document back with an API token: the form's inspection rules, the token's staff
/// member as receiver, refusals that store nothing.
@Suite(.serialized)
struct LendingAPITests {
    @Test func aTechniciansTokenTakesALoanBackAfterInspection() async throws {
        let fixture = try ServerFixture()
        let desk = DocumentDesk(store: fixture.store)
        let today = CalendarDay(Date(), utcOffsetSeconds: RecordsPolicy().utcOffsetSeconds)
        let loan = try desk.lend("D-1", to: "li.si", on: today, by: "technician")
        let technician = try DutyLogAPITests.token(fixture, "technician")
        let auditor = try DutyLogAPITests.token(fixture, "auditor")
        let uri = "/api/v1/loans/\(loan.id)/return"
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let refused = try await DutyLogAPITests.post(client, uri, "{}", token: auditor)
            #expect(refused.status == .forbidden)
            for (json, field) in [
                (#"{"condition": "burnt"}"#, "condition"),
                (#"{"condition": "lost", "compensation": -5}"#, "compensation"),
                (#"{"compensation": "eighty"}"#, "compensation"),
            ] {
                let bad = try await DutyLogAPITests.post(client, uri, json, token: technician)
                #expect(bad.status == .badRequest, "\(json)")
                #expect(bad.body["field"] as? String == field, "\(json): \(bad.body)")
            }
            let unknown = try await DutyLogAPITests.post(client, "/api/v1/loans/999/return", "{}", token: technician)
            #expect(unknown.status == .notFound)
            #expect(try desk.loans(openOnly: true).count == 1, "nothing was taken back")

            let returned = try await DutyLogAPITests.post(
                client, uri, #"{"condition": "damaged"}"#, token: technician)
            #expect(returned.status == .ok)
            #expect(returned.body["compensation"] as? Double == 80, "paid for at the item's price")
            let again = try await DutyLogAPITests.post(client, uri, "{}", token: technician)
            #expect(again.status == .notFound, "a closed loan is not taken back twice")
        }
        let closed = try #require(try desk.loans().first)
        #expect(closed.condition == .damaged && closed.receivedBy == "technician" && closed.compensation == 80)
        let audit = try fixture.store.auditTrail().filter { $0.action == "loan.return" }
        #expect(audit.count == 1 && audit.first?.actor == "technician" && audit.first?.subject == "loan #\(loan.id)")
    }
}
