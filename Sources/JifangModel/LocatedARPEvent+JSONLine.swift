import struct Foundation.Date

extension LocatedARPEvent {
    /// The event as one line of JSON (no trailing newline), written without `JSONEncoder`.
    ///
    /// Keys in order: `time` (ISO 8601 UTC with milliseconds), `type`, `ip`, `mac`, `boundMac`,
    /// `vlan`, `frame`, `switch`, `port`, `message`; absent values are `null`. Decodes back with
    /// `JSONDecoder` using the `.iso8601` date strategy only when milliseconds are zero, so readers
    /// should parse `time` as text.
    public var jsonLine: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        appendJSONLine(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``jsonLine`` and a newline to `bytes`; the fast path of `jifang watch --format json`.
    public func appendJSONLine(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"time":""#.utf8)
        Self.appendTime(event.time, to: &bytes)
        bytes.append(contentsOf: #"","type":""#.utf8)
        bytes.append(contentsOf: event.type.rawValue.utf8)
        bytes.append(contentsOf: #"","ip":"#.utf8)
        Self.appendQuoted(event.ip?.description, to: &bytes)
        bytes.append(contentsOf: #","mac":"#.utf8)
        Self.appendQuoted(event.mac?.description, to: &bytes)
        bytes.append(contentsOf: #","boundMac":"#.utf8)
        Self.appendQuoted(event.boundMAC?.description, to: &bytes)
        bytes.append(contentsOf: #","vlan":"#.utf8)
        bytes.append(contentsOf: (event.vlan.map { String($0) } ?? "null").utf8)
        bytes.append(contentsOf: #","frame":"#.utf8)
        bytes.append(contentsOf: (event.frame.map { String($0) } ?? "null").utf8)
        bytes.append(contentsOf: #","switch":"#.utf8)
        Self.appendQuoted(switchName, to: &bytes)
        bytes.append(contentsOf: #","port":"#.utf8)
        Self.appendQuoted(port, to: &bytes)
        bytes.append(contentsOf: #","message":"#.utf8)
        Self.appendQuoted(event.message, to: &bytes)
        bytes.append(contentsOf: "}\n".utf8)
    }

    private static func appendQuoted(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex(byte >> 4))
                bytes.append(hex(byte & 0xF))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hex(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// `2023-11-14T22:13:20.010Z`, computed from the day count (Howard Hinnant's civil_from_days).
    static func appendTime(_ date: Date, to bytes: inout [UInt8]) {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, dayMillis) = millis.quotientAndRemainder(dividingBy: 86_400_000)
        let (d, ms) = dayMillis < 0 ? (days - 1, dayMillis + 86_400_000) : (days, dayMillis)
        let z = d + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(ms / 3_600_000, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(ms / 60_000 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(ms / 1000 % 60, 2)
        bytes.append(UInt8(ascii: "."))
        digits(ms % 1000, 3)
        bytes.append(UInt8(ascii: "Z"))
    }
}
