import ArgumentParser
import Foundation
import JifangConfig

/// `jifang check`: validates the inventory and every policy file, listing every error found.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the inventory and policy files; errors name the file, line and field."
    )

    @OptionGroup var config: ConfigOptions

    func run() throws {
        var problems: [String] = []
        var summary: [String] = []
        do {
            let inventory = try Inventory.load(path: config.inventory)
            summary.append("\(config.inventory): \(inventory.devices.count) devices, \(inventory.units.count) units")
        } catch {
            problems.append(error.description)
        }
        do {
            let policies = try PolicySet.load(directory: config.policies)
            summary.append(
                "\(config.policies): \(policies.classification.rules.count) classification rules, "
                    + "\(policies.specs.clauses.count) spec clauses")
        } catch {
            problems.append(error.description)
        }
        guard problems.isEmpty else {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
            throw ExitCode.failure
        }
        print((summary + ["OK"]).joined(separator: "\n"))
    }
}
