import Foundation
import JifangCapture
import JifangModel
import JifangTesting
import Testing

@Suite struct ARPWatcherTests {
    static let bindings = [
        AddressBinding(ip: ip("10.0.0.1"), mac: mac("02:00:00:00:00:01"), owner: "gateway"),
        AddressBinding(ip: ip("10.0.0.2"), mac: mac("02:00:00:00:00:02")),
        AddressBinding(ip: ip("10.0.0.3"), mac: mac("02:00:00:00:00:03"), vlan: 10),
        AddressBinding(ip: ip("10.0.0.4"), mac: mac("02:00:00:00:00:04")),
    ]
    static let subnets = [IPv4Subnet("10.0.0.0/24")!]

    /// One planted case per event type; the comments give the frame numbers asserted below.
    static let plantedScript = """
        G, B, C, D = "02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:03", "02:00:00:00:00:04"
        X, Y, Z = "02:66:66:66:66:66", "02:77:77:77:77:77", "02:55:55:55:55:55"
        def claim(src, sha, spa, pdst, op=1, dst=BC, tag=None):
            frame = Ether(src=src, dst=dst)
            if tag is not None:
                frame = frame / Dot1Q(vlan=tag)
            return frame / ARP(op=op, hwsrc=sha, psrc=spa, pdst=pdst, hwdst="00:00:00:00:00:00" if op == 1 else dst)
        part1 = [
            claim(B, B, "10.0.0.2", "10.0.0.1"),                    # 1 ordinary request
            claim(G, G, "10.0.0.1", "10.0.0.2", op=2, dst=B),       # 2 ordinary reply
            claim(X, X, "10.0.0.1", "10.0.0.2", op=2, dst=B),       # 3 binding-violation
            claim(G, G, "10.0.0.1", "10.0.0.2", op=2, dst=B),       # 4 flip-flop back to G
            claim(X, X, "10.0.0.2", "10.0.0.2"),                    # 5 gratuitous-wrong-mac
            claim(X, D, "10.0.0.4", "10.0.0.1"),                    # 6 ethernet-arp-mismatch
            claim(D, D, "10.0.0.4", "10.0.0.2", dst=X),             # 7 unicast-request
            claim(B, B, "10.0.0.2", "10.0.0.1", dst=G),             # 8 unicast refresh: normal; .2 back: flip-flop
            claim("02:00:00:00:00:99", "02:00:00:00:00:99", "10.0.0.99", "10.0.0.1"),   # 9 unknown-station
            claim("02:00:00:00:00:98", "02:00:00:00:00:98", "192.168.1.5", "10.0.0.1"), # 10 bogon
            claim(C, C, "10.0.0.3", "10.0.0.1", tag=10),            # 11 bound VLAN: normal
            claim(C, C, "10.0.0.3", "10.0.0.1", tag=20),            # 12 binding-violation (VLAN)
            claim("02:00:00:00:00:97", "02:00:00:00:00:97", "0.0.0.0", "10.0.0.77"),    # 13 unknown-station probe
            claim(B, B, "0.0.0.0", "10.0.0.2"),                     # 14 registered probe: normal
        ] + [claim(Y, Y, "10.0.0.%d" % (100 + i), "10.0.0.1") for i in range(5)]  # 15-19 unknown; 19 mac-multiple-ips
        storm = [claim(Z, Z, "10.0.0.55", "10.0.0.1") for _ in range(60)]        # 20-79: 20 unknown, 70 storm
        part3 = [
            claim(X, X, "10.0.0.1", "10.0.0.2", op=2, dst=B),       # 80 binding-violation + flip-flop (MAC changed)
            claim(X, X, "10.0.0.1", "10.0.0.2", op=2, dst=B),       # 81 repeat: suppressed
            claim(G, G, "10.0.0.1", "10.0.0.2", op=2, dst=B),       # 82 flip-flop
            Ether(src=X, dst=BC, type=0x0806) / raw_arp(hwlen=8),   # 83 malformed
        ]
        wrpcap(OUT, stamp(part1, 1700000000.0) + stamp(storm, 1700000001.0) + stamp(part3, 1700000002.0))
        """

