import JifangModel

/// When each event (type, IP, MAC) was last reported, for repeat suppression.
///
/// Consulted for every event before it is delivered. Like ``StationTable`` it is open addressing
/// on plain numbers rather than a `Dictionary` of a hashed struct (a seeded multiplicative hash
/// instead of SipHash per lookup). ``removeAll(where:)`` rebuilds it from the entries that stay,
/// so it holds the events of the last repeat window, not every event ever seen.
struct RepeatTable: Sendable {
    private struct Entry: Sendable {
        /// MAC in the low 48 bits, the event type's ordinal above it, the top bit set; 0 = empty.
        var tag: UInt64 = 0
        var ip: UInt32 = 0
        var time: Double = 0
    }

    private var entries: [Entry]
    private var shift: UInt64
    private let seed = UInt64.random(in: 0...UInt64.max)
    private(set) var count = 0

    init() {
        entries = Array(repeating: Entry(), count: 256)
        shift = 64 - 8
    }

    /// Records a report of (`type`, `ip`, `mac`) at `time`, unless `isRepeat` judges the time of
    /// its last report to make this one a repeat; returns whether it was recorded.
    mutating func record(
        _ type: ARPEventType, ip: UInt32, mac: UInt64, at time: Double, unlessRepeatOf isRepeat: (Double) -> Bool
    ) -> Bool {
        let tag = Self.tag(type, mac: mac)
        let mask = entries.count - 1
        var index = home(tag, ip)
        while entries[index].tag != 0 {
            if entries[index].tag == tag, entries[index].ip == ip {
                if isRepeat(entries[index].time) { return false }
                entries[index].time = time
                return true
            }
            index = (index + 1) & mask
        }
        entries[index] = Entry(tag: tag, ip: ip, time: time)
        count += 1
        if count * 2 > entries.count { rebuild(size: entries.count * 2) { _ in false } }
        return true
    }

    /// Forgets the entries whose last report time `shouldRemove` accepts.
    mutating func removeAll(where shouldRemove: (Double) -> Bool) {
        var size = 256
        var kept = 0
        for entry in entries where entry.tag != 0 && !shouldRemove(entry.time) { kept += 1 }
        while size < kept * 2 { size <<= 1 }
        rebuild(size: size, dropping: shouldRemove)
    }

    private mutating func rebuild(size: Int, dropping shouldRemove: (Double) -> Bool) {
        let old = entries
        entries = Array(repeating: Entry(), count: size)
        shift = 64 - UInt64(size.trailingZeroBitCount)
        count = 0
        let mask = size - 1
        for entry in old where entry.tag != 0 && !shouldRemove(entry.time) {
            var index = home(entry.tag, entry.ip)
            while entries[index].tag != 0 { index = (index + 1) & mask }
            entries[index] = entry
            count += 1
        }
    }

    @inline(__always) private func home(_ tag: UInt64, _ ip: UInt32) -> Int {
        let mixed = ((tag ^ seed) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(ip)
        return Int(truncatingIfNeeded: (mixed &* 0xC2B2_AE3D_27D4_EB4F) >> shift)
    }

    private static func tag(_ type: ARPEventType, mac: UInt64) -> UInt64 {
        let ordinal: UInt64 =
            switch type {
            case .bindingViolation: 1
            case .unknownStation: 2
            case .flipFlop: 3
            case .macMultipleIPs: 4
            case .ethernetARPMismatch: 5
            case .unicastRequest: 6
            case .gratuitousWrongMAC: 7
            case .bogon: 8
            case .storm: 9
            case .malformed: 10
            }
        return 1 << 63 | ordinal << 48 | mac & 0xFFFF_FFFF_FFFF
    }
}
