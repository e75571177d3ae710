import Logging
import ServiceLifecycle

/// The poll scheduler as a service of `jifang agent`'s `ServiceGroup`: poll cycles, the
/// configuration backups after each, and retention (see ``AgentScheduler``).
///
/// On graceful shutdown (SIGINT or SIGTERM to the group) the cycle in progress is finished and
/// recorded, the pending configuration backups are waited for, and `run()` returns. It also
/// returns after `cycles` cycles, when given.
public struct PollService: Service {
    public let scheduler: AgentScheduler
    /// Stop after this many cycles; `nil` runs until shutdown.
    public let cycles: Int?

    public init(scheduler: AgentScheduler, cycles: Int? = nil) {
        self.scheduler = scheduler
        self.cycles = cycles
    }

    /// Store writes that failed (polls not recorded, retention passes), for `/metrics`.
    public var failures: StoreWriteFailures { scheduler.failures }

    public func run() async {
        let logger = scheduler.logger
        await scheduler.run(
            cycles: cycles, stopRequested: { Task.isShuttingDownGracefully },
            report: { summary in
                let metadata: Logger.Metadata = [
                    "cycle": "\(summary.number)", "devices": "\(summary.devices)",
                    "unreachable": "\(summary.unreachable)",
                ]
                if summary.recordedEverything {
                    logger.info("\(summary.description)", metadata: metadata)
                } else {
                    logger.error("\(summary.description)", metadata: metadata)
                }
            },
            backupReport: { pass in
                for outcome in pass.outcomes where outcome.result == .done || outcome.result == .failed {
                    let id = outcome.record.map { " #\($0.id)" } ?? ""
                    var metadata: Logger.Metadata = ["cycle": "\(pass.cycle)", "target": "\(outcome.target)"]
                    if let record = outcome.record { metadata["backup"] = "\(record.id)" }
                    let message: Logger.Message =
                        "\(outcome.target) [config] \(outcome.result.rawValue)\(id): \(outcome.message)"
                    if outcome.result == .failed {
                        logger.error(message, metadata: metadata)
                    } else {
                        logger.info(message, metadata: metadata)
                    }
                }
                logger.info("\(pass.description)", metadata: ["cycle": "\(pass.cycle)"])
            })
    }
}