    @Test func plantedCasesRaiseOneEventTypeEach() throws {
        let directory = try TemporaryDirectory(prefix: "jf-watch")
        defer { directory.remove() }
        let path = try PcapFixtures.write("planted.pcap", in: directory, script: Self.plantedScript)
        let read = try watchAll(path, bindings: Self.bindings, subnets: Self.subnets)
        #expect(read.error == nil)
        #expect(read.frames(of: .bindingViolation) == [3, 12, 80])
        #expect(read.frames(of: .flipFlop) == [4, 8, 80, 82])
        #expect(read.frames(of: .gratuitousWrongMAC) == [5])
        #expect(read.frames(of: .ethernetARPMismatch) == [6])
        #expect(read.frames(of: .unicastRequest) == [7])
        #expect(read.frames(of: .unknownStation) == [9, 13, 15, 16, 17, 18, 19, 20])
        #expect(read.frames(of: .bogon) == [10])
        #expect(read.frames(of: .macMultipleIPs) == [19])
        #expect(read.frames(of: .storm) == [70])
        #expect(read.frames(of: .malformed) == [83])
        #expect(Set(read.events.map(\.type)) == Set(ARPEventType.allCases))
        #expect(read.statistics.frames == 83 && read.statistics.arp == 82 && read.statistics.malformed == 1)
        #expect(read.statistics.events == read.events.count)
        #expect(read.statistics.suppressed == 60)

        let violation = try #require(read.events(.bindingViolation).first)
        #expect(violation.ip == ip("10.0.0.1"))
        #expect(violation.mac == mac("02:66:66:66:66:66"))
        #expect(violation.boundMAC == mac("02:00:00:00:00:01"))
        #expect(violation.message.contains("gateway"))
        #expect(violation.time == Date(timeIntervalSince1970: 1_700_000_000.02))
        let vlanViolation = read.events(.bindingViolation)[1]
        #expect(vlanViolation.vlan == 20 && vlanViolation.message.contains("VLAN 10"))
        let mismatch = try #require(read.events(.ethernetARPMismatch).first)
        #expect(mismatch.mac == mac("02:66:66:66:66:66") && mismatch.ip == ip("10.0.0.4"))
        let probe = read.events(.unknownStation)[1]
        #expect(probe.ip == ip("10.0.0.77") && probe.mac == mac("02:00:00:00:00:97"))
        let malformed = try #require(read.events(.malformed).first)
        #expect(malformed.message.contains("hardware address length 8"))
    }

    @Test func reportingEverythingIncludesUnicastRefresh() throws {
        let directory = try TemporaryDirectory(prefix: "jf-watch")
        defer { directory.remove() }
        let path = try PcapFixtures.write("planted.pcap", in: directory, script: Self.plantedScript)
        let read = try watchAll(
            path, bindings: Self.bindings, subnets: Self.subnets, thresholds: ARPThresholds(reportUnicastRefresh: true))
        #expect(read.frames(of: .unicastRequest) == [7, 8])
        // Without subnets nothing is a bogon: the address is only unknown.
        let open = try watchAll(path, bindings: Self.bindings)
        #expect(open.frames(of: .bogon).isEmpty)
        #expect(open.frames(of: .unknownStation).contains(10))
    }

    @Test func aTruncatedFileDeliversEarlierEventsThenFails() throws {
        let directory = try TemporaryDirectory(prefix: "jf-watch")
        defer { directory.remove() }
        for (name, writer) in [("cut.pcap", "wrpcap"), ("cut.pcapng", "wrpcapng")] {
            let path = try PcapFixtures.write(
                name, in: directory,
                script: """
                    G, X = "02:00:00:00:00:01", "02:66:66:66:66:66"
                    frames = [Ether(src=G, dst=BC) / ARP(hwsrc=G, psrc="10.0.0.1", pdst="10.0.0.2"),
                              Ether(src=X, dst=BC) / ARP(hwsrc=X, psrc="10.0.0.1", pdst="10.0.0.2"),
                              Ether(src=G, dst=BC) / ARP(hwsrc=G, psrc="10.0.0.1", pdst="10.0.0.3"),
                              Ether(src=G, dst=BC) / ARP(hwsrc=G, psrc="10.0.0.1", pdst="10.0.0.4")]
                    \(writer)(OUT, stamp(frames))
                    cut(OUT, 10)
                    """)
            let read = try watchAll(path, bindings: Self.bindings)
            #expect(read.frames(of: .bindingViolation) == [2], "\(name)")
            #expect(read.error == .truncated(file: path, afterFrame: 3, detail: read.error?.detail ?? ""), "\(name)")
            #expect(read.error?.description.contains("truncated after frame 3") == true, "\(name)")
            #expect(read.statistics.frames == 3, "\(name)")
        }
    }

    @Test func repeatsExpireAndStateFollowsStationsNotPackets() {
        var watcher = ARPWatcher(bindings: Self.bindings, thresholds: ARPThresholds(repeatWindow: 10))
        var events: [ARPEvent] = []
        let spoof = ARPPacket(
            operation: .reply, senderMAC: mac("02:66:66:66:66:66"), senderIP: ip("10.0.0.2"), targetMAC: .zero,
            targetIP: ip("10.0.0.1"), ethernetSource: mac("02:66:66:66:66:66"), destination: .broadcast)
        // One spoofed reply a second for 100 seconds: one report per 10-second window.
        for second in 0..<100 {
            watcher.observe(
                spoof, frame: second + 1, time: CaptureTimestamp(seconds: Int64(second), nanoseconds: 0)
            ) { events.append($0) }
        }
        #expect(events.map(\.frame) == Array(stride(from: 1, through: 91, by: 10)))
        #expect(watcher.statistics.suppressed == 90)
        // Four bound stations, one extra MAC: nothing grew with the 100 packets.
        #expect(watcher.stationCount.ips == 4 && watcher.stationCount.macs == 5)
    }
}

extension CaptureError {
    var detail: String? {
        if case .truncated(_, _, let detail) = self { return detail }
        return nil
    }
}
