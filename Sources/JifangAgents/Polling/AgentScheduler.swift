import Foundation
import JifangConfig
import JifangModel
import JifangStore
import Logging

/// The long-running loop behind `jifang agent`: a poll cycle every interval, configuration
/// backups of the devices that changed after each cycle, and observation retention once a day.
///
/// The configuration backups of a cycle run beside the next cycle's wait and poll rather than
/// delaying it; two backup passes never overlap. Cycles never overlap: when a cycle takes longer than the interval, the next one starts as
/// soon as it ends. The clock is injectable so schedule tests need no sleeps.
///
/// No store write is dropped: a device whose poll could not be recorded and a retention pass
/// that failed are logged (with the device and unit in the metadata), counted in ``failures``
/// and reported in the cycle's ``CycleSummary``.
public struct AgentScheduler: Sendable {
    public var cycle: PollCycle
    public var devices: [Device]
    public var store: Store
    public var retention: RetentionPolicy
    public var interval: Duration
    /// Backs up the configurations of polled devices that changed; `nil` turns that off.
    public var backups: BackupAgent?
    /// Configuration targets checked at the same time after a cycle.
    public var backupConcurrency: Int
    /// Where each cycle, unreachable device and failed write is logged.
    public var logger: Logger
    /// Store writes that failed since this scheduler was made.
    public let failures: StoreWriteFailures

    public init(
        cycle: PollCycle, devices: [Device], store: Store, retention: RetentionPolicy, interval: Duration,
        backups: BackupAgent? = nil, backupConcurrency: Int = 4, logger: Logger = Logger(label: "jifang.poll"),
        failures: StoreWriteFailures = StoreWriteFailures()
    ) {
        self.cycle = cycle
        self.devices = devices
        self.store = store
        self.retention = retention
        self.interval = interval
        self.backups = backups
        self.backupConcurrency = backupConcurrency
        self.logger = logger
        self.failures = failures
    }

    /// What one cycle did, for the agent's log.
    public struct CycleSummary: Sendable, CustomStringConvertible {
        public var number: Int
        public var devices: Int
        public var unreachable: Int
        public var opened: Int
        public var cleared: Int
        public var seconds: Double
        /// Devices polled whose result could not be written to the store.
        public var unrecorded: Int = 0
        /// Why the retention pass of this cycle failed, if one ran and failed.
        public var retentionFailure: String?

        /// Whether every write of the cycle reached the store.
        public var recordedEverything: Bool { unrecorded == 0 && retentionFailure == nil }

        public var description: String {
            "cycle \(number): \(devices) devices polled in \(String(format: "%.1f", seconds)) s, "
                + "\(unreachable) unreachable, \(opened) alerts opened, \(cleared) cleared"
                + (unrecorded > 0 ? ", \(unrecorded) not recorded (store error)" : "")
                + (retentionFailure.map { ", retention failed: \($0)" } ?? "")
        }
    }

    /// Runs cycles until `cycles` have run or `stopRequested` returns true.
    ///
    /// `backupReport` gets each cycle's configuration backups when they are done (at the latest
    /// when the next cycle's pass starts, and before this returns).
    public func run(
        cycles: Int? = nil, clock: some Clock<Duration> = ContinuousClock(),
        stopRequested: @Sendable () -> Bool = { false }, report: (CycleSummary) -> Void,
        backupReport: (BackupPass) -> Void = { _ in }
    ) async {
        var number = 0
        var lastRetention: Date?
        var pending: (cycle: Int, task: Task<[BackupOutcome], Never>)?
        while !stopRequested(), !Task.isCancelled, cycles.map({ number < $0 }) ?? true {
            number += 1
            let start = clock.now
            let results = await cycle.run(devices)
            let seconds = start.duration(to: clock.now)
            var summary = CycleSummary(
                number: number, devices: results.count, unreachable: results.filter { !$0.health.reachable }.count,
                opened: results.reduce(0) { $0 + ($1.recorded?.opened.count ?? 0) },
                cleared: results.reduce(0) { $0 + ($1.recorded?.cleared.count ?? 0) },
                seconds: Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18)
            logResults(results, cycle: number, summary: &summary)
            let now = Date()
            if lastRetention.map({ now.timeIntervalSince($0) >= 86_400 }) ?? true {
                do {
                    _ = try store.applyRetention(policy: retention, now: now)
                } catch {
                    failures.increment()
                    logger.error("retention failed", metadata: ["cycle": "\(number)", "error": "\(error)"])
                    summary.retentionFailure = "\(error)"
                }
                // A failed pass is tried again a day later, not every cycle: it is logged and counted.
                lastRetention = now
            }
            report(summary)
            if let backups {
                if let previous = pending {
                    backupReport(BackupPass(cycle: previous.cycle, outcomes: await previous.task.value))
                }
                let polled = Set(results.filter(\.health.reachable).map(\.health.device.name))
                let concurrency = backupConcurrency
                pending = (
                    number, Task { await backups.backUpChangedConfigurations(polled: polled, concurrency: concurrency) }
                )
            }
            if cycles.map({ number >= $0 }) ?? false { break }
            // Sleep in short steps so a stop request is honoured within a second.
            let deadline = start.advanced(by: interval)
            while !stopRequested(), !Task.isCancelled, clock.now < deadline {
                // A cancelled sleep ends the wait; the loop condition then sees the cancellation.
                try? await clock.sleep(until: min(deadline, clock.now.advanced(by: .seconds(1))), tolerance: nil)
            }
        }
        if let last = pending {
            backupReport(BackupPass(cycle: last.cycle, outcomes: await last.task.value))
            pending = nil
        }
    }

    /// Logs the devices that did not answer or could not be recorded, and counts the latter.
    private func logResults(_ results: [PollCycle.Result], cycle: Int, summary: inout CycleSummary) {
        for result in results {
            var metadata: Logger.Metadata = ["cycle": "\(cycle)", "device": "\(result.health.device.name)"]
            if let unit = result.health.device.unit { metadata["unit"] = "\(unit)" }
            if let poll = result.recorded?.pollID { metadata["poll"] = "\(poll)" }
            if let storeError = result.storeError {
                summary.unrecorded += 1
                metadata["error"] = "\(storeError)"
                logger.error("poll not recorded", metadata: metadata)
            } else if !result.health.reachable {
                logger.warning("device unreachable", metadata: metadata)
            } else {
                logger.debug("device polled", metadata: metadata)
            }
        }
        failures.increment(by: summary.unrecorded)
    }
}
