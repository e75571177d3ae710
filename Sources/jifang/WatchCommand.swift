import ArgumentParser
import Foundation
import JifangAgents
import JifangCapture
import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore

/// `jifang watch`: ARP watch against the binding register, from an interface or a capture file.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch ARP traffic for IP/MAC binding violations (Art. 34, 109).",
        discussion: """
            Reads a live interface (--interface, needs capture permission) or a pcap/pcapng file (--pcap) \
            and reports binding-violation, unknown-station, flip-flop, mac-multiple-ips, ethernet-arp-mismatch, \
            unicast-request, gratuitous-wrong-mac, bogon, storm and malformed events. With --format json each \
            event is one line: time, type, ip, mac, boundMac, vlan, frame (1-based in the file), switch, port, \
            message. A live capture runs until --duration or until SIGINT (Ctrl-C) or SIGTERM, and then \
            finishes like a file: every event written and stored, the summary printed, exit status 0. Events are written to the duty log unless --no-store. The register comes from --bindings \
            (YAML or CSV), else the store's register, else the inventory's bindings.
            """
    )

    @Option(name: .long, help: "Capture live from this interface.")
    var interface: String?

    @Option(name: .long, help: "Read this pcap or pcapng file.")
    var pcap: String?

    @Option(name: .long, help: "The binding register to judge against (YAML or CSV).")
    var bindings: String?

    @Option(name: .long, parsing: .upToNextOption, help: "The unit's subnets (CIDR), for bogon detection.")
    var subnet: [String] = []

    @Option(name: .long, help: "Stop a live capture after this many seconds.")
    var duration: Double?

    @Flag(name: .long, help: "Find each offender's switch port from the inventory's forwarding tables (SNMP).")
    var locate = false

    @Flag(
        name: .long, help: "Apply Policies/bindings.yaml: shut access ports down where it says so (implies --locate).")
    var enforce = false

    @Flag(name: .long, help: "With --enforce, only print and log what would be done.")
    var dryRun = false

    @Flag(name: .long, help: "Also record the IP-MAC pairs seen, for `jifang bindings learn`.")
    var learn = false

    @Flag(name: .long, help: "Do not write events to the store.")
    var noStore = false

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard (interface == nil) != (pcap == nil) else {
            throw ValidationError("give exactly one of --interface IF or --pcap FILE")
        }
        if noStore && learn { throw ValidationError("--learn records pairs in the store; drop --no-store") }
    }

    func run() async throws {
        let store = noStore ? nil : try Store(path: storeOptions.path)
        let entries = try ARPWatchRun.register(
            bindings: bindings, store: store, inventoryPath: config.inventoryIfPresent)
        var subnets: [IPv4Subnet] = []
        for text in subnet {
            guard let parsed = IPv4Subnet(text) else {
                throw ValidationError("\(text) is not a subnet such as 10.0.0.0/16")
            }
            subnets.append(parsed)
        }
        let source: PacketSource
        if let pcap {
            source = try PacketSource(file: pcap)
        } else {
            source = try PacketSource(
                interface: interface!, options: LiveCaptureOptions(filter: PacketSource.arpFilter))
        }
        // Ctrl-C or SIGTERM ends a live capture like --duration does: output, store and summary complete.
        let interruption = source.isFile ? nil : CaptureInterruption(source)
        // The inventory and policies are looked for only when locating: a plain watch needs neither.
        let enforcement =
            locate || enforce
            ? try await Enforcement.prepare(
                locate: true, enforce: enforce, dryRun: dryRun, inventoryPath: try config.inventory,
                policiesDirectory: try config.policies, store: store) : nil
        let run = ARPWatchRun(
            entries: entries, subnets: subnets, learn: learn, enforcement: enforcement,
            deadline: duration.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) })
        let sink = EventSink(
            format: output.format == .json ? .json : .text, store: store, capture: source.name, live: pcap == nil)
        if interruption != nil {
            sink.note("capturing on \(source.name); stop with Ctrl-C")
        }
        let outcome = try await run.run(source, sink: sink)
        // The summary is printed even when events could not be stored; the error follows it.
        let summary = run.summary(of: outcome, source: source.name, stoppedBy: interruption?.signalName)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        try outcome.stored.get()
    }
}
