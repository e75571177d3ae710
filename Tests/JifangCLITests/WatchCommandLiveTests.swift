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

        init(_ extraArguments: [String]) throws {
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
                try WatchCommandLiveTests.bindings.write(
                    to: directory.appending("bindings.yaml"), atomically: true, encoding: .utf8)
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

        /// Sends ``WatchCommandLiveTests/spoof`` from inside the namespace.
        func sendSpoof() throws {
            let sender = try namespace.start(
                "python3",
                ["-c", PcapFixtures.program(WatchCommandLiveTests.spoof), "unused-output", namespace.innerInterface])
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

        try live.sendSpoof()
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
        try live.sendSpoof()
        #expect(watch.awaitOutput { $0.contains("binding-violation") } != nil, "the output goes on")

        watch.send(SIGINT)
        let result = watch.wait()
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains { $0.hasSuffix("stopped by SIGINT") }, "the summary comes first")
        #expect(
            result.stderr.contains { $0.contains("1 ARP event, from frame 1 on, could not be written") },
            "\(result.stderr)")
    }
}
