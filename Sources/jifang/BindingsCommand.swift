import ArgumentParser
import Foundation
import JifangAgents
import JifangCapture
import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore

/// `jifang bindings`: the IP–MAC binding register (Art. 34, 109).
struct BindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindings",
        abstract: "Keep the IP/MAC binding register: import, list, learn, approve, release.",
        subcommands: [
            BindingsImportCommand.self, BindingsListCommand.self, BindingsLearnCommand.self,
            BindingsApproveCommand.self, BindingsReleaseCommand.self,
        ]
    )

    /// Who runs the command, for the register's history and the duty log.
    static var actor: String? { ProcessInfo.processInfo.environment["USER"] }
}

struct BindingsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import bindings from a YAML or CSV file (or the inventory's bindings:).")

    @Argument(help: "A bindings YAML/CSV file; default: the inventory's bindings.")
    var file: String?

    @Flag(name: .long, help: "Remove bindings the file does not list.")
    var replace = false

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let path = try file ?? config.inventory
        let entries = file != nil ? try BindingTable.load(path: path).entries : try Inventory.load(path: path).bindings
        let store = try Store(path: storeOptions.path)
        let result = try store.importBindings(
            entries, source: "import:\(path)", replace: replace, actor: BindingsCommand.actor)
        switch output.format {
        case .json: try printJSON(result)
        case .text:
            print(
                "\(path): \(entries.count) bindings; \(result.added) added, \(result.changed) changed, "
                    + "\(result.unchanged) unchanged, \(result.removed) removed")
        }
    }
}

struct BindingsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the register, its history, or the port shutdowns.")

    @Flag(name: .long, help: "Show every change of the register instead.")
    var history = false

    @Flag(name: .long, help: "Show port shutdowns (with --all, also released ones, dry runs and refusals).")
    var ports = false

    @Flag(name: .long, help: "With --ports, include inactive actions.")
    var all = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let store = try Store(path: storeOptions.path, create: false)
        if ports {
            let actions = try store.portActions(activeOnly: !all)
            if output.format == .json { return print(try json(actions)) }
            var table = TextTable(headers: ["ID", "TIME", "PORT", "STATION", "STATE", "RELEASED", "REASON"])
            for a in actions {
                table.append([
                    String(a.id), iso(a.time), a.portDescription,
                    [a.ip?.description, a.mac?.description].compactMap { $0 }.joined(separator: " "), a.state.rawValue,
                    a.releasedAt.map(iso) ?? "", a.reason,
                ])
            }
            print(actions.isEmpty ? "No port actions." : table.render())
        } else if history {
            let changes = try store.bindingHistory()
            if output.format == .json { return print(try json(changes)) }
            var table = TextTable(headers: ["TIME", "IP", "CHANGE", "OLD MAC", "NEW MAC", "SOURCE", "BY"])
            for c in changes {
                table.append([
                    iso(c.time), c.ip.description, c.kind.rawValue, c.old?.mac.description ?? "",
                    c.new?.mac.description ?? "", c.source, c.actor ?? "",
                ])
            }
            print(changes.isEmpty ? "No changes recorded." : table.render())
        } else {
            let entries = try store.bindings()
            if output.format == .json { return print(try json(entries)) }
            var table = TextTable(headers: ["IP", "MAC", "OWNER", "UNIT", "VLAN", "SWITCH", "PORT", "ACTION"])
            for e in entries {
                table.append([
                    e.ip.description, e.mac.description, e.owner ?? "", e.unit ?? "", e.vlan.map(String.init) ?? "",
                    e.switchName ?? "", e.port ?? "", e.action?.rawValue ?? "",
                ])
            }
            print(entries.isEmpty ? "The register is empty; run `jifang bindings import FILE`." : table.render())
        }
    }
}

