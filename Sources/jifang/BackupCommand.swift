import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore

/// `jifang backup`: the backup agent's commands (Art. 28, 140–143).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Run, list, verify, restore and archive backups on the regulation's schedule.",
        discussion: """
            Targets and copy locations come from Inventory/backups.yaml, the schedule and retention from \
            Policies/backups.yaml. Every run is written to the duty log.
            """,
        subcommands: [
            BackupRun.self, BackupList.self, BackupVerify.self, BackupRestore.self, BackupArchive.self, BackupDue.self,
        ]
    )
}

/// Options every backup subcommand shares.
struct BackupOptions: ParsableArguments {
    @Option(name: .long, help: "The backup targets file (YAML; default: backups.yaml beside the inventory).")
    var backups: String?

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    @Option(
        name: .long, help: ArgumentHelp("Act as if it were this time (ISO 8601), for rehearsals.", visibility: .hidden))
    var now: String?

    func agent() throws -> BackupAgent {
        var clock: @Sendable () -> Date = { Date() }
        if let now {
            guard let fixed = ISO8601DateFormatter().date(from: now) else {
                throw ValidationError("--now \(now) is not an ISO 8601 time such as 2026-06-30T18:00:00+08:00.")
            }
            clock = { fixed }
        }
        return try BackupAgent.load(
            backups: DefaultPaths.current.backups(flag: backups, inventory: try config.inventory),
            inventory: try config.inventory, policies: try config.policies,
            store: try Store(path: storeOptions.path), now: clock)
    }
}

/// `jifang backup run`: what the schedule asks for now.
struct BackupRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Back up what is due: monthly targets, changed configurations, ended quarters' discs and years' archives."
    )

    @OptionGroup var options: BackupOptions

    @Option(name: .long, help: "Only this target (repeatable).")
    var target: [String] = []

    @Flag(name: .long, help: "Back up even what is not due.")
    var force = false

    @Flag(name: .long, help: "Do not read SNMP change fingerprints; fetch every configuration and compare.")
    var noSNMP = false

    func run() async throws {
        let outcomes = try await options.agent().run(targets: target, force: force, snmp: !noSNMP)
        switch options.output.format {
        case .json: try printJSON(outcomes)
        case .text:
            for outcome in outcomes {
                let id = outcome.record.map { " #\($0.id)" } ?? ""
                print(
                    "\(outcome.target) [\(outcome.kind.rawValue)] \(outcome.result.rawValue)\(id): \(outcome.message)")
                if let diff = outcome.diff, !diff.isEmpty { print(diff) }
            }
        }
        if outcomes.contains(where: { $0.result == .failed }) { throw ExitCode(1) }
    }
}

/// `jifang backup list`: the backup register.
struct BackupList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the backup register: what was backed up, when, and where it is kept.")

    @OptionGroup var options: BackupOptions

    @Option(name: .long, help: "Only this target.")
    var target: String?

    @Option(name: .long, help: "Only this kind: backup, config, disc or archive.")
    var kind: String?

    @Option(name: .long, help: "Print the masked diff of this configuration version (register id).")
    var diff: Int64?

    func run() async throws {
        let agent = try options.agent()
        if let diff {
            print(try agent.configDiff(id: diff), terminator: "")
            return
        }
        let kindFilter = try kind.map { name in
            guard let kind = BackupKind(rawValue: name) else {
                throw ValidationError("--kind \(name) is not one of backup, config, disc, archive.")
            }
            return kind
        }
        let records = try agent.store.backups(target: target, kind: kindFilter)
        switch options.output.format {
        case .json: try printJSON(records)
        case .text:
            guard !records.isEmpty else {
                print("The backup register is empty.")
                return
            }
            let formatter = ISO8601DateFormatter()
            var table = TextTable(headers: [
                "ID", "TARGET", "KIND", "PERIOD", "STATUS", "STARTED", "SIZE", "SHA-256", "VERIFIED", "LOCATIONS",
            ])
            for record in records {
                table.append([
                    String(record.id), record.target, record.kind.rawValue, record.period, record.status.rawValue,
                    formatter.string(from: record.startedAt),
                    record.size.map { ByteCountFormatter.string(fromByteCount: $0, countStyle: .file) } ?? "",
                    String((record.sha256 ?? "").prefix(12)),
                    record.verified.map { $0 ? "yes" : "FAILED" } ?? "", record.locations.joined(separator: " "),
                ])
            }
            print(table.render())
        }
    }
}

