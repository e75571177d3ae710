import ArgumentParser
import Foundation
import JifangAgents

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Where the inventory and policies are read from (search order: ``DefaultPaths``).
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("inventory"),
        help: ArgumentHelp(
            "The inventory file (YAML; default: $JIFANG_INVENTORY, ./Inventory/site.yaml, /etc/jifang/site.yaml).",
            valueName: "file"))
    var inventoryFlag: String?

    @OptionGroup var policyOptions: PolicyOptions

    /// The inventory file: `--inventory`, else the first found by ``DefaultPaths``.
    var inventory: String {
        get throws(PathSearchError) { try DefaultPaths.current.inventory(flag: inventoryFlag) }
    }

    /// The inventory file as ``inventory`` finds it, or nil when none is found (for commands that can do without).
    var inventoryIfPresent: String? {
        DefaultPaths.current.inventorySearch(flag: inventoryFlag).found
    }

    /// The policies directory: `--policies`, else the first found by ``DefaultPaths``.
    var policies: String {
        get throws(PathSearchError) { try policyOptions.directory }
    }
}

/// The directory of policy files, for commands that read policies but no inventory.
struct PolicyOptions: ParsableArguments {
    @Option(
        name: .customLong("policies"),
        help: ArgumentHelp(
            "The directory of policy files (default: $JIFANG_POLICIES, ./Policies, "
                + "else /etc/jifang/policies over the shipped ones).",
            valueName: "directory"))
    var flag: String?

    /// `--policies`, else the first found by ``DefaultPaths``; a merged view for file-by-file overrides.
    var directory: String {
        get throws(PathSearchError) { try DefaultPaths.current.policies(flag: flag) }
    }

    /// The path of the policy file `name` (e.g. `records.yaml`) in ``directory``.
    func file(_ name: String) throws(PathSearchError) -> String {
        (try directory as NSString).appendingPathComponent(name)
    }
}

/// The store file.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite store (default: $JIFANG_DATABASE, else /var/lib/jifang/jifang.sqlite when installed, "
                + "else ./jifang.sqlite)."))
    var database: String?

    var path: String { DefaultPaths.current.database(flag: database) }
}

struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}

/// Prints `value` as every `--format json` output does (sorted keys, ISO-8601 dates).
func printJSON(_ value: some Encodable) throws {
    print(String(decoding: try JSONEncoder.jifang.encode(value), as: UTF8.self))
}
