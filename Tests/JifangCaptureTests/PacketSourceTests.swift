import Foundation
import JifangCapture
import JifangModel
import JifangTesting
import Testing

@Suite struct PacketSourceTests {
    @Test func missingAndForeignFilesGiveTheirNameAndPcapsReason() throws {
        let directory = try TemporaryDirectory(prefix: "jf-source")
        defer { directory.remove() }
        let missing = directory.appending("none.pcap").path
        #expect {
            _ = try PacketSource(file: missing)
        } throws: { error in
            guard case .openFailed(let source, let detail) = error as? CaptureError else { return false }
            return source == missing && detail.contains("No such file")
        }
        let text = directory.appending("notes.pcap")
        try Data("not a capture, just text that is long enough\n".utf8).write(to: text)
        #expect {
            _ = try PacketSource(file: text.path)
        } throws: { error in
            (error as? CaptureError)?.description.hasPrefix("\(text.path): cannot open capture: ") == true
        }
    }

    @Test func pcapngFilesAreReadWithNanosecondStamps() throws {
        let directory = try TemporaryDirectory(prefix: "jf-source")
        defer { directory.remove() }
        let path = try PcapFixtures.write(
            "two.pcapng", in: directory,
            script: """
                a = "00:26:0b:31:07:33"
                frames = [Ether(src=a, dst=BC) / ARP(hwsrc=a, psrc="10.0.0.1", pdst="10.0.0.2") for _ in "ab"]
                wrpcapng(OUT, stamp(frames, start=1700000000.25, step=0.5))
                """)
        let source = try PacketSource(file: path)
        #expect(source.linkType == .ethernet && source.isFile)
        var seen: [(Int, CaptureTimestamp, Int)] = []
        let count = try source.readFrames { seen.append(($0.number, $0.timestamp, $0.bytes.count)) }
        #expect(count == 2)
        #expect(seen.map(\.0) == [1, 2])
        #expect(
            seen.map(\.1) == [
                CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: 250_000_000),
                CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: 750_000_000),
            ])
        #expect(seen.allSatisfy { $0.2 == 42 })
    }

    @Test func aFileFilterKeepsTheFilesFrameNumbers() throws {
        let directory = try TemporaryDirectory(prefix: "jf-source")
        defer { directory.remove() }
        let path = try PcapFixtures.write(
            "mixed.pcap", in: directory,
            script: """
                a = "00:26:0b:31:07:33"
                arp = ARP(hwsrc=a, psrc="10.0.0.1", pdst="10.0.0.2")
                wrpcap(OUT, stamp([
                    Ether(src=a, dst=BC) / IP(dst="10.0.0.2") / UDP(),                   # 1
                    Ether(src=a, dst=BC) / arp,                                          # 2
                    Ether(src=a, dst=BC) / IP(dst="10.0.0.2") / UDP(),                   # 3
                    Ether(src=a, dst=BC) / Dot1Q(vlan=5) / arp,                          # 4
                    Ether(src=a, dst=BC) / Dot1AD(vlan=6) / Dot1Q(vlan=7) / arp,         # 5
                    Ether(src=a, dst=BC) / Dot1Q(vlan=5) / IP(dst="10.0.0.2") / UDP(),   # 6
                ]))
                """)
        let source = try PacketSource(file: path)
        try source.setFilter(PacketSource.arpFilter)
        var numbers: [Int] = []
        try source.readFrames { numbers.append($0.number) }
        #expect(numbers == [2, 4, 5])
        #expect(throws: CaptureError.self) { try source.setFilter("arp and and") }
    }

    @Test func stopEndsTheReadAfterTheCurrentFrame() throws {
        let directory = try TemporaryDirectory(prefix: "jf-source")
        defer { directory.remove() }
        let path = try PcapFixtures.write(
            "five.pcap", in: directory,
            script: """
                wrpcap(OUT, stamp([Ether(dst=BC) / ARP(psrc="10.0.0.1", pdst="10.0.0.2") for _ in range(5)]))
                """)
        let source = try PacketSource(file: path)
        var numbers: [Int] = []
        try source.readFrames { frame in
            numbers.append(frame.number)
            if frame.number == 2 { source.stop() }
        }
        try source.readFrames { numbers.append($0.number) }
        #expect(numbers == [1, 2, 3, 4, 5])
    }

    @Test func unknownInterfacesAreNamedInTheError() {
        #expect {
            _ = try PacketSource(interface: "jf-no-such0")
        } throws: { error in
            guard case .activateFailed(let interface, _) = error as? CaptureError else { return false }
            return interface == "jf-no-such0"
        }
    }
}
