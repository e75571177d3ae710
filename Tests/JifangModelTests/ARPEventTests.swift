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

    @Test func jsonLinesEscapeTextAndWriteMilliseconds() throws {
        let event = ARPEvent(
            time: Date(timeIntervalSince1970: 1_700_000_000.25), type: .unicastRequest,
            ip: IPv4Address("10.0.200.135"), mac: MACAddress("02:77:00:00:00:e5"), vlan: 4094, frame: 1_234_567,
            message: "quote \" backslash \\ tab \t newline \n bell \u{07} \u{4E2D}")
        let located = LocatedARPEvent(event, switchName: "sw-1", port: nil)
        let line = located.jsonLine
        #expect(
            line == #"{"time":"2023-11-14T22:13:20.250Z","type":"unicast-request","ip":"10.0.200.135","#
                + #""mac":"02:77:00:00:00:e5","boundMac":null,"vlan":4094,"frame":1234567,"switch":"sw-1","#
                + #""port":null,"message":"quote \" backslash \\ tab \t newline \n bell \u0007 \#u{4E2D}"}"#)
        var bytes: [UInt8] = Array("before\n".utf8)
        located.appendJSONLine(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "before\n" + line + "\n")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == event.message)

        let bare = LocatedARPEvent(ARPEvent(time: Date(timeIntervalSince1970: -0.5), type: .malformed, message: ""))
        #expect(
            bare.jsonLine
                == #"{"time":"1969-12-31T23:59:59.500Z","type":"malformed","ip":null,"mac":null,"boundMac":null,"#
                + #""vlan":null,"frame":null,"switch":null,"port":null,"message":""}"#)
    }

    /// Numbers and times are written digit by digit from the right; compare them with
    /// Foundation's formatting over every length of number and a spread of dates.
    @Test func jsonLinesWriteNumbersAndTimesAsFoundationDoes() throws {
        var frames = [0, 1, 9, 10, 99, 100, 101, 999_999, 1_000_000, Int.max]
        var power = 1
        while power <= Int.max / 10 {
            frames += [power - 1, power, power + 1]
            power *= 10
        }
        // Leap days, the ends of years and centuries up to 9999, then a spread of times between.
        let milliseconds =
            [0, 1, 951_868_800_000, 4_107_542_399_999, 253_402_300_799_999]
            + (1...200).map { $0 * 1_234_567_890_123 % 253_402_300_800_000 }
        // Foundation formats the whole seconds (a Double of whole seconds is exact); the line
        // has the milliseconds below the time, which for a far date can be one less than the
        // integer it was made from.
        func expected(_ time: Date) -> String {
            let millis = Int((time.timeIntervalSince1970 * 1000).rounded(.down))
            let seconds = Date(timeIntervalSince1970: Double(millis / 1000)).formatted(.iso8601)
            let fraction = String(millis % 1000)
            return #"{"time":""# + seconds.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count)
                + fraction + #"Z""#
        }
        for (index, frame) in frames.enumerated() {
            let millis = milliseconds[index % milliseconds.count]
            let time = Date(timeIntervalSince1970: Double(millis) / 1000)
            let vlan = UInt16(frame % 4095)
            let line = LocatedARPEvent(ARPEvent(time: time, type: .storm, vlan: vlan, frame: frame, message: ""))
                .jsonLine
            #expect(line.contains(#""vlan":\#(vlan),"frame":\#(frame),"#), "\(line)")
            #expect(line.hasPrefix(expected(time)), "\(line)")
        }
        for millis in milliseconds {
            let time = Date(timeIntervalSince1970: Double(millis) / 1000)
            let line = LocatedARPEvent(ARPEvent(time: time, type: .storm, message: "")).jsonLine
            #expect(line.hasPrefix(expected(time)), "\(line)")
        }
    }
}
