import JifangCapture
import JifangModel
import JifangTesting
import Testing

/// The fast path for routine frames must report exactly what the full checks report.
@Suite struct ARPWatcherRoutineTests {
    /// Twenty bound stations (two on VLAN 10) and a seeded mix of what a LAN carries: routine
    /// requests and replies, tagged and untagged, then every kind of frame that must leave the
    /// fast path (spoofed and gratuitous claims, wrong VLAN, unicast requests, Ethernet/ARP
    /// mismatch, QinQ, probes, unknown stations), a storm from a bound station and time jumps
    /// past the repeat window.
    static let script = """
        import random
        random.seed(3405)
        MACS = ["02:00:00:00:00:%02x" % (i + 1) for i in range(20)]
        IPS = ["10.0.0.%d" % (i + 1) for i in range(20)]
        X = "02:66:66:66:66:66"
        def arp(src, sha, spa, pdst, op=1, dst=BC, tags=()):
            frame = Ether(src=src, dst=dst)
            for i, tag in enumerate(tags):
                frame = frame / (Dot1AD(vlan=tag) if len(tags) == 2 and i == 0 else Dot1Q(vlan=tag))
            return frame / ARP(op=op, hwsrc=sha, psrc=spa, pdst=pdst, hwdst="00:00:00:00:00:00" if op == 1 else dst)
        frames = []
        for n in range(3000):
            s = random.randrange(20)
            t = random.randrange(20)
            tags = (10,) if s < 2 else ()
            kind = random.randrange(100)
            if kind < 70:
                frames.append(arp(MACS[s], MACS[s], IPS[s], IPS[t], tags=tags))
            elif kind < 85:
                frames.append(arp(MACS[s], MACS[s], IPS[s], IPS[t], op=2, dst=MACS[t], tags=tags))
            elif kind < 88:
                frames.append(arp(X, X, IPS[s], IPS[t], op=2, dst=MACS[t]))
            elif kind < 89:
                frames.append(arp(X, X, IPS[s], IPS[s]))
            elif kind < 91:
                frames.append(arp(MACS[s], MACS[s], IPS[s], IPS[t], tags=(20,)))
            elif kind < 93:
                # A cache refresh (at the target's own MAC) is normal; at another MAC it is reported.
                frames.append(arp(MACS[s], MACS[s], IPS[s], IPS[t], dst=MACS[t if kind < 92 else (t + 1) % 20], tags=tags))
            elif kind < 94:
                frames.append(arp(X, MACS[s], IPS[s], IPS[t], tags=tags))
            elif kind < 96:
                frames.append(arp(MACS[s], MACS[s], IPS[s], IPS[t], tags=(100, 10) if s < 2 else (100, 30)))
            elif kind < 97:
                frames.append(arp(MACS[s], MACS[s], "0.0.0.0", IPS[t]))
            elif kind < 98:
                frames.append(arp(MACS[s], MACS[s], IPS[s], IPS[t], dst="01:00:5e:00:00:01", tags=tags))
            else:
                frames.append(arp("02:77:00:00:00:%02x" % t, "02:77:00:00:00:%02x" % t, "10.0.0.%d" % (100 + t), IPS[s]))
        storm = [arp(MACS[4], MACS[4], IPS[4], IPS[t % 20]) for t in range(80)]
        later = [arp(MACS[s % 20], MACS[s % 20], IPS[s % 20], IPS[0], tags=(10,) if s % 20 < 2 else ()) for s in range(200)]
        wrpcap(OUT, stamp(frames, 1700000000.0, 0.05) + stamp(storm, 1700000200.0, 0.001)
               + stamp(frames[:500], 1700000400.0, 0.05) + stamp(later, 1700001000.0, 0.5))
        """

    @Test func routineFramesGiveTheEventsOfTheFullChecks() throws {
        let directory = try TemporaryDirectory(prefix: "jf-routine")
        defer { directory.remove() }
        let path = try PcapFixtures.write("mix.pcap", in: directory, script: Self.script)
        let bindings = (1...20).map { station in
            AddressBinding(
                ip: IPv4Address(rawValue: 0x0A00_0000 + UInt32(station)),
                mac: MACAddress(rawValue: 0x0200_0000_0000 + UInt64(station)), vlan: station <= 2 ? 10 : nil)
        }
        let subnets = [IPv4Subnet("10.0.0.0/24")!]

        var fast = ARPWatcher(bindings: bindings, subnets: subnets)
        var fastEvents: [ARPEvent] = []
        try fast.watch(try PacketSource(file: path)) { fastEvents.append($0) }

        var full = ARPWatcher(bindings: bindings, subnets: subnets)
        var fullEvents: [ARPEvent] = []
        try PacketSource(file: path).readFrames { frame in
            full.observe(
                FrameDecoder.decode(frame.bytes, linkType: frame.linkType), frame: frame.number,
                time: frame.timestamp, emit: { fullEvents.append($0) })
        }

        #expect(fast.statistics == full.statistics)
        #expect(fast.statistics.frames == 3_780)
        #expect(fastEvents.count == fullEvents.count)
        if let first = fastEvents.indices.first(where: { $0 < fullEvents.count && fastEvents[$0] != fullEvents[$0] }) {
            Issue.record("event \(first + 1) differs: \(fastEvents[first]) against \(fullEvents[first])")
        }
        // The mix reaches every check the fast path must leave to the full ones.
        let types = Set(fastEvents.map(\.type))
        for type in [
            ARPEventType.bindingViolation, .flipFlop, .gratuitousWrongMAC, .ethernetARPMismatch, .unicastRequest,
            .unknownStation, .storm,
        ] {
            #expect(types.contains(type), "no \(type.rawValue) event in the mix")
        }
        // The storm comes from a bound station sending routine requests.
        #expect(fastEvents.contains { $0.type == .storm && $0.mac == bindings[4].mac })
    }
}