struct BindingsLearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Propose bindings for unbound IPs one MAC alone held over a period; list pending proposals.",
        discussion: """
            Pairs come from `jifang watch --learn` and from --pcap files given here. An IP is proposed when \
            exactly one MAC claimed it, over at least --stable hours from first to last sighting. Approve \
            proposals with `jifang bindings approve`.
            """)

    @Option(name: .long, help: "Also read the pairs of this capture file first.")
    var pcap: String?

    @Option(name: .long, help: "Hours a pair must be seen stable (first to last sighting).")
    var stable: Double = 24

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let store = try Store(path: storeOptions.path)
        if let pcap {
            var watch = BindingWatch(entries: try store.bindings(), learnPairs: true)
            try watch.run(try PacketSource(file: pcap)) { _ in }
            try store.recordPairs(watch.pairs)
        }
        let learning = try store.proposeBindings(stableFor: stable * 3600)
        let pending = try store.bindingProposals()
        if output.format == .json { return print(try json(pending)) }
        var table = TextTable(headers: ["ID", "IP", "MAC", "VLAN", "FIRST SEEN", "LAST SEEN", "PACKETS"])
        for p in pending {
            table.append([
                String(p.id), p.pair.ip.description, p.pair.mac.description, p.pair.vlan.map(String.init) ?? "",
                iso(p.pair.firstSeen), iso(p.pair.lastSeen), String(p.pair.packets),
            ])
        }
        print(pending.isEmpty ? "No pending proposals." : table.render())
        print(
            "\(learning.proposals.count) new proposals; \(learning.conflicting.count) IPs claimed by several MACs "
                + "(not proposed: \(learning.conflicting.map(\.description).joined(separator: ", "))); "
                + "\(learning.tooRecent) not stable long enough yet")
    }
}

struct BindingsApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Turn pending proposals into bindings (or reject them).")

    @Argument(help: "Proposal ids (see `jifang bindings learn`).")
    var ids: [Int64] = []

    @Flag(name: .long, help: "Approve every pending proposal.")
    var all = false

    @Flag(name: .long, help: "Reject the given proposals instead.")
    var reject = false

    @Option(name: .long, help: "Owner to record on the new bindings.")
    var owner: String?

    @Option(name: .long, help: "Unit id to record on the new bindings.")
    var unit: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard all != !ids.isEmpty else { throw ValidationError("give proposal ids or --all") }
        if reject && all { throw ValidationError("--reject needs explicit ids") }
    }

    func run() throws {
        let store = try Store(path: storeOptions.path, create: false)
        if reject {
            let count = try store.rejectProposals(ids, actor: BindingsCommand.actor)
            return print("\(count) proposals rejected")
        }
        let entries = try store.approveProposals(
            all ? nil : ids, owner: owner, unit: unit, actor: BindingsCommand.actor)
        for entry in entries { print("bound \(entry.ip) → \(entry.mac)") }
        print("\(entries.count) bindings approved")
    }
}

struct BindingsReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Bring a port shut down for a binding violation back up.")

    @Argument(help: "Shutdown ids (see `jifang bindings list --ports`).")
    var ids: [Int64] = []

    @Flag(name: .long, help: "Release every shutdown in force.")
    var all = false

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let store = try Store(path: storeOptions.path, create: false)
        let active = try store.portActions(activeOnly: true)
        let chosen =
            all
            ? active
            : try ids.map { id in
                guard let action = active.first(where: { $0.id == id }) else {
                    throw ValidationError(
                        "\(id) is not a port shutdown in force; `jifang bindings list --ports` shows them")
                }
                return action
            }
        guard !chosen.isEmpty else { return print("No port shutdowns in force.") }
        let inventory = try Inventory.load(path: try config.inventory)
        let policy = try BindingPolicy.load(directory: try config.policies)
        let enforcer = PortEnforcer(policy: policy, store: store)
        for action in chosen {
            let released = try await enforcer.release(action, inventory: inventory, actor: BindingsCommand.actor)
            print("released \(released.id): \(released.portDescription) restored to \(action.previousStatus ?? 1)")
        }
    }
}

func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

func json(_ value: some Encodable) throws -> String {
    String(decoding: try JSONEncoder.jifang.encode(value), as: UTF8.self)
}
