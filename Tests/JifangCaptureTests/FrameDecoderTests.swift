import JifangCapture
import JifangModel
import JifangTesting
import Testing

@Suite struct FrameDecoderTests {
    @Test func ethernetAndVLANTagsAreDecoded() throws {
        let directory = try TemporaryDirectory(prefix: "jf-decode")
        defer { directory.remove() }
        let path = try PcapFixtures.write(
            "vlan.pcap", in: directory,
            script: """
                a = "00:26:0b:31:07:33"
                arp = ARP(op=1, hwsrc=a, psrc="10.0.0.1", pdst="10.0.0.2")
                wrpcap(OUT, stamp([
                    Ether(src=a, dst=BC) / arp,                                               # 1 untagged
                    Ether(src=a, dst=BC) / Dot1Q(vlan=10) / arp,                              # 2 802.1Q
                    Ether(src=a, dst=BC) / Dot1AD(vlan=300) / Dot1Q(vlan=20) / arp,           # 3 QinQ 88a8
                    Ether(src=a, dst=BC, type=0x9100) / Dot1Q(vlan=400) / Dot1Q(vlan=30) / arp,  # 4 QinQ 9100
                    Ether(src=a, dst=BC) / IP(dst="10.0.0.2") / UDP(),                        # 5 not ARP
                    Ether(src=a, dst=BC) / Dot1Q(vlan=1) / Dot1Q(vlan=2) / Dot1Q(vlan=3) / arp,  # 6 three tags
                ]))
                """)
        let read = try decodeAll(path)
        #expect(read.error == nil)
        #expect(read.frames.map(\.number) == [1, 2, 3, 4, 5, 6])
        let plain = try #require(read.frames[0].decoded.arp)
        #expect(plain.senderMAC == mac("00:26:0b:31:07:33"))
        #expect(plain.ethernetSource == plain.senderMAC)
        #expect(plain.senderIP == ip("10.0.0.1"))
        #expect(plain.targetIP == ip("10.0.0.2"))
        #expect(plain.operation == .request)
        #expect(plain.destination == .broadcast)
        #expect(plain.vlan == nil)
        let tagged = try #require(read.frames[1].decoded.arp)
        #expect(tagged.vlan == 10 && tagged.outerVLAN == nil)
        let qinq = try #require(read.frames[2].decoded.arp)
        #expect(qinq.vlan == 20 && qinq.outerVLAN == 300)
        let old = try #require(read.frames[3].decoded.arp)
        #expect(old.vlan == 30 && old.outerVLAN == 400)
        #expect(read.frames[4].decoded == .other(etherType: 0x0800))
        #expect(read.frames[5].decoded.malformedReason == .tooManyVLANTags(3))
    }

    @Test(arguments: ["sll", "sll2"]) func linuxCookedCapturesAreDecoded(version: String) throws {
        let directory = try TemporaryDirectory(prefix: "jf-decode")
        defer { directory.remove() }
        let layer = version == "sll" ? "CookedLinux" : "CookedLinuxV2"
        let path = try PcapFixtures.write(
            "\(version).pcap", in: directory,
            script: """
                a = bytes.fromhex("00260b310733") + bytes(2)
                def cooked(pkttype, payload):
                    return \(layer)(pkttype=pkttype, lladdrtype=1, lladdrlen=6, src=a) / payload
                arp = ARP(op=1, hwsrc="00:26:0b:31:07:33", psrc="10.0.0.1", pdst="10.0.0.2")
                wrpcap(OUT, stamp([
                    cooked(1, arp),                       # 1 broadcast
                    cooked(0, arp),                       # 2 to this host: unicast
                    cooked(4, arp),                       # 3 outgoing: unknown
                    cooked(1, Dot1Q(vlan=42) / arp),      # 4 VLAN tag kept in the payload
                ]))
                """)
        let read = try decodeAll(path)
        #expect(read.error == nil)
        let packets = read.frames.compactMap(\.decoded.arp)
        try #require(packets.count == 4)
        #expect(packets.allSatisfy { $0.ethernetSource == mac("00:26:0b:31:07:33") && $0.ethernetDestination == nil })
        #expect(packets.map(\.destination) == [.broadcast, .unicast, .unknown, .broadcast])
        #expect(packets.map(\.vlan) == [nil, nil, nil, 42])
        #expect(packets.allSatisfy { $0.senderIP == ip("10.0.0.1") })
    }

