/// The bytes of a classic pcap file (little-endian, microsecond stamps), built in memory.
///
/// For captures of many thousands of frames, which scapy (``PcapFixtures``) would take seconds to
/// write: the benchmarks' million-frame captures and tests that need several read-ahead batches.
public struct PcapFileBuilder {
    public private(set) var bytes: [UInt8] = []

    /// Starts the file with its global header.
    ///
    /// - Parameters:
    ///   - linkType: the DLT number (1, Ethernet).
    ///   - reserving: bytes to reserve for the whole file.
    public init(linkType: UInt32 = 1, snapshotLength: UInt32 = 65_535, reserving: Int = 0) {
        bytes.reserveCapacity(max(reserving, 24))
        append(0xA1B2_C3D4)
        append(2 | 4 << 16)  // version 2.4
        append(0)  // time zone offset
        append(0)  // timestamp accuracy
        append(snapshotLength)
        append(linkType)
    }

    /// Appends one record whose frame `write` appends to the bytes it is given.
    ///
    /// - Parameter originalLength: the frame's length on the wire, when the capture cut it short;
    ///   by default the length written.
    public mutating func appendFrame(
        seconds: UInt32, microseconds: UInt32, originalLength: UInt32? = nil, _ write: (inout [UInt8]) -> Void
    ) {
        append(seconds)
        append(microseconds)
        let lengths = bytes.count
        append(0)
        append(0)
        let start = bytes.count
        write(&bytes)
        let captured = UInt32(bytes.count - start)
        set(captured, at: lengths)
        set(originalLength ?? captured, at: lengths + 4)
    }

    private mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func set(_ value: UInt32, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) }
    }
}
