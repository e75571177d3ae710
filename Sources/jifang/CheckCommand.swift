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
            let path = try config.inventory
            let inventory = try Inventory.load(path: path)
            summary.append("\(path): \(inventory.devices.count) devices, \(inventory.units.count) units")
        } catch {
            problems.append(String(describing: error))
        }
        do {
            let directory = try config.policies
            let policies = try PolicySet.load(directory: directory)
            summary.append(
                "\(PolicyView.shared.origin(of: directory)): \(policies.classification.rules.count) classification rules, "
                    + "\(policies.specs.clauses.count) spec clauses")
        } catch {
            problems.append(PolicyView.shared.realPaths(in: String(describing: error)))
        }
        guard problems.isEmpty else {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
            throw ExitCode.failure
        }
        print((summary + ["OK"]).joined(separator: "\n"))
    }
}
