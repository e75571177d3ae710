import CPcap
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

    /// Starts loading the bucket of `source`, ahead of ``count(_:second:)``.
    /// Mutating for the same reason as ``StationTable/prefetch(_:)``: no retain per frame.
    @inline(__always) mutating func prefetch(_ source: MACAddress) {
        let index = bucket(of: source)
        entries.withUnsafeMutableBufferPointer { jifang_prefetch($0.baseAddress! + index) }
    }

    /// Counts one packet from `source` in capture second `second`; returns its count in that second.
    mutating func count(_ source: MACAddress, second: Int64) -> Int {
        let tag = source.rawValue | 1 << 63
        let stamp = Int32(truncatingIfNeeded: second)
        let bucket = bucket(of: source)
        return entries.withUnsafeMutableBufferPointer { entries in
            var victim = bucket
            var victimCount = UInt32.max
            for index in bucket..<bucket + Self.ways {
                let current = entries[index].second == stamp ? entries[index].count : 0
                if entries[index].tag == tag {
                    entries[index].second = stamp
                    entries[index].count = current &+ 1
                    return Int(current &+ 1)
                }
                if current < victimCount {
                    victim = index
                    victimCount = current
                }
            }
            entries[victim] = Entry(tag: tag, second: stamp, count: 1)
            return 1
        }
    }
}
