import ArgumentParser
import Foundation
import JifangAgents
import JifangModel
import JifangRecords
import JifangStore

// State changes that come with a record: repair tickets, scrapping, power-on runs (Art. 137–139).

struct AssetsRepair: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair", abstract: "Report a fault: open a repair ticket (Art. 138).")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The asset tag.") var tag: String
    @Option(name: .long, help: "What is wrong.") var fault: String
    @Option(name: .long, help: "The person who caused the damage, if any; the cost is charged to them.") var causedBy:
        String?
    @Option(name: .long) var by: String

    func run() throws {
        let store = try options.store()
        let ticket = try AssetRegister(store: store, policy: try options.policy()).openRepair(
            tag, fault: fault, causedBy: causedBy, reportedBy: try options.actor(by, store: store),
            on: try options.today())
        if options.json { return try printJSON(ticket) }
        print("Repair ticket \(ticket.id) opened; \(tag) is under repair.")
    }
}

struct AssetsRepaired: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repaired", abstract: "Close the repair ticket with result and cost.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The asset tag.") var tag: String
    @Option(name: .long) var result: String
    @Option(name: .long, help: "Cost in yuan.") var cost: String?
    @Option(name: .long, help: "in-use or idle.") var returnTo: String = "in-use"
    @Option(name: .long) var by: String

    func run() throws {
        let store = try options.store()
        let ticket = try AssetRegister(store: store, policy: try options.policy()).closeRepair(
            tag, result: result, cost: try parseAmount(cost, option: "--cost"),
            returnTo: try parseEnum(returnTo, AssetState.self, option: "--return-to"),
            actor: try options.actor(by, store: store), on: try options.today())
        if options.json { return try printJSON(ticket) }
        print("Repair ticket \(ticket.id) closed; \(tag) is \(returnTo).")
    }
}

struct AssetsScrap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrap", abstract: "Scrap an asset and record its hand-over (Art. 139).")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The asset tag.") var tag: String
    @Option(name: .long) var reason: String
    @Option(name: .long, help: "Who received it.") var handedTo: String
    @Option(name: .long) var by: String

    func run() throws {
        let store = try options.store()
        let register = AssetRegister(store: store, policy: try options.policy())
        try register.scrap(
            tag, reason: reason, handedTo: handedTo, actor: try options.actor(by, store: store), on: try options.today()
        )
        if options.json { return try printJSON(try store.scrapRecord(asset: tag)) }
        print("\(tag) scrapped and handed to \(handedTo).")
    }
}

struct AssetsPowerOn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power-on", abstract: "Record the monthly power-on run of idle equipment (Art. 137).")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The asset tag.") var tag: String
    @Option(name: .long) var by: String
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?
    @Option(name: .long) var note: String?

    func run() throws {
        let store = try options.store()
        let day = try options.day(self.day, option: "--day")
        try AssetRegister(store: store, policy: try options.policy()).recordPowerOn(
            tag, on: day, actor: try options.actor(by, store: store), note: note)
        if options.json { return try printJSON(try store.powerOnRuns(asset: tag)) }
        print("Power-on run of \(tag) on \(day) recorded.")
    }
}

struct AssetsPowerOnDue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power-on-due", abstract: "Idle equipment due or overdue for its power-on run.")
    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?

    func run() throws {
        let day = try options.day(self.day, option: "--day")
        let due = try AssetRegister(store: try options.store(), policy: try options.policy()).powerOnSchedule(on: day)
        if options.json { return try printJSON(due) }
        guard !due.isEmpty else { return print("No idle equipment is due for a power-on run.") }
        var table = TextTable(headers: ["TAG", "NAME", "LAST RUN", "DUE", "STATUS", "RESPONSIBLE"])
        for d in due {
            table.append([
                d.asset, d.name, d.lastPowerOn?.description ?? "never", d.due.description,
                d.overdue ? "OVERDUE" : "due", d.responsible.orDash,
            ])
        }
        print(table.render())
    }
}
