import Foundation
import JifangCapture
import JifangModel
import JifangTesting
import Testing

/// Captures on the host end of a veth pair while scapy sends from inside a network namespace.
@Suite struct LiveCaptureTests {
    @Test func arpSentInANamespaceIsCapturedWithItsVLANs() throws {
        let namespace: NetworkNamespace
        do {
            namespace = try NetworkNamespace()
        } catch {
            try Test.cancel("network namespaces are not permitted here (ip netns add failed: \(error))")
        }
        defer { namespace.remove() }

        let source = try PacketSource(interface: namespace.hostInterface)
        #expect(source.linkType == .ethernet && !source.isFile)
        let sender = try namespace.start(
            "python3",
            [
                "-c",
                PcapFixtures.program(
                    """
                    G, X = "02:00:00:00:00:01", "02:66:66:66:66:66"
                    def claim(mac, tags=()):
                        frame = Ether(src=mac, dst=BC)
                        for outer in tags:
                            frame = frame / outer
                        return frame / ARP(op=2, hwsrc=mac, psrc="10.0.0.1", pdst="10.0.0.2")
                    sendp([
                        Ether(src=G, dst=BC) / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(),  # filtered out
                        claim(G),
                        claim(X),
                        claim(G, [Dot1Q(vlan=10)]),
                        claim(G, [Dot1AD(vlan=300), Dot1Q(vlan=20)]),
                    ], iface=sys.argv[2], verbose=False)
                    """),
                "unused-output", namespace.innerInterface,
            ])

        var packets: [ARPPacket] = []
        var others = 0
        var events: [ARPEvent] = []
        var watcher = ARPWatcher(bindings: [AddressBinding(ip: ip("10.0.0.1"), mac: mac("02:00:00:00:00:01"))])
        try source.readFrames(until: .now + .seconds(20)) { frame in
            let decoded = FrameDecoder.decode(frame.bytes, linkType: frame.linkType)
            if let packet = decoded.arp { packets.append(packet) } else { others += 1 }
            watcher.observe(decoded, frame: frame.number, time: frame.timestamp) { events.append($0) }
            if packets.count == 4 { source.stop() }
        }
        _ = try sender.wait()

        #expect(others == 0, "the ARP filter lets only ARP through")
        let (g, x) = (mac("02:00:00:00:00:01"), mac("02:66:66:66:66:66"))
        #expect(packets.map(\.senderMAC) == [g, x, g, g])
        #expect(packets.map(\.vlan) == [nil, nil, 10, 20])
        #expect(packets.map(\.outerVLAN) == [nil, nil, nil, 300])
        #expect(events.filter { $0.type == .bindingViolation }.map(\.frame) == [2])
    }
}
