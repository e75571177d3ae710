import ArgumentParser
import Foundation
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore

/// How `jifang evaluate` writes its report.
enum EvaluationFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, junit, pdf
}

/// `jifang evaluate --period 2026H2 [--unit U]`: the half-yearly evaluation with scores, evidence and ranking.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate every unit for a half-year period (Mgmt Art. 28, 30): scorecards, ranking, changes.",
        discussion: """
            Rules come from Policies/rules.yaml, working days from Policies/calendar.yaml. Every unit of the store is evaluated and ranked among units \
            of its level; the evaluation is stored as history (flags: top three two years running, bottom \
            three twice running). --unit restricts the printed scorecards to one unit. --format pdf renders \
            the HTML report with headless Chromium (needs --output).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: "The period, e.g. 2026H2 (H1 = January–June, H2 = July–December).") var period: String
    @Option(name: .long, help: "Print only this unit's scorecard.") var unit: String?
    @Option(name: .long, help: "text, json, html, junit or pdf.") var format: EvaluationFormat = .text
    @Option(name: .long, help: "Write the report to this file instead of standard output.") var output: String?
    /// The policies directory: rules.yaml and calendar.yaml.
    @OptionGroup var policyOptions: PolicyOptions
    @Option(name: .long, help: "Evaluate as of this day (yyyy-MM-dd; default today): records before it are read.")
    var asOf: String?
    @Flag(name: .long, help: "Do not store the evaluation in the history.") var dryRun = false

    func run() throws {
        guard let period = Period(period) else {
            throw ValidationError(
                "--period: \"\(period)\" is not a period; use e.g. 2026H2 (H1 January–June, H2 July–December).")
        }
        let store = try Store(path: storeOptions.path, create: false)
        let asOfDay = try asOf.map { try parseDay($0, option: "--as-of") }
        var report = try Evaluator(store: store, policiesDirectory: try policyOptions.directory).evaluate(
            period: period, asOf: asOfDay, save: !dryRun, evaluatedBy: ProcessInfo.processInfo.environment["USER"])
        if let unit {
            guard report.scorecards.contains(where: { $0.unit.id == unit }) else {
                throw ValidationError("--unit: the store has no city, county or township unit \"\(unit)\".")
            }
            report = report.only(unit: unit)
        }
        let text: String
        switch format {
        case .text: text = ScorecardText.render(report)
        case .json: text = try ScorecardJSON.render(report)
        case .html: text = ScorecardHTML.render(report)
        case .junit: text = ScorecardJUnit.render(report)
        case .pdf:
            guard let output else { throw ValidationError("--format pdf: give the PDF file with --output.") }
            try PDFRenderer.render(html: ScorecardHTML.render(report), to: output)
            print("Wrote \(output).")
            return
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            print("Wrote \(output).")
        } else {
            print(text, terminator: "")
        }
    }
}

/// `jifang waiver add|list`: approved, dated exceptions to evaluation rules.
struct WaiverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waiver", abstract: "Approved exceptions to evaluation rules, with justification and expiry.",
        subcommands: [WaiverAdd.self, WaiverList.self])
}

struct WaiverAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a waiver.")
    @OptionGroup var storeOptions: StoreOptions
    /// The policies directory: rules.yaml, to check the rule id.
    @OptionGroup var policyOptions: PolicyOptions
    @Argument(help: "The rule id, e.g. staff.training.") var rule: String
    @Option(name: .long, help: "The unit it covers (default: every unit).") var unit: String?
    @Option(name: .long, help: "Why the rule cannot be met.") var justification: String
    @Option(name: .long, help: "Who approved it.") var approver: String
    @Option(name: .long, help: "yyyy-MM-dd it starts.") var start: String
    @Option(name: .long, help: "yyyy-MM-dd after which it no longer applies.") var expires: String
    @OptionGroup var output: FormatOptions

    func run() throws {
        let rulesPath = try policyOptions.file(ComplianceRuleSet.fileName)
        let rules = try ComplianceRuleSet.load(path: rulesPath)
        guard rules.rules.contains(where: { $0.id == rule }) else {
            throw ValidationError(
                "\"\(rule)\" is not a rule of \(rulesPath); rules: \(rules.rules.map(\.id).joined(separator: ", "))."
            )
        }
        let waiver = try Store(path: storeOptions.path).addWaiver(
            Waiver(
                rule: rule, unit: unit, justification: justification, approver: approver,
                startsOn: try parseDay(start, option: "--start"), expiresOn: try parseDay(expires, option: "--expires"))
        )
        if output.format == .json { return try printJSON(waiver) }
        print("Waiver #\(waiver.id) of \(rule) for \(unit ?? "every unit"), \(waiver.startsOn) to \(waiver.expiresOn).")
    }
}

struct WaiverList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List waivers, expired ones too.")
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let waivers = try Store(path: storeOptions.path).waivers()
        if output.format == .json { return try printJSON(waivers) }
        let today = CalendarDay(Date(), utcOffsetSeconds: 28_800)
        for w in waivers {
            let state = w.isActive(on: today) ? "in force" : (today > w.expiresOn ? "expired" : "not yet")
            print(
                "#\(w.id) \(w.rule) \(w.unit ?? "*") \(w.startsOn)…\(w.expiresOn) (\(state)) by \(w.approver): \(w.justification)"
            )
        }
    }
}
