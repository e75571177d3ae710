import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangStore

/// `jifang agent`: the long-running scheduler.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Run the agents: poll every device on an interval, raise and clear alerts, apply retention.",
        discussion: "Stops cleanly on SIGINT or SIGTERM after the cycle in progress is recorded."
    )

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Seconds between the starts of two poll cycles.")
    var interval: Double = 300

    @Option(name: .long, help: "Devices polled at the same time.")
    var concurrency: Int = 64

    @Option(name: .long, help: "Stop after this many cycles (default: run until stopped).")
    var cycles: Int?

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second.") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        let loaded = try LoadedConfiguration(config)
        let store = try Store(path: storeOptions.path)
        try store.syncInventory(units: loaded.inventory.units, devices: loaded.inventory.devices)
        let scheduler = AgentScheduler(
            cycle: PollCycle(poller: DevicePoller(policies: loaded.policies), store: store, concurrency: concurrency),
            devices: loaded.inventory.devices, store: store, retention: loaded.policies.retention,
            interval: .milliseconds(Int(interval * 1000)))
        let stop = StopSignal()
        log("agent started: \(loaded.inventory.devices.count) devices every \(interval) s, store \(storeOptions.path)")
        await scheduler.run(cycles: cycles, stopRequested: { stop.requested }) { summary in
            log(summary.description)
        }
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
