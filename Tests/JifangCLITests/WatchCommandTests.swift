import Foundation
import JifangTesting
import Testing

/// `jifang watch` and `jifang bindings` end to end: the built binary on planted captures.
@Suite(.serialized)
struct WatchCommandTests {
    static let bindings = """
        bindings:
          - ip: 172.16.0.1
            mac: "00:26:0b:31:07:33"
          - { ip: 172.16.0.2, mac: 0200.0000.0002, unit: "330102" }
        """

    /// One frame per event type, numbered as Wireshark shows them.
    static let planted = """
        REAL1 = "00:26:0b:31:07:33"; REAL2 = "02:00:00:00:00:02"; EVIL = "02:66:66:66:66:66"
        f = [
         Ether(src=REAL1, dst=BC)/ARP(op=1, hwsrc=REAL1, psrc="172.16.0.1", pdst="172.16.0.2"),
         Ether(src=EVIL, dst=REAL2)/ARP(op=2, hwsrc=EVIL, psrc="172.16.0.1", hwdst=REAL2, pdst="172.16.0.2"),
         Ether(src=REAL1, dst=BC)/ARP(op=1, hwsrc=REAL1, psrc="172.16.0.1", pdst="172.16.0.2"),
         Ether(src="02:00:00:00:00:50", dst=BC)/ARP(op=1, hwsrc="02:00:00:00:00:50", psrc="172.16.0.50", pdst="172.16.0.1"),
         Ether(src="02:00:00:00:00:99", dst=BC)/ARP(op=1, hwsrc=REAL2, psrc="172.16.0.2", pdst="172.16.0.1"),
         Ether(src=REAL2, dst="02:00:00:00:00:77")/ARP(op=1, hwsrc=REAL2, psrc="172.16.0.2", pdst="172.16.0.1"),
         Ether(src=EVIL, dst=BC)/ARP(op=1, hwsrc=EVIL, psrc="172.16.0.2", pdst="172.16.0.2"),
         Ether(src="02:00:00:00:00:51", dst=BC)/ARP(op=1, hwsrc="02:00:00:00:00:51", psrc="10.9.9.9", pdst="172.16.0.1"),
         Ether(src="02:00:00:00:00:52", dst=BC, type=0x0806)/raw_arp(hwtype=6),
        ]
        f += [Ether(src="02:00:00:00:00:60", dst=BC)/ARP(op=1, hwsrc="02:00:00:00:00:60", psrc="172.16.0.%d" % (101 + i),
              pdst="172.16.0.1") for i in range(5)]
        f += [Ether(src="02:00:00:00:00:70", dst=BC)/ARP(op=1, hwsrc="02:00:00:00:00:70", psrc="172.16.0.200",
              pdst="172.16.0.1") for i in range(60)]
        wrpcap(OUT, stamp(f))
        """

    static let expected: [(type: String, frame: Int)] = [
        ("binding-violation", 2), ("flip-flop", 3), ("unknown-station", 4), ("ethernet-arp-mismatch", 5),
        ("unicast-request", 6), ("gratuitous-wrong-mac", 7), ("bogon", 8), ("malformed", 9),
        ("unknown-station", 10), ("unknown-station", 11), ("unknown-station", 12), ("unknown-station", 13),
        ("unknown-station", 14), ("mac-multiple-ips", 14), ("unknown-station", 15), ("storm", 65),
    ]

    static func lines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func watchPcapReportsEveryEventTypeWithItsFrame() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pcap = try PcapFixtures.write("planted.pcap", in: directory, script: Self.planted)
        try Self.bindings.write(to: directory.appending("bindings.yaml"), atomically: true, encoding: .utf8)
        let jifang = CommandRunner(executable: PackagePaths.executable("jifang"), workingDirectory: directory.url)
        let output = try jifang.run([
            "watch", "--pcap", pcap, "--bindings", "bindings.yaml", "--subnet", "172.16.0.0/24", "--format", "json",
            "--database", directory.appending("j.sqlite").path,
        ])
        #expect(output.status == 0, "\(output)")
        let events = try Self.lines(output.stdout)
        #expect(events.map { $0["type"] as? String ?? "?" } == Self.expected.map(\.type))
        #expect(events.map { $0["frame"] as? Int ?? -1 } == Self.expected.map(\.frame))
        for key in ["time", "type", "ip", "mac", "boundMac", "vlan", "frame", "switch", "port", "message"] {
            #expect(events.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
        }
        #expect(events[0]["ip"] as? String == "172.16.0.1" && events[0]["mac"] as? String == "02:66:66:66:66:66")
        #expect(events[0]["boundMac"] as? String == "00:26:0b:31:07:33")
        #expect(output.stderr.contains("74 frames, 73 ARP, 1 malformed, 16 events"))