/// `jifang backup verify`: restore-check every good backup; mark crashed runs interrupted.
struct BackupVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify backups by their manifests and by restoring them; mark interrupted runs.")

    @OptionGroup var options: BackupOptions

    @Argument(help: "Register ids to verify (default: every good backup).")
    var ids: [Int64] = []

    func run() async throws {
        let (interrupted, results) = try options.agent().verify(ids: ids)
        switch options.output.format {
        case .json:
            struct Report: Encodable {
                var interrupted: [BackupRecord]
                var results: [VerifyResult]
            }
            try printJSON(Report(interrupted: interrupted, results: results))
        case .text:
            for record in interrupted {
                print("#\(record.id) \(record.target): interrupted run marked failed; its partial files were removed")
            }
            for result in results {
                let state = result.passed ? "ok" : "FAILED: " + result.problems.joined(separator: "; ")
                print("#\(result.record.id) \(result.record.target) \(result.record.period): \(state)")
            }
            print("\(results.filter(\.passed).count) of \(results.count) backups verified")
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}

/// `jifang backup restore`: put a backup back.
struct BackupRestore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup: a file or folder to a new path, or a PostgreSQL dump into a new database.")

    @OptionGroup var options: BackupOptions

    @Argument(help: "The register id of the backup.")
    var id: Int64

    @Option(name: .long, help: "A new path (file or folder), or for PostgreSQL a new database name.")
    var to: String

    func run() async throws {
        let message = try options.agent().restore(id: id, to: to)
        switch options.output.format {
        case .json: try printJSON(["message": message])
        case .text: print(message)
        }
    }
}

/// `jifang backup archive`: the quarter's disc image or the year's archive package.
struct BackupArchive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Pack a quarter's backups into an ISO 9660 image or a year's into an archive package.",
        discussion: "Without --quarter or --year, packs every ended period the schedule says is missing.")

    @OptionGroup var options: BackupOptions

    @Option(name: .long, help: "A quarter such as 2026Q2.")
    var quarter: String?

    @Option(name: .long, help: "A year such as 2026.")
    var year: String?

    func run() async throws {
        let agent = try options.agent()
        var requests: [(BackupKind, String)] = []
        if let quarter {
            guard agent.calendar.bounds(of: quarter) != nil, quarter.contains("Q") else {
                throw ValidationError("--quarter \(quarter) is not a quarter such as 2026Q2.")
            }
            requests.append((.disc, quarter))
        }
        if let year {
            guard Int(year) != nil, year.count == 4 else {
                throw ValidationError("--year \(year) is not a year such as 2026.")
            }
            requests.append((.archive, year))
        }
        if requests.isEmpty {
            requests = try agent.dueItems().filter { $0.kind == .disc || $0.kind == .archive }.map {
                ($0.kind, $0.period)
            }
        }
        let outcomes = requests.map { agent.pack($0.0, period: $0.1) }
        switch options.output.format {
        case .json: try printJSON(outcomes)
        case .text:
            if outcomes.isEmpty { print("No disc or archive package is due.") }
            for outcome in outcomes { print("\(outcome.kind.rawValue) \(outcome.result.rawValue): \(outcome.message)") }
        }
        if outcomes.contains(where: { $0.result == .failed }) { throw ExitCode(1) }
    }
}

/// `jifang backup due`: what the schedule says is missing or overdue.
struct BackupDue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "List backups the schedule says are missing or overdue (empty when all is done).")

    @OptionGroup var options: BackupOptions

    @Flag(name: .long, help: "Read devices' SNMP change fingerprints first.")
    var snmp = false

    func run() async throws {
        let agent = try options.agent()
        if snmp { try await agent.observeConfigurationChanges() }
        let items = try agent.dueItems()
        switch options.output.format {
        case .json: try printJSON(items)
        case .text:
            guard !items.isEmpty else {
                print("Nothing is due.")
                return
            }
            var table = TextTable(headers: ["TARGET", "KIND", "PERIOD", "STATE", "REASON"])
            for item in items {
                table.append([item.target, item.kind.rawValue, item.period, item.state.rawValue, item.reason])
            }
            print(table.render())
        }
    }
}