    @Test func malformedFramesAreReportedAndTheRestIsRead() throws {
        let directory = try TemporaryDirectory(prefix: "jf-decode")
        defer { directory.remove() }
        let path = try PcapFixtures.write(
            "malformed.pcap", in: directory,
            script: """
                a = "00:26:0b:31:07:33"
                good = Ether(src=a, dst=BC) / ARP(op=1, hwsrc=a, psrc="10.0.0.1", pdst="10.0.0.2")
                wrpcap(OUT, stamp([
                    good,                                                        # 1
                    Ether(src=a, dst=BC, type=0x0806) / raw_arp(hwlen=8),        # 2 bad hlen
                    Ether(src=a, dst=BC, type=0x0806) / raw_arp(plen=16),        # 3 bad plen
                    Ether(src=a, dst=BC, type=0x0806) / raw_arp(hwtype=6),       # 4 not Ethernet
                    Ether(src=a, dst=BC, type=0x0806) / raw_arp(ptype=0x86dd),   # 5 not IPv4
                    Ether(src=a, dst=BC, type=0x0806) / Raw(bytes(good[ARP])[:20]),  # 6 truncated
                    Ether(src=a, dst=BC, type=0x0806) / raw_arp(op=9),           # 7 unknown operation
                    Ether(src=a, dst=BC, type=0x0806) / Raw(b"\\x00\\x01"),      # 8 truncated header
                    good,                                                        # 9
                ]))
                """)
        let read = try decodeAll(path)
        #expect(read.error == nil)
        #expect(read.frames.count == 9)
        #expect(read.frames[0].decoded.arp != nil)
        #expect(read.frames[8].decoded.arp != nil)
        #expect(read.frames[1].decoded.malformedReason == .hardwareLength(8))
        #expect(read.frames[2].decoded.malformedReason == .protocolLength(16))
        #expect(read.frames[3].decoded.malformedReason == .hardwareType(6))
        #expect(read.frames[4].decoded.malformedReason == .protocolType(0x86dd))
        #expect(read.frames[5].decoded.malformedReason == .truncated(layer: .arpAddresses, needed: 42, captured: 34))
        #expect(read.frames[6].decoded.malformedReason == .operation(9))
        #expect(read.frames[7].decoded.malformedReason == .truncated(layer: .arpHeader, needed: 22, captured: 16))
        if case .malformed(_, let source, _) = read.frames[1].decoded {
            #expect(source == mac("00:26:0b:31:07:33"))
        }
    }

    @Test func shortAndUnsupportedFramesAreMalformed() {
        #expect(
            FrameDecoder.decode([0, 1, 2], linkType: .ethernet).malformedReason
                == .truncated(layer: .ethernet, needed: 14, captured: 3))
        #expect(
            FrameDecoder.decode([UInt8](repeating: 0, count: 10), linkType: .linuxSLL2).malformedReason
                == .truncated(layer: .linuxCookedV2, needed: 20, captured: 10))
        #expect(
            FrameDecoder.decode([UInt8](repeating: 0, count: 60), linkType: LinkType(rawValue: 105)).malformedReason
                == .unsupportedLinkType(LinkType(rawValue: 105)))
    }

    @Test func probesAnnouncementsAndGratuitousRepliesAreClassified() {
        func packet(_ operation: ARPPacket.Operation, _ sender: String, _ target: String) -> ARPPacket {
            ARPPacket(
                operation: operation, senderMAC: mac("02:00:00:00:00:01"), senderIP: ip(sender),
                targetMAC: .zero, targetIP: ip(target))
        }
        #expect(packet(.request, "0.0.0.0", "10.0.0.5").kind == .probe)
        #expect(packet(.request, "10.0.0.5", "10.0.0.5").kind == .announcement)
        #expect(packet(.reply, "10.0.0.5", "10.0.0.5").kind == .gratuitousReply)
        #expect(packet(.request, "10.0.0.5", "10.0.0.1").kind == .request)
        #expect(packet(.reply, "10.0.0.5", "10.0.0.1").kind == .reply)
        #expect(!packet(.request, "0.0.0.0", "0.0.0.0").isGratuitous)
    }
}
