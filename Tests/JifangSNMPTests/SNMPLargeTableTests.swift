import Foundation
import JifangSNMP
import JifangTesting
import Testing

/// A 10,000-row table served by snmpsim.
struct SNMPLargeTableTests {
    static let rows = 10_000
    static let ifHCInOctets: OID = "1.3.6.1.2.1.31.1.1.1.6"

    /// snmprec lines (`OID|tag|value`) in OID order: ifIndex, ifDescr, ifOperStatus, ifHCInOctets.
    static func recording() -> String {
        var lines = ["1.3.6.1.2.1.1.1.0|4|Jifang large table recording", "1.3.6.1.2.1.1.3.0|67|4242"]
        lines += (1...rows).map { "1.3.6.1.2.1.2.2.1.1.\($0)|2|\($0)" }
        lines += (1...rows).map { "1.3.6.1.2.1.2.2.1.2.\($0)|4|port\($0)" }
        // Row 5000 has the wrong type on purpose: a string where an INTEGER belongs.
        lines += (1...rows).map {
            $0 == 5000 ? "1.3.6.1.2.1.2.2.1.8.\($0)|4|up" : "1.3.6.1.2.1.2.2.1.8.\($0)|2|\($0 % 2 + 1)"
        }
        lines += (1...rows).map { "\(ifHCInOctets).\($0)|70|\(UInt64($0) * 1_000_000_007)" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func tenThousandRowTableInOneBulkStream() async throws {
        let directory = try TemporaryDirectory(prefix: "jifang-large-table")
        defer { directory.remove() }
        let file = directory.appending("jifang-large-table.snmprec")
        try Self.recording().write(to: file, atomically: true, encoding: .utf8)
        let simulator = try await SNMPSimulator.start(
            recordings: [file], endpoints: [.init(host: "127.0.0.1", port: LoopbackPort.freeUDP())])
        defer { simulator.stop() }
        let session = try await SNMPSession.open(
            SNMPTarget(
                host: "127.0.0.1", port: simulator.endpoint.port, version: .v2c(community: "jifang-large-table"),
                timeout: .seconds(5)))
        let columns: [OID] = [MIB2.ifIndex, MIB2.ifDescr, MIB2.ifOperStatus, Self.ifHCInOctets]
        let table = try await session.table(columns, maxRepetitions: 20)
        #expect(table.rows.count == Self.rows)
        #expect(table.rows.first?.index == [1])
        #expect(table.rows.last?.index == [UInt32(Self.rows)])
        #expect(table.rows.allSatisfy { $0.values.count == 4 })
        #expect(table[[9999], MIB2.ifDescr]?.string == "port9999")
        #expect(table[[10000], Self.ifHCInOctets] == .counter64(10_000 * 1_000_000_007))
        #expect(table[[5000], MIB2.ifOperStatus] == .octetString(Array("up".utf8)))
        #expect(table[[4999], MIB2.ifOperStatus] == .integer(2))
        let requests = session.statistics.requests
        // 4 columns × 10,000 cells at up to 20 repetitions per request, plus the last round.
        #expect(requests >= Self.rows / 20 && requests <= Self.rows / 5)
        let walked = try await session.walk(MIB2.ifDescr, maxRepetitions: 50)
        #expect(walked.count == Self.rows)
        await session.close()
    }
}
