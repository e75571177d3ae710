import ArgumentParser
import Foundation
import JifangAgents
import JifangModel
import JifangRecords
import JifangStore

/// `jifang docs`: technical documents and their lending (借阅, Art. 144–146).
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Technical documents: catalogue, lend to staff, renew, take back with inspection, overdue loans.",
        discussion:
            "Categories: \(DocumentCategory.allCases.map { "\($0.rawValue) (\($0.chinese))" }.joined(separator: ", ")).",
        subcommands: [
            DocsAdd.self, DocsList.self, DocsLend.self, DocsRenew.self, DocsReturn.self, DocsOverdue.self,
            DocsLoans.self,
        ]
    )
}

struct DocsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Catalogue a document.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The catalogue number.") var id: String
    @Argument(help: "The title.") var title: String
    @Option(name: .long) var category: String
    @Option(name: .long, help: "The keeper: a staff id or name.") var keeper: String
    @Option(name: .long, help: "The asset it came with.") var asset: String?
    @Option(name: .long, help: "Price in yuan (what a lost copy costs the borrower).") var price: String?
    @Option(name: .long) var notes: String?

    func run() throws {
        let store = try options.store()
        let desk = DocumentDesk(store: store, policy: try options.policy())
        try desk.add(
            TechnicalDocument(
                id: id, title: title, category: try parseEnum(category, DocumentCategory.self, option: "--category"),
                keeper: keeper, asset: asset, price: try parseAmount(price, option: "--price"), notes: notes))
        if options.json { return try printJSON(try store.document(id: id)) }
        print("Document \(id) catalogued.")
    }
}

struct DocsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The catalogue.")
    @OptionGroup var options: RecordsOptions

    func run() throws {
        let documents = try DocumentDesk(store: try options.store()).catalogue()
        if options.json { return try printJSON(documents) }
        guard !documents.isEmpty else { return print("The catalogue is empty.") }
        var table = TextTable(headers: ["ID", "TITLE", "CATEGORY", "KEEPER", "ASSET", "PRICE", "STATE"])
        for d in documents {
            table.append([
                d.id, d.title, d.category.chinese, d.keeper, d.asset.orDash,
                d.price.map { String(format: "%.2f", $0) } ?? "-", d.state.rawValue,
            ])
        }
        print(table.render())
    }
}

struct DocsLend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lend", abstract: "Lend a document to a member of staff.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The catalogue number.") var id: String
    @Option(name: .long, help: "The borrower: a staff id or name.") var to: String
    @Option(name: .long, help: "The keeper lending it.") var by: String
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?

    func run() throws {
        let loan = try DocumentDesk(store: try options.store(), policy: try options.policy()).lend(
            id, to: to, on: try options.day(day, option: "--day"), by: by)
        if options.json { return try printJSON(loan) }
        print("Loan \(loan.id): \(loan.title) to \(loan.borrower) on \(loan.lentOn), due \(loan.due).")
    }
}

struct DocsRenew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew", abstract: "Renew (续借) a loan before it falls due.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The catalogue number.") var id: String
    @Option(name: .long) var by: String
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?

    func run() throws {
        let loan = try DocumentDesk(store: try options.store(), policy: try options.policy()).renew(
            id, on: try options.day(day, option: "--day"), by: by)
        if options.json { return try printJSON(loan) }
        print("Loan \(loan.id) renewed (\(loan.renewals.count)×); due \(loan.due).")
    }
}

struct DocsReturn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Take a document back after inspection; damaged or lost items are paid for at their price.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "The catalogue number.") var id: String
    @Option(name: .long, help: "fine, damaged or lost.") var condition: String = "fine"
    @Option(name: .long) var by: String
    @Option(name: .long, help: "Amount to pay instead of the price, in yuan.") var compensation: String?
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?

    func run() throws {
        let loan = try DocumentDesk(store: try options.store(), policy: try options.policy()).takeBack(
            id, on: try options.day(day, option: "--day"),
            condition: try parseEnum(condition, ReturnCondition.self, option: "--condition"), by: by,
            compensation: try parseAmount(compensation, option: "--compensation"))
        if options.json { return try printJSON(loan) }
        let owed = loan.compensation.map { "; \(loan.borrower) pays \(String(format: "%.2f", $0)) yuan" } ?? ""
        print("Loan \(loan.id) returned \(condition)\(owed).")
    }
}

struct DocsOverdue: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "overdue", abstract: "Loans past their due day.")
    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?

    func run() throws {
        let day = try options.day(self.day, option: "--day")
        let loans = try DocumentDesk(store: try options.store(), policy: try options.policy()).overdue(on: day)
        if options.json { return try printJSON(loans) }
        guard !loans.isEmpty else { return print("No loan is overdue on \(day).") }
        printLoans(loans, today: day)
    }
}

struct DocsLoans: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loans", abstract: "Every loan, or with --open only those not returned.")
    @OptionGroup var options: RecordsOptions
    @Flag(name: .long) var open = false

    func run() throws {
        let loans = try DocumentDesk(store: try options.store()).loans(openOnly: open)
        if options.json { return try printJSON(loans) }
        guard !loans.isEmpty else { return print("No loans.") }
        printLoans(loans, today: try options.today())
    }
}

private func printLoans(_ loans: [Loan], today: CalendarDay) {
    var table = TextTable(headers: ["LOAN", "DOCUMENT", "TITLE", "BORROWER", "LENT", "DUE", "RENEWED", "RETURNED"])
    for l in loans {
        let returned =
            l.returnedOn.map { "\($0) \(l.condition?.rawValue ?? "")" } ?? (l.isOverdue(on: today) ? "OVERDUE" : "-")
        table.append([
            String(l.id), l.document, l.title, l.borrower, l.lentOn.description, l.due.description,
            String(l.renewals.count), returned,
        ])
    }
    print(table.render())
}
