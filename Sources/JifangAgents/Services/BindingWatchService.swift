import Foundation
import JifangCapture
import JifangModel
import JifangStore
import Logging
import ServiceLifecycle

/// The ARP watch on one interface as a service of `jifang agent`'s `ServiceGroup` (the
/// inventory's `watch: { interfaces: [...] }`, one service per interface).
///
/// Events are printed on standard output as `jifang watch` prints them and written to the duty
/// log. On graceful shutdown the capture is interrupted, the events seen are stored, the summary
/// is logged and `run()` returns; events that could not be stored are logged, counted in
/// ``failures`` and make `run()` throw, so the agent's exit status says so.
public struct BindingWatchService: Service {
    public let interface: String
    /// The register events are judged against.
    public let entries: [BindingEntry]
    /// Where the inventory and policies are, to locate and enforce (Policies/bindings.yaml);
    /// `nil` only judges and reports.
    public let enforcement: EnforcementFiles?
    public let store: Store?
    public let format: EventSink.Format
    public let logger: Logger
    /// Store writes that failed (events not stored, pairs not recorded).
    public let failures: StoreWriteFailures

    /// The files enforcement reads: forwarding tables of the inventory's switches, the policy.
    public struct EnforcementFiles: Sendable {
        public var inventoryPath: String
        public var policiesDirectory: String

        public init(inventoryPath: String, policiesDirectory: String) {
            self.inventoryPath = inventoryPath
            self.policiesDirectory = policiesDirectory
        }
    }

    public init(
        interface: String, entries: [BindingEntry], enforcement: EnforcementFiles? = nil, store: Store?,
        format: EventSink.Format = .text,
        logger: Logger = Logger(label: "jifang.watch"), failures: StoreWriteFailures = StoreWriteFailures()
    ) {
        self.interface = interface
        self.entries = entries
        self.enforcement = enforcement
        self.store = store
        self.format = format
        var logger = logger
        logger[metadataKey: "interface"] = "\(interface)"
        self.logger = logger
        self.failures = failures
    }

    public func run() async throws {
        let logger = logger
        var located: Enforcement?
        if let files = enforcement {
            located = try await Enforcement.prepare(
                locate: true, enforce: true, dryRun: false, inventoryPath: files.inventoryPath,
                policiesDirectory: files.policiesDirectory, store: store,
                warn: { logger.warning("forwarding table not read: \($0)") })
        }
        let run = ARPWatchRun(entries: entries, enforcement: located)
        let source = try PacketSource(interface: interface, options: LiveCaptureOptions(filter: PacketSource.arpFilter))
        // The group owns SIGINT and SIGTERM; its graceful shutdown ends the capture instead.
        let interruption = CaptureInterruption(source, signals: [])
        let sink = EventSink(format: format, store: store, capture: source.name, live: true)
        logger.info("capturing ARP on \(interface)")
        let outcome: ARPWatchRun.Outcome
        do {
            outcome = try await withGracefulShutdownHandler {
                try await run.run(source, sink: sink)
            } onGracefulShutdown: {
                interruption.interrupt()
            }
        } catch {
            logger.error("ARP watch failed", metadata: ["error": "\(error)"])
            throw error
        }
        logger.info("\(run.summary(of: outcome, source: source.name))")
        if case .failure(let error) = outcome.stored {
            failures.increment(by: error.unstored)
            logger.error("ARP events not stored", metadata: ["unstored": "\(error.unstored)", "error": "\(error)"])
            throw error
        }
    }
}