        // The events reached the duty log: text output of the stored register is empty, but sqlite has them.
        let count = try Command.run(
            "sqlite3",
            [directory.appending("j.sqlite").path, "SELECT count(*) FROM arp_events WHERE frame IS NOT NULL"])
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "16")
    }

    @Test func badBindingsFileNamesFileLineAndField() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "bindings:\n  - ip: 172.16.0.1\n    mac: 00:26:0b:31:07\n".write(
            to: directory.appending("b.yaml"), atomically: true, encoding: .utf8)
        try "ip,mac\n172.16.0.1,00:26:0b:31:07:33\n172.16.0.2,xx\n".write(
            to: directory.appending("b.csv"), atomically: true, encoding: .utf8)
        let jifang = CommandRunner(executable: PackagePaths.executable("jifang"), workingDirectory: directory.url)
        let yaml = try jifang.run(["watch", "--pcap", "none.pcap", "--bindings", "b.yaml", "--no-store"])
        #expect(yaml.status != 0 && yaml.stderr.contains("b.yaml:3: bindings[0].mac: \"00:26:0b:31:07\" is not a MAC"))
        let csv = try jifang.run(["bindings", "import", "b.csv", "--database", "j.sqlite"])
        #expect(csv.status != 0 && csv.stderr.contains("b.csv:3: mac: \"xx\" is not a MAC address"), "\(csv)")
    }

    @Test func learnAndApproveFromACapture() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // 172.16.0.9 held by one MAC for an hour; 172.16.0.10 claimed by two MACs.
        let pcap = try PcapFixtures.write(
            "learn.pcap", in: directory,
            script: """
                f = [Ether(src="02:00:00:00:00:09", dst=BC)/ARP(op=1, hwsrc="02:00:00:00:00:09", psrc="172.16.0.9",
                     pdst="172.16.0.1") for i in range(7)]
                f += [Ether(src=m, dst=BC)/ARP(op=1, hwsrc=m, psrc="172.16.0.10", pdst="172.16.0.1")
                      for m in ["02:00:00:00:00:0a", "02:00:00:00:00:0b"]]
                wrpcap(OUT, stamp(f, step=600))
                """)
        let jifang = CommandRunner(
            executable: PackagePaths.executable("jifang"), environment: ["USER": "admin"],
            workingDirectory: directory.url)
        let database = ["--database", directory.appending("j.sqlite").path]
        let learn = try jifang.run(
            ["bindings", "learn", "--pcap", pcap, "--stable", "1", "--format", "json"] + database)
        #expect(learn.status == 0, "\(learn)")
        let proposals = try #require(
            try JSONSerialization.jsonObject(with: Data(learn.stdout.utf8)) as? [[String: Any]])
        #expect(proposals.count == 1)
        let pair = try #require(proposals.first?["pair"] as? [String: Any])
        #expect(pair["ip"] as? String == "172.16.0.9" && pair["mac"] as? String == "02:00:00:00:00:09")
        let id = try #require(proposals.first?["id"] as? Int)
        let approve = try jifang.run(["bindings", "approve", String(id), "--unit", "330102"] + database)
        #expect(approve.status == 0 && approve.stdout.contains("bound 172.16.0.9 → 02:00:00:00:00:09"), "\(approve)")
        let list = try jifang.run(["bindings", "list", "--format", "json"] + database)
        #expect(list.stdout.contains("\"172.16.0.9\"") && list.stdout.contains("\"330102\""))
        let history = try jifang.run(["bindings", "list", "--history"] + database)
        #expect(history.stdout.contains("learned") && history.stdout.contains("admin"), "\(history)")
    }
}
