import Foundation
import JifangSNMP
import JifangTesting
import Synchronization
import Testing

/// Datagrams built by net-snmp's own `snmptrap`, caught on a loopback socket, decoded outside a session.
@Suite struct SNMPMessageTests {
    /// Runs `snmptrap` with `arguments` against a socket that keeps what it receives.
    private func trap(_ arguments: [String]) throws -> [UInt8] {
        let received = Mutex<[UInt8]?>(nil)
        let socket = try UDPResponder(
            .reply { datagram in
                received.withLock { $0 = $0 ?? datagram }
                return nil
            })
        defer { socket.stop() }
        _ = try Command.run("snmptrap", [arguments[0], "-c", "public", "127.0.0.1:\(socket.port)"] + arguments[1...])
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let datagram = received.withLock({ $0 }) { return datagram }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw FixtureError("snmptrap sent nothing to port \(socket.port)")
    }

    @Test func v2cTrapDecodesEveryValueType() throws {
        let datagram = try trap([
            "-v2c", "", "1.3.6.1.6.3.1.1.5.3",
            "1.3.6.1.2.1.2.2.1.1.2", "i", "-2147483648",
            "1.3.6.1.2.1.31.1.1.1.6.2", "C", "18446744073709551615",
            "1.3.6.1.2.1.4.20.1.1.10.0.0.1", "a", "10.0.0.1",
            "1.3.6.1.2.1.1.5.0", "s", "core-sw",
            "1.3.6.1.2.1.2.2.1.10.2", "c", "4294967295",
        ])
        let message = try SNMPMessage(datagram: datagram)
        #expect(message.version == .v2c)
        #expect(message.pduType == 0xA7)
        #expect(message.community == Array("public".utf8))
        let values = Dictionary(message.varbinds.map { ($0.oid, $0.value) }) { first, _ in first }
        #expect(values["1.3.6.1.6.3.1.1.4.1.0"] == .objectIdentifier("1.3.6.1.6.3.1.1.5.3"))
        #expect(values["1.3.6.1.2.1.2.2.1.1.2"] == .integer(-2_147_483_648))
        #expect(values["1.3.6.1.2.1.31.1.1.1.6.2"] == .counter64(.max))
        #expect(values["1.3.6.1.2.1.4.20.1.1.10.0.0.1"] == .ipAddress([10, 0, 0, 1]))
        #expect(values["1.3.6.1.2.1.1.5.0"] == .octetString(Array("core-sw".utf8)))
        #expect(values["1.3.6.1.2.1.2.2.1.10.2"] == .counter32(.max))
        #expect(message.varbinds.first?.oid == "1.3.6.1.2.1.1.3.0")  // sysUpTime leads a v2 trap
    }

    @Test func v1TrapDecodes() throws {
        let datagram = try trap([
            "-v1", "1.3.6.1.4.1.8072.2.3", "127.0.0.1", "6", "17", "1234", "1.3.6.1.2.1.1.5.0", "s", "ups-1",
        ])
        let message = try SNMPMessage(datagram: datagram)
        #expect(message.version == .v1)
        #expect(message.pduType == 0xA4)
        #expect(message.varbinds == [VarBind(oid: "1.3.6.1.2.1.1.5.0", value: .octetString(Array("ups-1".utf8)))])
    }

    @Test func cutOrGarbageDatagramIsRefusedNamingItsSource() throws {
        let datagram = try trap(["-v2c", "", "1.3.6.1.6.3.1.1.5.1"])
        for bytes in [Array(datagram.dropLast(3)), [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF], []] {
            #expect {
                _ = try SNMPMessage(datagram: bytes, source: "udp:192.0.2.7:162")
            } throws: { error in
                guard case .malformedResponse(let target, _) = error as? SNMPError else { return false }
                return target == "udp:192.0.2.7:162"
            }
        }
    }
}
