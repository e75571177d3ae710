import JifangModel

/// Counts ARP packets per source MAC within the current second, in fixed memory.
///
/// A set-associative cache of counters (buckets of four in one cache line, 16 KiB in all)
/// rather than a table of every station: counting needs only the sources active this second,
/// and a small table stays in the processor's cache where a per-station one would not. When a
/// bucket is full the entry with the fewest packets this second gives way, so a storming source
/// keeps its counter; it could be pushed out only by four busier sources in the same bucket.
struct StormCounter: Sendable {
    private struct Entry: Sendable {
        /// MAC with the top bit set; 0 marks an empty entry.
        var tag: UInt64 = 0
        var second: Int32 = 0
        var count: UInt32 = 0
    }

    private static let bucketCount = 256
    private static let ways = 4
    private var entries = Array(repeating: Entry(), count: bucketCount * ways)
    private let seed = UInt64.random(in: 0...UInt64.max)

    @inline(__always) private func bucket(of source: MACAddress) -> Int {
        Int(truncatingIfNeeded: ((source.rawValue ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> 56) * Self.ways
    }

    /// Counts one packet from `source` in capture second `second`; returns its count in that second.
    ///
    /// Sources come and go in random order, so which way holds a source is unpredictable: the
    /// four ways are compared with selects rather than branches.
    mutating func count(_ source: MACAddress, second: Int64) -> Int {
        let tag = source.rawValue | 1 << 63
        let stamp = Int32(truncatingIfNeeded: second)
        let bucket = bucket(of: source)
        return entries.withUnsafeMutableBufferPointer { buffer in
            let ways = UnsafeMutableBufferPointer(rebasing: buffer[bucket..<bucket + Self.ways])
            var hit = -1
            var victim = 0
            var victimCount = UInt32.max
            for way in 0..<Self.ways {
                let current = ways[way].second == stamp ? ways[way].count : 0
                hit = ways[way].tag == tag ? way : hit
                victim = current < victimCount ? way : victim
                victimCount = min(current, victimCount)
            }
            let chosen = hit >= 0 ? hit : victim
            let kept = hit >= 0 && ways[chosen].second == stamp ? ways[chosen].count : 0
            ways[chosen] = Entry(tag: tag, second: stamp, count: kept &+ 1)
            return Int(kept &+ 1)
        }
    }
}
