import Foundation
import JifangModel
import Testing

@Suite struct ARPEventTests {
    @Test func eventsEncodeEveryKeyWithNullForAbsentValues() throws {
        let event = ARPEvent(
            time: Date(timeIntervalSince1970: 0), type: .bindingViolation, ip: IPv4Address("10.0.0.1"),
            mac: MACAddress("02:66:66:66:66:66"), boundMAC: MACAddress("02:00:00:00:00:01"), frame: 3,
            message: "10.0.0.1 is bound to 02:00:00:00:00:01 but 02:66:66:66:66:66 claims it")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(
            json == #"{"boundMac":"02:00:00:00:00:01","frame":3,"ip":"10.0.0.1","mac":"02:66:66:66:66:66","#
                + #""message":"10.0.0.1 is bound to 02:00:00:00:00:01 but 02:66:66:66:66:66 claims it","#
                + #""time":"1970-01-01T00:00:00Z","type":"binding-violation","vlan":null}"#)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(ARPEvent.self, from: Data(json.utf8)) == event)
    }
}
