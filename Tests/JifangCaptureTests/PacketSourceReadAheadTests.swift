import Foundation
import JifangCapture
import JifangTesting
import Testing

/// `readFramesAhead` against `readFrames` on captures of several batches (a batch is 8,192 frames).
@Suite struct PacketSourceReadAheadTests {
    /// A frame as a test keeps it: everything `Frame` lends, copied.
    struct Copied: Equatable {
        var number: Int
        var timestamp: CaptureTimestamp
        var bytes: [UInt8]
        var originalLength: Int

        init(_ frame: Frame) {
            number = frame.number
            timestamp = frame.timestamp
            bytes = Array(frame.bytes)
            originalLength = frame.originalLength
        }
    }

    @Test func readingAheadDeliversWhatReadFramesDelivers() throws {
        let directory = try TemporaryDirectory(prefix: "jf-ahead")
        defer { directory.remove() }
        let path = directory.appending("mixed.pcap").path
        let records = SyntheticCapture.records(count: 20_000)
        try Data(SyntheticCapture.file(records).bytes).write(to: URL(fileURLWithPath: path))

        for filter in [nil, "arp"] {
            let plain = try PacketSource(file: path)
            let ahead = try PacketSource(file: path)
            if let filter {
                try plain.setFilter(filter)
                try ahead.setFilter(filter)
            }
            var expected: [Copied] = []
            var delivered: [Copied] = []
            let plainCount = try plain.readFrames { expected.append(Copied($0)) }
            let aheadCount = try ahead.readFramesAhead { delivered.append(Copied($0)) }
            #expect(aheadCount == 20_000 && plainCount == 20_000)
            #expect(ahead.framesRead == 20_000)
            #expect(delivered.count == (filter == nil ? 20_000 : 20_000 / 3 + 1))
            #expect(delivered == expected, "filter \(filter ?? "none")")
        }
    }

    @Test func aTruncatedFileThrowsAfterEveryCompleteFrameWasDelivered() throws {
        let directory = try TemporaryDirectory(prefix: "jf-ahead")
        defer { directory.remove() }
        let path = directory.appending("cut.pcap").path
        let (bytes, offsets) = SyntheticCapture.file(SyntheticCapture.records(count: 10_000))
        // Cut inside frame 9,001's data, past its 16-byte record header: frames 1 to 9,000 are whole.
        try Data(bytes[..<(offsets[9_000] + 16 + 10)]).write(to: URL(fileURLWithPath: path))

        var numbers: [Int] = []
        #expect {
            try PacketSource(file: path).readFramesAhead { numbers.append($0.number) }
        } throws: { error in
            guard case .truncated(let file, let afterFrame, _) = error as? CaptureError else { return false }
            return file == path && afterFrame == 9_000
        }
        #expect(numbers == Array(1...9_000))
    }

    @Test func stopEndsDeliveryAndALaterReadGoesOnAfterTheFramesReadAhead() throws {
        let directory = try TemporaryDirectory(prefix: "jf-ahead")
        defer { directory.remove() }
        let path = directory.appending("long.pcap").path
        // Four batches hold at most 32,768 frames: the reader cannot reach the end before the stop.
        try Data(SyntheticCapture.file(SyntheticCapture.records(count: 60_000)).bytes).write(
            to: URL(fileURLWithPath: path))

        let source = try PacketSource(file: path)
        var first: [Int] = []
        let read = try source.readFramesAhead { frame in
            first.append(frame.number)
            if frame.number == 100 { source.stop() }
        }
        #expect(first == Array(1...100))
        #expect(read == source.framesRead && read >= 100 && read < 60_000)

        var rest: [Int] = []
        try source.readFramesAhead { rest.append($0.number) }
        #expect(rest == Array(read + 1...60_000))
        #expect(source.framesRead == 60_000)
    }
}

/// Frames of random content and length written as a classic pcap file (``PcapFileBuilder``),
/// since tens of thousands of frames would take scapy seconds.
enum SyntheticCapture {
    struct Record {
        var seconds: UInt32
        var microseconds: UInt32
        var data: [UInt8]
        var originalLength: UInt32
    }

    /// Every third frame has the ARP EtherType (the others IPv4's); most are 14 to 213 bytes long,
    /// with full-size and jumbo frames among them, so batches fill up by frame count and by bytes;
    /// some frames are cut short of their original length.
    static func records(count: Int) -> [Record] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        return (0..<count).map { index in
            let length = index % 997 == 0 ? 9_000 : index % 13 == 0 ? 1_514 : 14 + Int(next() % 200)
            var data = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            data[12] = 0x08
            data[13] = index % 3 == 0 ? 0x06 : 0x00
            let cut = index % 7 == 0 ? UInt32(next() % 100) : 0
            return Record(
                seconds: 1_700_000_000 + UInt32(index / 1000), microseconds: UInt32(index % 1000) * 1000 + 7,
                data: data, originalLength: UInt32(length) + cut)
        }
    }

    /// A little-endian pcap file with microsecond stamps, Ethernet, snapshot length 65,535, and the
    /// offset at which each record starts.
    static func file(_ records: [Record]) -> (bytes: [UInt8], offsets: [Int]) {
        var file = PcapFileBuilder()
        var offsets: [Int] = []
        for record in records {
            offsets.append(file.bytes.count)
            file.appendFrame(
                seconds: record.seconds, microseconds: record.microseconds, originalLength: record.originalLength
            ) { $0.append(contentsOf: record.data) }
        }
        return (file.bytes, offsets)
    }
}
