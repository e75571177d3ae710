import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangRecords
import JifangServer
import JifangStore
import NIOCore
import Testing

/// Text that the store could not keep as it is hashed (a NUL), that would hide on a page
/// (other control characters) or that is too long is refused naming the field, through the API
/// and the form alike; nothing is stored and the chain stays intact.
@Suite(.serialized)
struct DutyLogTextTests {
    static let refusedTexts = ["a\u{0}b", "ring \u{7} bell", "del\u{7F}", String(repeating: "x", count: 8_001)]

    static func json(_ text: String) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["category": "other", "text": text])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theAPIRefusesControlCharactersAndOverlongTextNamingTheField() async throws {
        let fixture = try ServerFixture()
        let token = try DutyLogAPITests.token(fixture, "technician")
        try await Application(router: fixture.server.router().router).test(.router) { client in
            for text in Self.refusedTexts {
                let answer = try await DutyLogAPITests.post(
                    client, "/api/v1/duty-log", try Self.json(text), token: token)
                #expect(answer.status == .badRequest, "\(text.prefix(20).debugDescription)")
                #expect(answer.body["field"] as? String == "text", "\(answer.body)")
            }
            let fault = try await DutyLogAPITests.post(
                client, "/api/v1/duty-log/faults",
                DutyLogAPITests.faultJSON.replacingOccurrences(of: "Fibre cut", with: #"Fibre\u0000cut"#),
                token: token)
            #expect(fault.status == .badRequest && fault.body["field"] as? String == "cause", "\(fault.body)")
            let huge = try await DutyLogAPITests.post(
                client, "/api/v1/duty-log", try Self.json(String(repeating: "x", count: 1 << 20)), token: token)
            #expect(huge.status == .contentTooLarge, "a 1 MB body is refused before it is read whole")
            #expect(huge.body["error"] as? String != nil)
            let fine = try await DutyLogAPITests.post(
                client, "/api/v1/duty-log", try Self.json("a\tb\r\nc"), token: token)
            #expect(fine.status == .created)
            #expect(fine.body["text"] as? String == "a\tb\nc")

            let log = try await client.execute(
                uri: "/api/v1/duty-log", method: .get, headers: [.authorization: "Bearer \(token)"])
            let body = try JSONSerialization.jsonObject(with: Data(buffer: log.body)) as? [String: Any]
            #expect(body?["intact"] as? Bool == true)
        }
        let manual = try DutyLogBook(store: fixture.store).entries().filter { $0.source == .manual }
        #expect(manual.map(\.text) == ["a\tb\nc"], "only the accepted entry is stored")
        #expect(try DutyLogBook(store: fixture.store).verify().isIntact)
    }

    @Test func theFormComesBackWithTheFieldsErrorAndNothingIsStored() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("technician")
            for text in Self.refusedTexts {
                let refused = try await browser.submit(
                    "/duty-log", to: "/duty-log/entries", ["category": "other", "text": text])
                #expect(refused.status == .unprocessableContent, "\(text.prefix(20).debugDescription)")
                #expect(String(buffer: refused.body).contains("id=\"text-error\""))
            }
            var fault = DutyLogModuleTests.fault
            fault["handling"] = "rebooted\u{0}"
            let refusedFault = try await browser.submit("/duty-log", to: "/duty-log/faults", fault)
            #expect(refusedFault.status == .unprocessableContent)
            #expect(String(buffer: refusedFault.body).contains("id=\"handling-error\""))
            let huge = try await browser.submit(
                "/duty-log", to: "/duty-log/entries",
                ["category": "other", "text": String(repeating: "x", count: 1 << 20)])
            #expect(huge.status == .contentTooLarge)
            let added = try await browser.submit(
                "/duty-log", to: "/duty-log/entries", ["category": "other", "text": "one\r\ntwo"])
            #expect(added.status == .seeOther)
        }
        let book = DutyLogBook(store: fixture.store)
        #expect(try book.entries().filter { $0.source == .manual }.map(\.text) == ["one\ntwo"])
        #expect(try book.verify().isIntact)
    }
}
