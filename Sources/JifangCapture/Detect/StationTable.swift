/// A station's state as kept in a ``StationTable``: the value, and the few bits of it that
/// every packet reads.
protocol StationState: Sendable {
    /// What the per-packet check needs, packed into one word; stored beside the key.
    var summary: UInt64 { get }
}

/// A hash table from a station's address (MAC or IPv4, as a number) to its state.
///
/// Stations are looked up for every ARP packet, so this trades `Dictionary`'s generality for
/// speed: open addressing with linear probing on plain numbers. Each slot's key sits beside the
/// state's ``StationState/summary`` in 16 bytes, and the full values live in a second array at
/// the same slot: a lookup that needs only the summary (a routine packet) touches 16 bytes, so
/// the table of a site with thousands of stations stays in the processor's second-level cache.
/// The multiplicative hash is keyed by a random seed per table so that addresses an attacker
/// picks are hard to aim at one chain. Entries are never removed: the table holds one entry per
/// station ever seen.
struct StationTable<Value>: Sendable where Value: StationState {
    private struct Slot: Sendable {
        /// Key with the top bit set; 0 marks an empty slot (address 0 is a valid key).
        var tag: UInt64
        var summary: UInt64
    }

    private var slots: [Slot]
    private var values: [Value]
    private let filler: Value
    private let seed: UInt64
    /// 64 minus log2 of the slot count: the hash is the top bits of the product.
    private var shift: UInt64
    private(set) var count = 0

    /// - Parameter filler: a value for empty slots, never returned.
    init(filler: Value, capacity: Int = 1024) {
        var size = 16
        var bits: UInt64 = 4
        while size * 3 < capacity * 4 {
            size <<= 1
            bits += 1
        }
        shift = 64 - bits
        slots = Array(repeating: Slot(tag: 0, summary: 0), count: size)
        values = Array(repeating: filler, count: size)
        self.filler = filler
        seed = UInt64.random(in: 0...UInt64.max)
    }

    /// The slot holding `key`, or `nil` when the station was never seen.
    @inline(__always) func slot(of key: UInt64) -> Int? {
        let tag = key | 1 << 63
        let mask = slots.count - 1
        var index = home(key)
        while true {
            let stored = slots[index].tag
            if stored == tag { return index }
            if stored == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// The summary of `key`'s state, or `nil` when the station was never seen.
    @inline(__always) func summary(of key: UInt64) -> UInt64? {
        slot(of: key).map { slots[$0].summary }
    }

    /// The slot holding `key`, adding `value` for it first when the station is new.
    @inline(__always) mutating func slot(of key: UInt64, inserting value: @autoclosure () -> Value) -> Int {
        if let found = slot(of: key) { return found }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        return place(key | 1 << 63, value())
    }

    /// The state in `slot`; setting it also updates its summary.
    subscript(slot: Int) -> Value {
        get { values[slot] }
        set {
            values[slot] = newValue
            slots[slot].summary = newValue.summary
        }
    }

    subscript(key: UInt64) -> Value? {
        slot(of: key).map { values[$0] }
    }

    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func place(_ tag: UInt64, _ value: Value) -> Int {
        let mask = slots.count - 1
        var index = home(tag & ~(1 << 63))
        while slots[index].tag != 0 { index = (index + 1) & mask }
        slots[index] = Slot(tag: tag, summary: value.summary)
        values[index] = value
        count += 1
        return index
    }

    private mutating func grow() {
        let oldSlots = slots
        let oldValues = values
        slots = Array(repeating: Slot(tag: 0, summary: 0), count: oldSlots.count * 2)
        values = Array(repeating: filler, count: oldSlots.count * 2)
        shift -= 1
        count = 0
        for (index, slot) in oldSlots.enumerated() where slot.tag != 0 {
            _ = place(slot.tag, oldValues[index])
        }
    }
}
