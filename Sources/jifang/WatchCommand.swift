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
        let entries = try loadEntries(store: store)
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
        let enforcement = try await Enforcement.prepare(
            locate: locate || enforce, enforce: enforce, dryRun: dryRun, config: config, store: store)
        var watch = BindingWatch(entries: entries, subnets: subnets, learnPairs: learn)
        let deadline = duration.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        let sink = EventSink(
            format: output.format == .json ? .json : .text, store: store, capture: source.name, live: pcap == nil)
        if interruption != nil {
            sink.note("capturing on \(source.name); stop with Ctrl-C")
        }

        if let enforcement {
            let register = Dictionary(entries.map { ($0.ip, $0) }, uniquingKeysWith: { first, _ in first })
            func handle(_ event: ARPEvent) async {
                let (located, location) = await enforcement.locator.locate(event)
                sink.write(located)
                await enforcement.act(
                    on: event, entry: event.ip.flatMap { register[$0] }, location: location, sink: sink)
            }
            if source.isFile {
                // A file is read first (the fast path), then each event located and acted on.
                var events: [ARPEvent] = []
                try watch.run(source, until: deadline) { events.append($0) }
                for event in events { await handle(event) }
            } else {
                // Live, each event is handled as it arises, with tables refreshed as they age.
                let capture = CaptureThread(watch: watch, source: source, deadline: deadline)
                for await event in capture.start() { await handle(event) }
                watch = try capture.finished()
            }
        } else {
            try watch.run(source, until: deadline) { sink.write(LocatedARPEvent($0)) }
        }
        // The summary is printed even when events could not be stored; the error follows it.
        let stored = Result { () throws(EventSinkError) in try sink.finish() }
        if learn, let store { try store.recordPairs(watch.pairs) }
        let stats = watch.statistics
        var summary =
            "\(source.name): \(stats.frames) frames, \(stats.arp) ARP, \(stats.malformed) malformed, "
            + "\(stats.events) events (\(stats.suppressed) repeats suppressed)"
        if learn { summary += ", \(watch.pairs.count) pairs recorded" }
        if let signal = interruption?.signalName { summary += "; stopped by \(signal)" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        try stored.get()
    }

    private func loadEntries(store: Store?) throws -> [BindingEntry] {
        if let bindings { return try BindingTable.load(path: bindings).entries }
        if let store, case let stored = try store.bindings(), !stored.isEmpty { return stored }
        if let inventory = config.inventoryIfPresent, FileManager.default.fileExists(atPath: inventory) {
            return try Inventory.load(path: inventory).bindings
        }
        return []
    }
}
