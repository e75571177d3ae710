import ArgumentParser
import Foundation
import JifangAgents
import JifangModel
import JifangRecords
import JifangStore

/// `jifang assets`: the asset register (网络设备档案) — discovered devices and everything entered by hand.
struct AssetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets",
        abstract: "The asset register: list, add, change state, repair, scrap, power-on runs, CSV import/export.",
        discussion: """
            Polled devices enter the register by themselves. States: in-use (在用), idle (闲置), \
            under-repair (维修), scrapped (报废). Kinds: \(AssetKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """,
        subcommands: [
            AssetsList.self, AssetsShow.self, AssetsAdd.self, AssetsEdit.self, AssetsState.self, AssetsRepair.self,
            AssetsRepaired.self, AssetsScrap.self, AssetsPowerOn.self, AssetsPowerOnDue.self, AssetsImport.self,
            AssetsExport.self,
        ]
    )
}

struct AssetsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the register.")
    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "Only assets in this state.") var state: String?

    func run() throws {
        let state = try self.state.map { try parseEnum($0, AssetState.self, option: "--state") }
        let assets = try AssetRegister(store: try options.store()).assets(state: state)
        if options.json { return try printJSON(assets) }
        guard !assets.isEmpty else { return print("The asset register is empty.") }
        var table = TextTable(headers: [
            "TAG", "NAME", "KIND", "STATE", "VENDOR", "MODEL", "SERIAL", "LOCATION", "RESPONSIBLE",
        ])
        for a in assets {
            table.append([
                a.tag, a.name, a.kind.rawValue, a.state.chinese, a.vendor.orDash, a.model.orDash, a.serial.orDash,
                [a.location, a.rack].compactMap { $0 }.joined(separator: " / "), a.responsible.orDash,
            ])
        }
        print(table.render())
    }
}

struct AssetsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One asset with its history and repairs.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The asset tag.") var tag: String

    struct Detail: Encodable {
        var asset: Asset
        var history: [AssetChange]
        var repairs: [RepairTicket]
        var scrapped: ScrapRecord?
    }

    func run() throws {
        let store = try options.store()
        let register = AssetRegister(store: store)
        let detail = Detail(
            asset: try register.asset(tag), history: try register.history(tag), repairs: try register.repairs(tag),
            scrapped: try store.scrapRecord(asset: tag))
        if options.json { return try printJSON(detail) }
        let a = detail.asset
        print(
            "\(a.tag)  \(a.name)  [\(a.kind.rawValue), \(a.state.rawValue) \(a.state.chinese) since \(a.stateSince?.description ?? "-")]"
        )
        print(
            "  \(a.vendor.orDash) \(a.model.orDash), serial \(a.serial.orDash), OS \(a.osVersion.orDash), "
                + "interfaces \(a.interfaceCount.map(String.init) ?? "-")")
        print(
            "  unit \(a.unit.orDash), location \(a.location.orDash), rack \(a.rack.orDash), responsible \(a.responsible.orDash)"
        )
        let formatter = ISO8601DateFormatter()
        var table = TextTable(headers: ["WHEN", "WHO", "ACTION", "FIELD", "BEFORE", "AFTER", "NOTE"])
        for c in detail.history {
            table.append([
                formatter.string(from: c.time), c.actor, c.action, c.field.orDash, c.before.orDash, c.after.orDash,
                c.note.orDash,
            ])
        }
        print(table.render())
    }
}

struct AssetsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Enter an asset by hand.")
    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "The asset tag (资产编号).") var tag: String
    @Option(name: .long, help: "What it is called.") var name: String
    @Option(name: .long, help: "The kind, e.g. pc, printer, ups-battery.") var kind: String
    @Option(name: .long, help: "in-use or idle.") var state: String = "in-use"
    @OptionGroup var fields: AssetFieldOptions
    @Option(name: .long, help: "Who enters it: a staff id or name.") var by: String

    func run() throws {
        let store = try options.store()
        var asset = Asset(
            tag: tag, name: name, kind: try parseEnum(kind, AssetKind.self, option: "--kind"),
            state: try parseEnum(state, AssetState.self, option: "--state"))
        try fields.apply(to: &asset)
        let register = AssetRegister(store: store, policy: try options.policy())
        try register.add(asset, actor: try options.actor(by, store: store), on: try options.today())
        if options.json { return try printJSON(try register.asset(tag)) }
        print("Asset \(tag) entered.")
    }
}

struct AssetsEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change an asset's descriptive fields; each change is kept with who and when.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The asset tag.") var tag: String
    @Option(name: .long) var name: String?
    @OptionGroup var fields: AssetFieldOptions
    @Option(name: .long, help: "Who changes it: a staff id or name.") var by: String

    func run() throws {
        let store = try options.store()
        let register = AssetRegister(store: store, policy: try options.policy())
        var asset = try register.asset(tag)
        asset.name = name ?? asset.name
        try fields.apply(to: &asset)
        try register.update(asset, actor: try options.actor(by, store: store))
        if options.json { return try printJSON(try register.asset(tag)) }
        print("Asset \(tag) updated.")
    }
}

struct AssetsState: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Move an asset between in-use and idle.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The asset tag.") var tag: String
    @Argument(help: "in-use or idle.") var state: String
    @Option(name: .long) var by: String
    @Option(name: .long) var note: String?

    func run() throws {
        let store = try options.store()
        let register = AssetRegister(store: store, policy: try options.policy())
        try register.changeState(
            tag, to: try parseEnum(state, AssetState.self, option: "state"), actor: try options.actor(by, store: store),
            on: try options.today(), note: note)
        if options.json { return try printJSON(try register.asset(tag)) }
        print("\(tag) is now \(state).")
    }
}

struct AssetsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a CSV file (Snipe-IT / NetBox columns); one bad line imports nothing.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(name: .long) var by: String

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("\(file): cannot read it as UTF-8 text.")
        }
        let store = try options.store()
        let counts = try AssetRegister(store: store, policy: try options.policy()).importCSV(
            text, file: file, actor: try options.actor(by, store: store), on: try options.today())
        if options.json { return try printJSON(["added": counts.added, "updated": counts.updated]) }
        print("Imported \(file): \(counts.added) added, \(counts.updated) updated.")
    }
}

struct AssetsExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the register as CSV.")
    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let csv = try AssetRegister(store: try options.store()).exportCSV()
        if let output {
            try csv.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(csv, terminator: "")
        }
    }
}
