import Foundation
import JifangTesting
import Testing

@testable import JifangSNMP

/// Answers are paired with requests by OID: a responder on a real loopback socket sends
/// well-formed responses (hand-encoded BER, the request ID echoed) whose OIDs were not asked for.
@Suite(.serialized)
struct ResponsePairingTests {
    static let sysDescr: OID = "1.3.6.1.2.1.1.1.0"
    static let sysUpTime: OID = "1.3.6.1.2.1.1.3.0"
    static let sysName: OID = "1.3.6.1.2.1.1.5.0"
    static let upsIdentManufacturer: OID = "1.3.6.1.2.1.33.1.1.1.0"

    /// A responder that answers each request with what `answer` makes of the asked OIDs.
    static func responder(_ answer: @escaping @Sendable ([OID]) -> [VarBind]) throws -> UDPResponder {
        try UDPResponder(
            .reply { bytes in
                guard let request = BERMessage(bytes: bytes) else { return nil }
                return request.response(answer(request.varbinds.map(\.oid))).bytes
            })
    }

    static func session(_ responder: UDPResponder) async throws -> SNMPSession {
        try await SNMPSession.open(
            SNMPTarget(
                host: "127.0.0.1", port: responder.port, version: .v2c(community: "public"),
                timeout: .milliseconds(1500), retries: 0))
    }

    @Test func aGetAnsweredWithOtherOIDsIsRefused() async throws {
        // As many varbinds as asked, each a UPS-MIB value: only the OIDs give it away.
        let liar = try Self.responder { asked in
            asked.map { _ in VarBind(oid: Self.upsIdentManufacturer, value: .octetString(Array("Eaton".utf8))) }
        }
        defer { liar.stop() }
        let session = try await Self.session(liar)
        defer { Task { await session.close() } }
        do {
            let answer = try await session.get([Self.sysDescr, Self.sysUpTime])
            Issue.record("accepted \(answer)")
        } catch {
            guard case .unaskedOIDs(_, let asked, let answered) = error else {
                Issue.record("expected unaskedOIDs, got \(error)")
                return
            }
            #expect(asked == [Self.sysDescr, Self.sysUpTime])
            #expect(answered == [Self.upsIdentManufacturer, Self.upsIdentManufacturer])
            #expect(error.description.contains("answered OIDs it was not asked for"))
            #expect(error.description.contains("udp:127.0.0.1:\(liar.port)"))
        }
        #expect(session.statistics.responses == 1, "the answer arrived and was judged, not timed out")
    }

    @Test func aGetAnsweredInAnotherOrderIsPairedByOID() async throws {
        let shuffler = try Self.responder { asked in
            asked.reversed().map { VarBind(oid: $0, value: .octetString(Array($0.description.utf8))) }
        }
        defer { shuffler.stop() }
        let session = try await Self.session(shuffler)
        defer { Task { await session.close() } }
        let answer = try await session.get([Self.sysDescr, Self.sysUpTime, Self.sysName])
        #expect(answer.map(\.oid) == [Self.sysDescr, Self.sysUpTime, Self.sysName])
        #expect(answer.map(\.value.string) == [Self.sysDescr, Self.sysUpTime, Self.sysName].map(\.description))
    }

    @Test func aGetNextOrWalkAnsweredWithAnEarlierOIDIsRefused() async throws {
        let backwards = try Self.responder { asked in
            asked.map { _ in VarBind(oid: "1.3.6.1.2.1.1.1.0", value: .integer(1)) }
        }
        defer { backwards.stop() }
        let session = try await Self.session(backwards)
        defer { Task { await session.close() } }
        await #expect(throws: SNMPError.self) { try await session.getNext([Self.sysName]) }
        do {
            _ = try await session.walk("1.3.6.1.2.1.2.2.1.2")  // ifDescr, after sysDescr
            Issue.record("a walk accepted an OID before the one it asked for")
        } catch {
            guard case .nonIncreasingOID = error else {
                Issue.record("expected nonIncreasingOID, got \(error)")
                return
            }
        }
    }

    @Test func pairingRules() throws {
        let asked: [OID] = [Self.sysDescr, Self.sysName]
        func pair(_ kind: SNMPRequest.Kind, _ oids: [OID], _ values: [SNMPValue]? = nil) throws(SNMPError) -> [VarBind]
        {
            let answered = zip(oids, values ?? oids.map { _ in .integer(1) }).map { VarBind(oid: $0, value: $1) }
            return try ResponsePairing.pair(kind, asked: asked, answered: answered, target: "t")
        }
        #expect(try pair(.get, asked).map(\.oid) == asked)
        #expect(throws: SNMPError.self) { try pair(.get, [Self.sysDescr]) }  // one missing
        #expect(throws: SNMPError.self) { try pair(.get, asked + [Self.sysName]) }  // one extra
        #expect(throws: SNMPError.self) { try pair(.get, [Self.sysDescr, Self.upsIdentManufacturer]) }
        #expect(try pair(.getNext, ["1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.6.0"]).count == 2)
        // endOfMibView comes back on the asked OID itself.
        #expect(try pair(.getNext, asked, [.endOfMibView, .endOfMibView]).count == 2)
        #expect(throws: SNMPError.self) { try pair(.getNext, asked) }  // not after the asked OIDs
        let bulk = SNMPRequest.Kind.getBulk(nonRepeaters: 0, maxRepetitions: 2)
        let rows: [OID] = ["1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.6.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.7.0"]
        #expect(try pair(bulk, rows).count == 4)
        #expect(throws: SNMPError.self) { try pair(bulk, rows + ["1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.8.0"]) }
        // The first column's second repetition repeats its first.
        #expect(throws: SNMPError.self) { try pair(bulk, [rows[0], rows[1], rows[0], rows[3]]) }
    }
}
