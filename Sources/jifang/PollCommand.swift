import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangStore

/// `jifang poll --once`: one poll cycle over the inventory, recorded in the store and reported.
struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll every device once, record the results and print a health report with spec findings."
    )

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    @Flag(name: .long, help: "Poll once and exit (the long-running scheduler is `jifang agent`).")
    var once = false

    @Flag(name: .long, help: "Do not write to the store.")
    var noStore = false

    @Option(name: .long, help: "Devices polled at the same time.")
    var concurrency: Int = 64

    @Option(name: .long, help: "Poll only the devices with these names (repeatable).")
    var device: [String] = []

    func validate() throws {
        guard once else {
            throw ValidationError("`jifang poll` needs --once; for continuous polling use `jifang agent`.")
        }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        let loaded = try LoadedConfiguration(config)
        var devices = loaded.inventory.devices
        if !device.isEmpty {
            let unknown = device.filter { name in !devices.contains { $0.name == name } }
            guard unknown.isEmpty else {
                throw ValidationError("no device named \(unknown.joined(separator: ", ")) in \(try config.inventory).")
            }
            devices = devices.filter { device.contains($0.name) }
        }
        let store = noStore ? nil : try Store(path: storeOptions.path)
        if let store {
            try store.syncInventory(units: loaded.inventory.units, devices: loaded.inventory.devices.map(\.profile))
        }
        let progress = ProgressBar(total: devices.count, label: "polling")
        let cycle = PollCycle(poller: DevicePoller(policies: loaded.policies), store: store, concurrency: concurrency)
        let results = await cycle.run(devices) { progress.advance() }
        for result in results where result.storeError != nil {
            FileHandle.standardError.write(
                Data("\(result.health.device.name): not stored: \(result.storeError!)\n".utf8))
        }
        let reports = results.map { DeviceReport(health: $0.health, openAlerts: $0.openAlerts) }
        switch output.format {
        case .json:
            try printJSON(reports)
        case .text:
            print(HealthReport(devices: reports).render())
        }
        if results.contains(where: { $0.storeError != nil }) { throw ExitCode.failure }
    }
}

/// The inventory and policies, loaded and validated together.
struct LoadedConfiguration {
    var inventory: Inventory
    var policies: PolicySet

    init(_ options: ConfigOptions) throws {
        inventory = try Inventory.load(path: try options.inventory)
        policies = try PolicySet.load(directory: try options.policies)
    }
}
