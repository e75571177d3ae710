import Foundation
import JifangTesting
import Testing

/// Port shutdown and release against snmpsim serving a writable ifAdminStatus (`writecache`).
@Suite(.serialized)
struct EnforcementCommandTests {
    /// A switch whose port 3 (bridge port 1) holds only the attacker and whose port 24 is an
    /// uplink with five MACs; ifAdminStatus of both is writable.
    static let recording = """
        1.3.6.1.2.1.1.1.0|4|Jifang test access switch
        1.3.6.1.2.1.1.3.0|67|12345
        1.3.6.1.2.1.2.2.1.7.3|2:writecache|value=1
        1.3.6.1.2.1.2.2.1.7.24|2:writecache|value=1
        1.3.6.1.2.1.17.1.4.1.2.1|2|3
        1.3.6.1.2.1.17.1.4.1.2.2|2|24
        1.3.6.1.2.1.17.4.3.1.2.0.38.11.49.7.51|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.2|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.80|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.81|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.82|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.102.102.102.102.102|2|1
        1.3.6.1.2.1.31.1.1.1.1.3|4|GigabitEthernet0/0/3
        1.3.6.1.2.1.31.1.1.1.1.24|4|GigabitEthernet0/0/24

        """

    static let community = "jifang-bindings-access-switch"

    struct Site {
        let directory: TemporaryDirectory
        let simulator: SNMPSimulator
        let jifang: CommandRunner
        let pcap: String

        static func start(enforce: Bool) async throws -> Site {
            let directory = try TemporaryDirectory()
            let recording = directory.appending("\(community).snmprec")
            try EnforcementCommandTests.recording.write(to: recording, atomically: true, encoding: .utf8)
            let port = LoopbackPort.freeUDP()
            let simulator = try await SNMPSimulator.start(
                recordings: [recording], endpoints: [.init(host: "127.0.0.1", port: port)])
            try """
            units: [{ id: "330102", name: 县中心, level: county }]
            devices:
              - { name: sw1, address: 127.0.0.1, port: \(port), community: \(community), kind: switch,
                  unit: "330102" }
            bindings:
              - { ip: 172.16.0.1, mac: "00:26:0b:31:07:33", unit: "330102" }
              - { ip: 172.16.0.2, mac: "02:00:00:00:00:02", unit: "330102" }
            """.write(to: directory.appending("site.yaml"), atomically: true, encoding: .utf8)
            let policies = directory.appending("Policies")
            try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
            try "mode: alert\nenforce: \(enforce)\nuplinkMACs: 4\nunits: { \"330102\": { mode: shutdown } }\n"
                .write(to: policies.appendingPathComponent("bindings.yaml"), atomically: true, encoding: .utf8)
            let pcap = try PcapFixtures.write(
                "spoof.pcap", in: directory,
                script: """
                    EVIL = "02:66:66:66:66:66"
                    f = [Ether(src="00:26:0b:31:07:33", dst=BC)/ARP(op=1, hwsrc="00:26:0b:31:07:33", psrc="172.16.0.1",
                         pdst="172.16.0.2"),
                         Ether(src=EVIL, dst="02:00:00:00:00:02")/ARP(op=2, hwsrc=EVIL, psrc="172.16.0.1",
                         hwdst="02:00:00:00:00:02", pdst="172.16.0.2"),
                         Ether(src=EVIL, dst=BC)/ARP(op=1, hwsrc=EVIL, psrc="172.16.0.2", pdst="172.16.0.2")]
                    wrpcap(OUT, stamp(f))
                    """)
            let jifang = CommandRunner(
                executable: PackagePaths.executable("jifang"), environment: ["USER": "admin"],
                workingDirectory: directory.url)
            return Site(directory: directory, simulator: simulator, jifang: jifang, pcap: pcap)
        }

        func status(_ ifIndex: Int) async throws -> String {
            try await simulator.get("1.3.6.1.2.1.2.2.1.7.\(ifIndex)", community: community)
        }

        func run(_ arguments: [String]) throws -> CommandRunner.Output {
            try jifang.run(
                arguments + ["--inventory", "site.yaml", "--policies", "Policies", "--database", "j.sqlite"])
        }

        /// Commands that read only the store.
        func query(_ arguments: [String]) throws -> CommandRunner.Output {
            try jifang.run(arguments + ["--database", "j.sqlite"])
        }

        func stop() {
            simulator.stop()
            directory.remove()
        }
    }

    @Test func shutdownSetsTheAccessPortDownAndReleaseRestoresIt() async throws {
        let site = try await Site.start(enforce: true)
        defer { site.stop() }
        #expect(try await site.status(3) == "1")
        let watch = try site.run(["watch", "--pcap", site.pcap, "--enforce", "--format", "json"])
        #expect(watch.status == 0, "\(watch)")
        let lines = watch.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(watch)")
        #expect(lines.first?.contains(#""type":"binding-violation""#) == true)
        #expect(lines.allSatisfy { $0.contains(#""switch":"sw1","port":"GigabitEthernet0/0/3""#) }, "\(watch)")
        #expect(try await site.status(3) == "2", "the access port is down")
        #expect(try await site.status(24) == "1", "the uplink is never touched")

        let list = try site.query(["bindings", "list", "--ports"])
        #expect(list.stdout.contains("sw1 GigabitEthernet0/0/3") && list.stdout.contains("shutdown"), "\(list)")
        let release = try site.run(["bindings", "release", "--all"])
        #expect(release.status == 0, "\(release)")
        #expect(try await site.status(3) == "1", "release restores the port")
        #expect(try site.query(["bindings", "list", "--ports"]).stdout.contains("No port actions"))
        let log = try Command.run(
            "sqlite3", [site.directory.appending("j.sqlite").path, "SELECT type FROM events ORDER BY id"])
        for type in ["binding-violation", "gratuitous-wrong-mac", "port-shutdown", "port-released"] {
            #expect(log.contains(type), "duty log lacks \(type): \(log)")
        }
    }

    @Test func withoutEnforceItIsADryRun() async throws {
        let site = try await Site.start(enforce: false)
        defer { site.stop() }
        let watch = try site.run(["watch", "--pcap", site.pcap, "--enforce"])
        #expect(watch.status == 0, "\(watch)")
        #expect(watch.stderr.contains("would shut down (dry run): sw1 GigabitEthernet0/0/3"), "\(watch)")
        #expect(try await site.status(3) == "1")
        let all = try site.query(["bindings", "list", "--ports", "--all", "--format", "json"])
        #expect(all.stdout.contains("\"dry-run\""), "\(all)")
    }
}
