import CPcap

/// A hash table from a station's address (MAC or IPv4, as a number) to its state.
///
/// Stations are looked up for every ARP packet, so this trades `Dictionary`'s generality for
/// speed: open addressing with linear probing, the key stored next to its value (one cache
/// line per lookup), values updated in place through their slot. The multiplicative hash is
/// keyed by a random seed per table so that addresses an attacker picks are hard to aim at one
/// chain. Entries are never removed: the table holds one entry per station ever seen.
struct StationTable<Value>: Sendable where Value: Sendable {
    private struct Entry: Sendable {
        /// Key with the top bit set; 0 marks an empty slot (address 0 is a valid key).
        var tag: UInt64
        var value: Value
    }

    private var entries: [Entry]
    private let filler: Value
    private let seed: UInt64
    /// 64 minus log2 of the slot count: the hash is the top bits of the product.
    private var shift: UInt64
    private(set) var count = 0

    /// - Parameter filler: a value for empty slots, never returned.
    init(filler: Value, capacity: Int = 1024) {
        var size = 16
        var bits: UInt64 = 4
        while size < capacity * 2 {
            size <<= 1
            bits += 1
        }
        shift = 64 - bits
        entries = Array(repeating: Entry(tag: 0, value: filler), count: size)
        self.filler = filler
        seed = UInt64.random(in: 0...UInt64.max)
    }

    /// The slot holding `key`, or `nil` when the station was never seen.
    @inline(__always) func slot(of key: UInt64) -> Int? {
        let tag = key | 1 << 63
        return entries.withUnsafeBufferPointer { buffer in
            let mask = buffer.count - 1
            var index = home(key)
            while true {
                let stored = buffer[index].tag
                if stored == tag { return index }
                if stored == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    /// The slot holding `key`, adding `value` for it first when the station is new.
    @inline(__always) mutating func slot(of key: UInt64, inserting value: @autoclosure () -> Value) -> Int {
        if let found = slot(of: key) { return found }
        if (count + 1) * 2 > entries.count { grow() }
        return place(key | 1 << 63, value())
    }

    /// Starts loading the slot where `key` would be found, ahead of ``slot(of:)``.
    ///
    /// Mutating only because the mutable buffer of a uniquely held array comes without the
    /// retain and release that reading the array through `self` costs, once per frame.
    @inline(__always) mutating func prefetch(_ key: UInt64) {
        let index = home(key)
        entries.withUnsafeMutableBufferPointer { jifang_prefetch($0.baseAddress! + index) }
    }

    subscript(slot: Int) -> Value {
        get { entries[slot].value }
        _modify { yield &entries[slot].value }
    }

    subscript(key: UInt64) -> Value? {
        slot(of: key).map { entries[$0].value }
    }

    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func place(_ tag: UInt64, _ value: Value) -> Int {
        let mask = entries.count - 1
        var index = home(tag & ~(1 << 63))
        while entries[index].tag != 0 { index = (index + 1) & mask }
        entries[index] = Entry(tag: tag, value: value)
        count += 1
        return index
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(tag: 0, value: filler), count: old.count * 2)
        shift -= 1
        count = 0
        for entry in old where entry.tag != 0 {
            _ = place(entry.tag, entry.value)
        }
    }
}
