import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore

/// `jifang agent`: the long-running scheduler.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract:
            "Run the agents: poll every device on an interval, raise and clear alerts, back up changed configurations, apply retention.",
        discussion: """
            After each cycle, the configuration of every polled device whose SNMP change marker or fingerprint \
            moved is backed up (targets from the backups file, schedule from <policies>/backups.yaml). \
            Stops cleanly on SIGINT or SIGTERM after the cycle in progress is recorded.
            """
    )

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Seconds between the starts of two poll cycles.")
    var interval: Double = 300

    @Option(name: .long, help: "Devices polled at the same time.")
    var concurrency: Int = 64

    @Option(name: .long, help: "Stop after this many cycles (default: run until stopped).")
    var cycles: Int?

    @Option(name: .long, help: "The backup targets file (default: backups.yaml beside the inventory file).")
    var backups: String?

    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Back up changed device configurations after each cycle (default: on when the backups file exists).")
    var configBackups: Bool?

    @Option(name: .long, help: "Configuration targets checked at the same time after a cycle.")
    var backupConcurrency: Int = 4

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second.") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1.") }
        guard backupConcurrency > 0 else { throw ValidationError("--backup-concurrency must be at least 1.") }
    }

    /// The backups file: `--backups`, else `backups.yaml` in the inventory file's folder.
    func backupsPath() throws(PathSearchError) -> String {
        DefaultPaths.current.backups(flag: backups, inventory: try config.inventory)
    }

    /// The backup agent for configuration backups after each cycle, or `nil` when they are off.
    func backupAgent(devices: [Device], store: Store) throws -> BackupAgent? {
        let backupsPath = try backupsPath()
        let exists = FileManager.default.fileExists(atPath: backupsPath)
        guard configBackups ?? exists else { return nil }
        guard exists else {
            throw ValidationError(
                "--config-backups needs a backups file, and \(backupsPath) does not exist; name one with --backups.")
        }
        let inventory = try BackupInventory.load(path: backupsPath, devices: Set(devices.map(\.name)))
        let policy = try BackupPolicy.load(path: try config.policyOptions.file("backups.yaml"))
        return BackupAgent(inventory: inventory, policy: policy, store: store, devices: devices)
    }

    func run() async throws {
        let loaded = try LoadedConfiguration(config)
        let store = try Store(path: storeOptions.path)
        try store.syncInventory(units: loaded.inventory.units, devices: loaded.inventory.devices.map(\.profile))
        let backupAgent = try backupAgent(devices: loaded.inventory.devices, store: store)
        let backupsPath = try backupsPath()
        let scheduler = AgentScheduler(
            cycle: PollCycle(poller: DevicePoller(policies: loaded.policies), store: store, concurrency: concurrency),
            devices: loaded.inventory.devices, store: store, retention: loaded.policies.retention,
            interval: .milliseconds(Int(interval * 1000)), backups: backupAgent, backupConcurrency: backupConcurrency)
        let stop = StopSignal()
        log(
            "agent started: \(loaded.inventory.devices.count) devices every \(interval) s, store \(storeOptions.path), "
                + (backupAgent.map { "configuration backups from \(backupsPath) to \($0.inventory.repository)" }
                    ?? "configuration backups off"))
        await scheduler.run(
            cycles: cycles, stopRequested: { stop.requested },
            report: { summary in log(summary.description) },
            backupReport: { pass in
                for outcome in pass.outcomes where outcome.result == .done || outcome.result == .failed {
                    let id = outcome.record.map { " #\($0.id)" } ?? ""
                    log("\(outcome.target) [config] \(outcome.result.rawValue)\(id): \(outcome.message)")
                }
                log(pass.description)
            })
        log("agent stopped")
    }

    private func log(_ message: String) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        FileHandle.standardError.write(Data("\(stamp) \(message)\n".utf8))
    }
}

/// Turns SIGINT and SIGTERM into a flag the scheduler checks between cycles.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.set() }
            source.resume()
            sources.append(source)
        }
    }

    private func set() {
        lock.lock()
        flag = true
        lock.unlock()
    }

    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
}
