import Foundation
import JifangCapture
import JifangConfig
import JifangModel
import JifangStore

/// One ARP watch from start to summary, over a capture file or a live interface: the work
/// behind `jifang watch` and each interface of `jifang agent`'s ``BindingWatchService``.
///
/// Events are judged against the register, located and acted on when ``enforcement`` is set,
/// and written to the sink (output and store). After the source ends, the sink is finished and,
/// with ``learn``, the pairs seen are recorded.
public struct ARPWatchRun {
    public var entries: [BindingEntry]
    /// The unit's subnets, for bogon detection.
    public var subnets: [IPv4Subnet]
    /// Also record the IP–MAC pairs seen (needs a store).
    public var learn: Bool
    /// Locating and enforcing; `nil` only judges.
    public var enforcement: Enforcement?
    /// When a live capture stops; `nil` runs until the source ends or is interrupted.
    public var deadline: ContinuousClock.Instant?

    public init(
        entries: [BindingEntry], subnets: [IPv4Subnet] = [], learn: Bool = false, enforcement: Enforcement? = nil,
        deadline: ContinuousClock.Instant? = nil
    ) {
        self.entries = entries
        self.subnets = subnets
        self.learn = learn
        self.enforcement = enforcement
        self.deadline = deadline
    }

    /// What a run did: the watch's statistics and pairs, and whether every event was stored.
    public struct Outcome {
        public var watch: BindingWatch
        /// The sink's result: a failure says how many events were not stored and why.
        public var stored: Result<Void, EventSinkError>
    }

    /// Watches `source` until it ends, writing to `sink`.
    ///
    /// - Throws: a capture error, or a store error recording the learnt pairs. Events that could
    ///   not be stored do not throw here: they are in ``Outcome/stored``, so the summary is printed first.
    public func run(_ source: PacketSource, sink: EventSink) async throws -> Outcome {
        var watch = BindingWatch(entries: entries, subnets: subnets, learnPairs: learn)
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
        } else if source.isFile {
            try watch.run(source, until: deadline) { sink.write(LocatedARPEvent($0)) }
        } else {
            // Live without locating, the capture still runs on its own thread: the blocking read
            // must not hold a thread of the concurrency pool that other services share.
            let capture = CaptureThread(watch: watch, source: source, deadline: deadline)
            for await event in capture.start() { sink.write(LocatedARPEvent(event)) }
            watch = try capture.finished()
        }
        let stored = Result { () throws(EventSinkError) in try sink.finish() }
        if learn, let store = sink.store { try store.recordPairs(watch.pairs) }
        return Outcome(watch: watch, stored: stored)
    }

    /// The one-line summary both commands print, e.g.
    /// `eth1: 10 frames, 8 ARP, 0 malformed, 2 events (0 repeats suppressed)`.
    public func summary(of outcome: Outcome, source: String, stoppedBy signal: String? = nil) -> String {
        let stats = outcome.watch.statistics
        var summary =
            "\(source): \(stats.frames) frames, \(stats.arp) ARP, \(stats.malformed) malformed, "
            + "\(stats.events) events (\(stats.suppressed) repeats suppressed)"
        if learn { summary += ", \(outcome.watch.pairs.count) pairs recorded" }
        if let signal { summary += "; stopped by \(signal)" }
        return summary
    }

    /// The register to judge against: `bindings` (a YAML or CSV file) when given, else the
    /// store's register when it has one, else the inventory's `bindings:` when the file exists.
    public static func register(bindings: String?, store: Store?, inventoryPath: String?) throws -> [BindingEntry] {
        if let bindings { return try BindingTable.load(path: bindings).entries }
        if let store, case let stored = try store.bindings(), !stored.isEmpty { return stored }
        if let inventoryPath, FileManager.default.fileExists(atPath: inventoryPath) {
            return try Inventory.load(path: inventoryPath).bindings
        }
        return []
    }
}
