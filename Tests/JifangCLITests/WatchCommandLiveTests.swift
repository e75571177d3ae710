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

    static func namespace() throws -> NetworkNamespace {
        do {
            return try NetworkNamespace()
        } catch {
            try Test.cancel("network namespaces are not permitted here (ip netns add failed: \(error))")
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalEndsTheCaptureWithItsSummaryAndEverythingStored(signal: Int32) throws {
        let namespace = try Self.namespace()
        defer { namespace.remove() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.bindings.write(to: directory.appending("bindings.yaml"), atomically: true, encoding: .utf8)
        let database = directory.appending("j.sqlite").path

        let watch = try RunningProgram(
            PackagePaths.executable("jifang"),
            [
                "watch", "--interface", namespace.hostInterface, "--bindings", "bindings.yaml", "--format", "json",
                "--database", database,
            ],
            workingDirectory: directory.url)
        let ready = watch.awaitError { $0.contains("capturing on \(namespace.hostInterface)") }
        #expect(ready != nil, "jifang watch did not start capturing")

        let sender = try namespace.start(
            "python3", ["-c", PcapFixtures.program(Self.spoof), "unused-output", namespace.innerInterface])
        _ = try sender.wait()
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
            "sqlite3", [database, "SELECT type || ' ' || mac FROM arp_events"])
        #expect(stored.contains("binding-violation 02:66:66:66:66:66"), "\(stored)")
    }

    @Test func eventsTheStoreRefusesAreReportedAndTheExitStatusIsNonZero() throws {
        let namespace = try Self.namespace()
        defer { namespace.remove() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.bindings.write(to: directory.appending("bindings.yaml"), atomically: true, encoding: .utf8)
        let database = directory.appending("j.sqlite").path

        let watch = try RunningProgram(
            PackagePaths.executable("jifang"),
            ["watch", "--interface", namespace.hostInterface, "--bindings", "bindings.yaml", "--database", database],
            workingDirectory: directory.url)
        #expect(watch.awaitError { $0.contains("capturing on") } != nil, "jifang watch did not start capturing")
        // The store breaks under the running watch: its ARP event table is gone.
        try Command.run("sqlite3", [database, "ALTER TABLE arp_events RENAME TO arp_events_away"])
        let sender = try namespace.start(
            "python3", ["-c", PcapFixtures.program(Self.spoof), "unused-output", namespace.innerInterface])
        _ = try sender.wait()
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
