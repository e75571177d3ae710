import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// The long-running loop behind `jifang agent`: a poll cycle every interval, configuration
/// backups of the devices that changed after each cycle, and observation retention once a day.
///
/// The configuration backups of a cycle run beside the next cycle's wait and poll rather than
/// delaying it; two backup passes never overlap. Cycles never overlap: when a cycle takes longer than the interval, the next one starts as
/// soon as it ends. The clock is injectable so schedule tests need no sleeps.
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

    public init(
        cycle: PollCycle, devices: [Device], store: Store, retention: RetentionPolicy, interval: Duration,
        backups: BackupAgent? = nil, backupConcurrency: Int = 4
    ) {
        self.cycle = cycle
        self.devices = devices
        self.store = store
        self.retention = retention
        self.interval = interval
        self.backups = backups
        self.backupConcurrency = backupConcurrency
    }

    /// What one cycle did, for the agent's log.
    public struct CycleSummary: Sendable, CustomStringConvertible {
        public var number: Int
        public var devices: Int
        public var unreachable: Int
        public var opened: Int
        public var cleared: Int
        public var seconds: Double

        public var description: String {
            "cycle \(number): \(devices) devices polled in \(String(format: "%.1f", seconds)) s, "
                + "\(unreachable) unreachable, \(opened) alerts opened, \(cleared) cleared"
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
        while !stopRequested(), cycles.map({ number < $0 }) ?? true {
            number += 1
            let start = clock.now
            let results = await cycle.run(devices)
            let seconds = start.duration(to: clock.now)
            report(
                CycleSummary(
                    number: number, devices: results.count, unreachable: results.filter { !$0.health.reachable }.count,
                    opened: results.reduce(0) { $0 + ($1.recorded?.opened.count ?? 0) },
                    cleared: results.reduce(0) { $0 + ($1.recorded?.cleared.count ?? 0) },
                    seconds: Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18))
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
            let now = Date()
            if lastRetention.map({ now.timeIntervalSince($0) >= 86_400 }) ?? true {
                _ = try? store.applyRetention(policy: retention, now: now)
                lastRetention = now
            }
            if cycles.map({ number >= $0 }) ?? false { break }
            // Sleep in short steps so a stop request is honoured within a second.
            let deadline = start.advanced(by: interval)
            while !stopRequested(), clock.now < deadline {
                try? await clock.sleep(until: min(deadline, clock.now.advanced(by: .seconds(1))), tolerance: nil)
            }
        }
        if let last = pending {
            backupReport(BackupPass(cycle: last.cycle, outcomes: await last.task.value))
            pending = nil
        }
    }
}
