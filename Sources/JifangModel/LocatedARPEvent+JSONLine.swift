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
        appendJSONLine(to: &bytes)
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``jsonLine`` and a newline to `bytes`; the fast path of `jifang watch --format json`.
    ///
    /// The line is written into scratch memory sized for its worst case and appended at once, so
    /// `bytes` is grown and checked once per event rather than once per character.
    public func appendJSONLine(to bytes: inout [UInt8]) {
        // Fixed text and numbers take under 300 bytes; an escaped byte takes at most 6.
        let textBytes = event.message.utf8.count + (switchName?.utf8.count ?? 0) + (port?.utf8.count ?? 0)
        let capacity = 320 + event.type.rawValue.utf8.count + 6 * textBytes
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            var line = JSONLineWriter(scratch.baseAddress!)
            line.ascii(#"{"time":""#)
            line.time(event.time)
            line.ascii(#"","type":""#)
            line.raw(event.type.rawValue)
            line.ascii(#"","ip":"#)
            if let ip = event.ip {
                line.byte(UInt8(ascii: "\""))
                line.ip(ip)
                line.byte(UInt8(ascii: "\""))
            } else {
                line.ascii("null")
            }
            line.ascii(#","mac":"#)
            line.quotedMAC(event.mac)
            line.ascii(#","boundMac":"#)
            line.quotedMAC(event.boundMAC)
            line.ascii(#","vlan":"#)
            if let vlan = event.vlan { line.decimal(Int(vlan)) } else { line.ascii("null") }
            line.ascii(#","frame":"#)
            if let frame = event.frame { line.decimal(frame) } else { line.ascii("null") }
            line.ascii(#","switch":"#)
            line.quoted(switchName)
            line.ascii(#","port":"#)
            line.quoted(port)
            line.ascii(#","message":"#)
            line.quoted(event.message)
            line.ascii("}\n")
            bytes.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress, count: line.count(from: scratch)))
        }
    }
}

/// Writes one JSON line into memory the caller sized for it; no bounds are checked.
private struct JSONLineWriter {
    private var cursor: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) {
        cursor = start
    }

    func count(from start: UnsafeMutableBufferPointer<UInt8>) -> Int {
        cursor - start.baseAddress!
    }

    @inline(__always) mutating func byte(_ value: UInt8) {
        cursor.pointee = value
        cursor += 1
    }

    mutating func ascii(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        cursor.update(from: text.utf8Start, count: count)
        cursor += count
    }

    /// Text known to need no escaping (event type names).
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            cursor.update(from: utf8.baseAddress!, count: utf8.count)
            cursor += utf8.count
        }
    }

    mutating func quoted(_ text: String?) {
        guard var text else {
            ascii("null")
            return
        }
        byte(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            // Messages rarely hold a byte to escape: copy the runs between such bytes at once.
            var start = 0
            for index in utf8.indices {
                let value = utf8[index]
                guard value < 0x20 || value == UInt8(ascii: "\"") || value == UInt8(ascii: "\\") else { continue }
                copy(utf8, start..<index)
                start = index + 1
                switch value {
                case UInt8(ascii: "\""): ascii(#"\""#)
                case UInt8(ascii: "\\"): ascii(#"\\"#)
                case 0x0A: ascii(#"\n"#)
                case 0x0D: ascii(#"\r"#)
                case 0x09: ascii(#"\t"#)
                default:
                    ascii(#"\u00"#)
                    byte(Self.hex(value >> 4))
                    byte(Self.hex(value & 0xF))
                }
            }
            copy(utf8, start..<utf8.count)
        }
        byte(UInt8(ascii: "\""))
    }

    @inline(__always) private mutating func copy(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        cursor.update(from: utf8.baseAddress! + range.lowerBound, count: range.count)
        cursor += range.count
    }

    /// `"00:26:0b:31:07:33"` as ``MACAddress/description`` prints it, or `null`.
    mutating func quotedMAC(_ mac: MACAddress?) {
        guard let mac else {
            ascii("null")
            return
        }
        byte(UInt8(ascii: "\""))
        cursor += mac.format(into: UnsafeMutableBufferPointer(start: cursor, count: MACAddress.textLength))
        byte(UInt8(ascii: "\""))
    }

    /// Dotted quad as ``IPv4Address/description`` prints it.
    mutating func ip(_ address: IPv4Address) {
        cursor += address.format(into: UnsafeMutableBufferPointer(start: cursor, count: IPv4Address.maximumTextLength))
    }

    mutating func decimal(_ value: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        var length = 1
        var bound: UInt = 10
        while length < 20, value.magnitude >= bound {
            length += 1
            bound = bound &* 10
        }
        digits(value.magnitude, length)
    }

    /// Exactly `count` digits of `value` (the low ones when it has more), written from the
    /// right: a division by the constant 10 is a multiplication, one by a variable power of ten
    /// a hardware division, and a line has some twenty digits.
    mutating func digits(_ value: UInt, _ count: Int) {
        var rest = value
        var index = count
        while index > 0 {
            index -= 1
            cursor[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        cursor += count
    }

    /// `2023-11-14T22:13:20.010Z`, computed from the day count (Howard Hinnant's civil_from_days).
    ///
    /// The milliseconds are held within the years 0001…9999 (``Foundation/Date/millisecondsSince1970(rounding:)``),
    /// so the year always has the four digits written and a capture's timestamp never traps.
    mutating func time(_ date: Date) {
        let millis = date.millisecondsSince1970(rounding: .down)
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
        digits(UInt(truncatingIfNeeded: year), 4)
        byte(UInt8(ascii: "-"))
        digits(UInt(truncatingIfNeeded: month), 2)
        byte(UInt8(ascii: "-"))
        digits(UInt(truncatingIfNeeded: day), 2)
        byte(UInt8(ascii: "T"))
        digits(UInt(truncatingIfNeeded: ms / 3_600_000), 2)
        byte(UInt8(ascii: ":"))
        digits(UInt(truncatingIfNeeded: ms / 60_000 % 60), 2)
        byte(UInt8(ascii: ":"))
        digits(UInt(truncatingIfNeeded: ms / 1000 % 60), 2)
        byte(UInt8(ascii: "."))
        digits(UInt(truncatingIfNeeded: ms % 1000), 3)
        byte(UInt8(ascii: "Z"))
    }

    private static func hex(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
