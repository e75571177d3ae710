import Foundation
import JifangTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A live `jifang watch --interface` on the host end of a veth pair, scapy sending from inside
/// a network namespace, stopped by a signal as Ctrl-C would.
@Suite(.serialized)
struct WatchCommandLiveTests {
    static let bindings = """
        bindings:
          - ip: 10.0.0.1
            mac: "02:00:00:00:00:01"
        """

    /// Sends one ARP reply claiming 10.0.0.1 from the wrong MAC: a binding violation.
    static let spoof = """
        EVIL = "02:66:66:66:66:66"
        sendp([Ether(src=EVIL, dst=BC) / ARP(op=2, hwsrc=EVIL, psrc="10.0.0.1", pdst="10.0.0.2")],
              iface=sys.argv[2], verbose=False)
        """

    /// A namespace, a working directory with the bindings, and `jifang watch` capturing on the
    /// host end of the veth pair with a store; removed by ``remove()``.
    struct LiveWatch {
        let namespace: NetworkNamespace
        let directory: TemporaryDirectory
        let database: String
        let watch: RunningProgram

        /// - Parameter files: written into the working directory before the watch starts, by
        ///   relative path.
        init(_ extraArguments: [String], files: [String: String] = [:]) throws {
            do {
                namespace = try NetworkNamespace()
            } catch {
                try Test.cancel("network namespaces are not permitted here (ip netns add failed: \(error))")
            }
            // Whatever was made is removed again when a later step fails.
            var made: TemporaryDirectory?
            do {
                let directory = try TemporaryDirectory()
                made = directory
                for (path, text) in files.merging(
                    ["bindings.yaml": WatchCommandLiveTests.bindings], uniquingKeysWith: { a, _ in a })
                {
                    let file = directory.appending(path)
                    try FileManager.default.createDirectory(
                        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try text.write(to: file, atomically: true, encoding: .utf8)
                }
                self.directory = directory
                database = directory.appending("j.sqlite").path
                watch = try RunningProgram(
                    PackagePaths.executable("jifang"),
                    ["watch", "--interface", namespace.hostInterface, "--bindings", "bindings.yaml"] + extraArguments
                        + ["--database", database],
                    workingDirectory: directory.url)
            } catch {
                made?.remove()
                namespace.remove()
                throw error
            }
        }

        /// Waits until the watch says it is capturing.
        func awaitCapturing() -> Bool {
            watch.awaitError { $0.contains("capturing on \(namespace.hostInterface)") } != nil
        }

        /// Sends the frames of a scapy `script` (``WatchCommandLiveTests/spoof`` by default) from
        /// inside the namespace; `sys.argv[2]` is the interface.
        func send(_ script: String = WatchCommandLiveTests.spoof) throws {
            let sender = try namespace.start(
                "python3", ["-c", PcapFixtures.program(script), "unused-output", namespace.innerInterface])
            _ = try sender.wait()
        }

        func remove() {
            directory.remove()
            namespace.remove()
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalEndsTheCaptureWithItsSummaryAndEverythingStored(signal: Int32) throws {
        let live = try LiveWatch(["--format", "json"])
        defer { live.remove() }
        let watch = live.watch
        #expect(live.awaitCapturing(), "jifang watch did not start capturing")

        try live.send()
        let line = watch.awaitOutput { $0.contains(#""type":"binding-violation""#) }
        #expect(line?.contains(#""mac":"02:66:66:66:66:66""#) == true, "\(watch.outputLines)")

        watch.send(signal)
        let result = watch.wait()
        #expect(result.status == 0, "\(result)")
        let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
        #expect(
            result.stderr.contains { $0.contains("1 events") && $0.hasSuffix("stopped by \(name)") },
            "\(result.stderr)")

        let stored = try Command.run(
            "sqlite3", [live.database, "SELECT type || ' ' || mac FROM arp_events"])
        #expect(stored.contains("binding-violation 02:66:66:66:66:66"), "\(stored)")
    }

    @Test func eventsTheStoreRefusesAreReportedAndTheExitStatusIsNonZero() throws {
        let live = try LiveWatch([])
        defer { live.remove() }
        let watch = live.watch
        #expect(live.awaitCapturing(), "jifang watch did not start capturing")
        // The store breaks under the running watch: its ARP event table is gone.
        try Command.run("sqlite3", [live.database, "ALTER TABLE arp_events RENAME TO arp_events_away"])
        try live.send()
        #expect(watch.awaitOutput { $0.contains("binding-violation") } != nil, "the output goes on")

        watch.send(SIGINT)
        let result = watch.wait()
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains { $0.hasSuffix("stopped by SIGINT") }, "the summary comes first")
        #expect(
            result.stderr.contains { $0.contains("1 ARP event, from frame 1 on, could not be written") },
            "\(result.stderr)")
    }

    /// A switch whose bridge port 1 is access port 3 and port 2 the uplink 24, with five MACs;
    /// the spoofer's MAC is learned on the uplink until the test moves it (`writecache`).
    static let switchRecording = """
        1.3.6.1.2.1.1.1.0|4|Jifang test access switch
        1.3.6.1.2.1.1.3.0|67|12345
        1.3.6.1.2.1.17.1.4.1.2.1|2|3
        1.3.6.1.2.1.17.1.4.1.2.2|2|24
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.80|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.81|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.82|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.0.0.0.0.83|2|2
        1.3.6.1.2.1.17.4.3.1.2.2.102.102.102.102.102|2:writecache|value=2
        1.3.6.1.2.1.31.1.1.1.1.3|4|GigabitEthernet0/0/3
        1.3.6.1.2.1.31.1.1.1.1.24|4|GigabitEthernet0/0/24

        """

    /// The owner claims 10.0.0.1 back, then the spoofer claims it again: a change of MAC, so the
    /// second violation is reported however recent the first.
    static let spoofAgain = """
        OWNER = "02:00:00:00:00:01"
        EVIL = "02:66:66:66:66:66"
        sendp([Ether(src=OWNER, dst=BC) / ARP(op=2, hwsrc=OWNER, psrc="10.0.0.1", pdst="10.0.0.2"),
               Ether(src=EVIL, dst=BC) / ARP(op=2, hwsrc=EVIL, psrc="10.0.0.1", pdst="10.0.0.2")],
              iface=sys.argv[2], verbose=False)
        """

    /// A live `--locate` reads the switch's forwarding table at start; the spoofer is then only
    /// seen on the uplink, so its first event has no port. Once it is learned on an access port
    /// and the table is older than the policy's 30 s for a MAC not found, the next event reads the
    /// table again and names the port: a watch running for days follows stations that move.
    @Test func aLiveLocateFollowsAMACThatMovesToAnAccessPort() async throws {
        let community = "jifang-live-locate-switch"
        let recordings = try TemporaryDirectory()
        defer { recordings.remove() }
        let recording = recordings.appending("\(community).snmprec")
        try Self.switchRecording.write(to: recording, atomically: true, encoding: .utf8)
        let simulator = try await SNMPSimulator.start(
            recordings: [recording], endpoints: [.init(host: "127.0.0.1", port: LoopbackPort.freeUDP())])
        defer { simulator.stop() }
        let site = """
            devices:
              - { name: sw1, address: 127.0.0.1, port: \(simulator.endpoint.port), community: \(community),
                  kind: switch }
            """
        let live = try LiveWatch(
            ["--locate", "--format", "json", "--inventory", "site.yaml", "--policies", "Policies"],
            files: ["site.yaml": site, "Policies/bindings.yaml": "uplinkMACs: 4\nforwardingRefreshSeconds: 600\n"])
        defer { live.remove() }
        let watch = live.watch
        #expect(live.awaitCapturing(), "jifang watch did not start capturing")

        try live.send()
        let first = watch.awaitOutput { $0.contains(#""type":"binding-violation""#) }
        #expect(first?.contains(#""switch":null,"port":null"#) == true, "only on the uplink: \(watch.outputLines)")

        // The spoofer is learned on access port 3; the watch's table is read again only once it
        // is 30 s old (the least interval between reads for MACs not found).
        try await simulator.set("1.3.6.1.2.1.17.4.3.1.2.2.102.102.102.102.102", integer: 1, community: community)
        try await Task.sleep(for: .seconds(31))
        try live.send(Self.spoofAgain)
        let located = watch.awaitOutput {
            $0.contains(#""type":"binding-violation""#) && $0.contains("GigabitEthernet0/0/3")
        }
        #expect(
            located?.contains(#""mac":"02:66:66:66:66:66""#) == true && located?.contains(#""switch":"sw1""#) == true,
            "\(watch.outputLines)")

        watch.send(SIGINT)
        let result = watch.wait()
        #expect(result.status == 0, "\(result)")
    }
}
