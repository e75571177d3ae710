import ArgumentParser
import Foundation
import JifangAgents
import JifangStore

/// `jifang devices`: the device register with each device's latest poll, from the store.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List the devices the store knows, with their latest health and findings."
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: "Show only this device, in full.")
    var name: String?

    func run() throws {
        let store = try Store(path: storeOptions.path, create: false)
        var healths = try store.latestHealth()
        if let name {
            healths = healths.filter { $0.device.name == name }
            guard !healths.isEmpty else {
                throw ValidationError("the store \(storeOptions.path) has no poll of a device named \(name).")
            }
        }
        let open = try store.alerts(openOnly: true)
        let reports = healths.map { health in
            DeviceReport(
                health: health, openAlerts: open.filter { $0.condition.device == health.device.name }.map(\.condition))
        }
        switch output.format {
        case .json:
            try printJSON(reports)
        case .text:
            if reports.isEmpty {
                print("No device has been polled yet; run `jifang poll --once` first.")
            } else {
                print(HealthReport(devices: reports).render())
            }
        }
    }
}
