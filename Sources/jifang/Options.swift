import ArgumentParser
import Foundation
import JifangAgents

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Where the inventory and policies are read from.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The inventory file (YAML).")
    var inventory: String = "Inventory/site.yaml"

    @Option(name: .long, help: "The directory of policy files.")
    var policies: String = "Policies"
}

/// The store file.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite store (default: $JIFANG_DATABASE, else jifang.sqlite).")
    var database: String?

    var path: String {
        database ?? ProcessInfo.processInfo.environment["JIFANG_DATABASE"] ?? "jifang.sqlite"
    }
}

struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}

/// Prints `value` as every `--format json` output does (sorted keys, ISO-8601 dates).
func printJSON(_ value: some Encodable) throws {
    print(String(decoding: try JSONEncoder.jifang.encode(value), as: UTF8.self))
}
