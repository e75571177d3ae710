import ArgumentParser
import Foundation
import JifangAgents
import JifangModel
import JifangRecords
import JifangStore

/// `jifang log`: the duty log (工作日志) — daily entries, major faults, supervisor review, verification.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The duty log: add entries, record major faults, review, verify the hash chain.",
        discussion: """
            Entries are append-only: correct one with `log add … --corrects ID`. Agents add their own \
            entries (device down/up, reboot, alerts, backups), each linked to the poll that caused it.
            """,
        subcommands: [
            LogAdd.self, LogList.self, LogFault.self, LogReview.self, LogVerify.self, LogGaps.self,
        ]
    )
}

struct LogAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a daily entry written by a member of staff.",
        discussion:
            "Categories: \(DutyLogCategory.manual.map { "\($0.rawValue) (\($0.chinese))" }.joined(separator: ", ")).")

    @OptionGroup var options: RecordsOptions
    @Argument(help: "The category, e.g. backup or data-upload.") var category: String
    @Argument(help: "What was done, in any language.") var text: String
    @Option(name: .long, help: "The author: a staff id or name.") var by: String
    @Option(name: .long, help: "The working day (yyyy-MM-dd); default today.") var day: String?
    @Option(name: .long, help: "The site (unit id); default the author's unit.") var unit: String?
    @Option(name: .long, help: "The id of the entry this one corrects.") var corrects: Int64?
    @Option(name: .long, help: "The device concerned.") var device: String?

    func run() throws {
        let store = try options.store()
        let book = DutyLogBook(store: store, policy: try options.policy())
        let day = try self.day.map { try parseDay($0, option: "--day") }
        let entry = try book.add(
            category: DutyLogCategory(rawValue: category), text: text, author: by, unit: unit, day: day,
            corrects: corrects, device: device)
        if options.json { try printJSON(entry) } else { print("Entry \(entry.id) added to \(entry.day).") }
    }
}

struct LogList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List entries, people's and agents' alike, in chain order.")

    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "First day (yyyy-MM-dd).") var from: String?
    @Option(name: .long, help: "Last day (yyyy-MM-dd).") var to: String?
    @Option(name: .long, help: "Only this day.") var day: String?
    @Option(name: .long, help: "Only this site (unit id).") var unit: String?

    func run() throws {
        let store = try options.store()
        let book = DutyLogBook(store: store, policy: try options.policy())
        var from = try self.from.map { try parseDay($0, option: "--from") }
        var to = try self.to.map { try parseDay($0, option: "--to") }
        if let day = try self.day.map({ try parseDay($0, option: "--day") }) { (from, to) = (day, day) }
        let entries = try book.entries(from: from, to: to, unit: unit)
        if options.json { return try printJSON(entries) }
        guard !entries.isEmpty else { return print("No duty-log entries.") }
        let names = Dictionary(uniqueKeysWithValues: try store.staff().map { ($0.id, $0.name) })
        let corrected = Dictionary(entries.compactMap { e in e.corrects.map { ($0, e.id) } }, uniquingKeysWith: { $1 })
        let time = DateFormatter()
        time.dateFormat = "HH:mm"
        time.timeZone = TimeZone(secondsFromGMT: try options.policy().utcOffsetSeconds)
        var table = TextTable(headers: ["ID", "DAY", "TIME", "CATEGORY", "BY", "ENTRY"])
        for e in entries {
            var text = e.text
            if let target = e.corrects { text += e.category == .faultUpdate ? "" : " (corrects \(target))" }
            if let by = corrected[e.id], e.category != .fault { text += " [corrected by \(by)]" }
            if let poll = e.poll { text += " [poll \(poll)]" }
            table.append([
                String(e.id), e.day.description, time.string(from: e.time), e.category.chinese,
                e.source == .automatic ? "agent" : names[e.author] ?? e.author, text,
            ])
        }
        print(table.render())
    }
}

struct LogFault: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fault",
        abstract: "Record a major fault (symptom, cause, handling, participants, result), or complete one.",
        discussion: "A fault needs its symptom; the other fields may follow with --update ID. Use --list to see faults."
    )

    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "故障现象: what was seen.") var symptom: String?
    @Option(name: .long, help: "发生原因: why it happened.") var cause: String?
    @Option(name: .long, help: "处理过程: what was done.") var handling: String?
    @Option(name: .long, help: "参加人员: who took part.") var participants: String?
    @Option(name: .long, help: "处理结果: how it ended.") var result: String?
    @Option(name: .long, help: "The author: a staff id or name.") var by: String?
    @Option(name: .long, help: "Complete the fault with this entry id instead of recording a new one.") var update:
        Int64?
    @Option(name: .long, help: "The working day (yyyy-MM-dd); default today.") var day: String?
    @Option(name: .long, help: "The device concerned.") var device: String?
    @Flag(name: .long, help: "List major faults and what each still lacks.") var list = false
    @Flag(name: .long, help: "With --list: only faults lacking a field.") var incomplete = false

    func run() throws {
        let store = try options.store()
        let book = DutyLogBook(store: store, policy: try options.policy())
        if list {
            let faults = try book.faults().filter { !incomplete || !$0.isComplete }
            if options.json { return try printJSON(faults.map(FaultRow.init)) }
            guard !faults.isEmpty else {
                return print(incomplete ? "Every major fault is complete." : "No major faults.")
            }
            var table = TextTable(headers: ["ID", "DAY", "SYMPTOM", "MISSING"])
            for f in faults {
                table.append([
                    String(f.entry.id), f.entry.day.description, f.details.symptom.orDash,
                    f.missingFields.isEmpty ? "complete" : f.missingFields.joined(separator: ", "),
                ])
            }
            return print(table.render())
        }
        guard let by else { throw ValidationError("--by: name the staff member recording the fault.") }
        let details = FaultDetails(
            symptom: symptom, cause: cause, handling: handling, participants: participants, result: result)
        let entry: DutyLogEntry
        if let update {
            entry = try book.completeFault(update, with: details, author: by)
        } else {
            entry = try book.recordFault(
                details, author: by, day: try day.map { try parseDay($0, option: "--day") }, device: device)
        }
        let status = try book.faults().first { $0.entry.id == (entry.corrects ?? entry.id) }
        if options.json { return try printJSON(status.map(FaultRow.init)) }
        let missing = status?.missingFields ?? []
        print(
            "Entry \(entry.id) recorded. Fault \(status?.entry.id ?? entry.id) "
                + (missing.isEmpty
                    ? "is complete."
                    : "still lacks: \(missing.joined(separator: ", ")) (complete with --update \(status?.entry.id ?? entry.id)).")
        )
    }
}

/// A fault as `--format json` prints it.
struct FaultRow: Encodable {
    var id: Int64
    var day: String
    var details: FaultDetails
    var missing: [String]
    var complete: Bool
    var updates: [Int64]
    init(_ f: FaultStatus) {
        (id, day, details, missing, complete, updates) =
            (f.entry.id, f.entry.day.description, f.details, f.missingFields, f.isComplete, f.updates)
    }
}

struct LogReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Sign off a period as supervisor; the sign-off covers exactly the entries shown now.")

    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "First day (yyyy-MM-dd).") var from: String
    @Option(name: .long, help: "Last day (yyyy-MM-dd); default the first.") var to: String?
    @Option(name: .long, help: "The supervisor: a staff id or name.") var by: String
    @Option(name: .long, help: "Only this site (unit id).") var unit: String?
    @Option(name: .long, help: "A remark kept with the sign-off.") var comment: String?

    func run() throws {
        let store = try options.store()
        let book = DutyLogBook(store: store, policy: try options.policy())
        let from = try parseDay(from, option: "--from")
        let to = try self.to.map { try parseDay($0, option: "--to") } ?? from
        let review = try book.review(from: from, to: to, supervisor: by, unit: unit, comment: comment)
        if options.json { return try printJSON(review) }
        print(
            "Review \(review.id) by \(review.supervisor) signs off \(review.entries.count) entries of \(from)…\(to) "
                + "(digest \(review.digest.prefix(16)); log entry \(review.logEntry)).")
    }
}

struct LogVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the hash chain and sign-offs; exits 1 naming the first bad entry.")

    @OptionGroup var options: RecordsOptions

    func run() throws {
        let store = try Store(path: options.storeOptions.path, create: false)
        let result = try DutyLogBook(store: store, policy: try options.policy()).verify()
        if options.json {
            try printJSON(result)
        } else if result.isIntact {
            print("The duty log is intact: \(result.entries) entries, head \(result.headHash ?? "-").")
        } else {
            print("The duty log has been tampered with:")
            for problem in result.problems { print("  \(problem.kind.rawValue): \(problem.message)") }
        }
        if !result.isIntact { throw ExitCode(1) }
    }
}

struct LogGaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps", abstract: "Days with no entry, incomplete major faults and entries no sign-off covers.")

    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "First day (yyyy-MM-dd); default 30 days ago.") var from: String?
    @Option(name: .long, help: "Last day (yyyy-MM-dd); default today.") var to: String?
    @Option(name: .long, help: "Only this site (unit id).") var unit: String?

    struct Gaps: Encodable {
        var from: CalendarDay
        var to: CalendarDay
        var daysWithoutEntries: [CalendarDay]
        var incompleteFaults: [FaultRow]
        var unreviewedEntries: [Int64]
    }

    func run() throws {
        let store = try options.store()
        let book = DutyLogBook(store: store, policy: try options.policy())
        let to = try options.day(self.to, option: "--to")
        let from = try self.from.map { try parseDay($0, option: "--from") } ?? to.adding(days: -30)
        let gaps = Gaps(
            from: from, to: to, daysWithoutEntries: try book.daysWithoutEntries(from: from, to: to, unit: unit),
            incompleteFaults: try book.faults(from: from, to: to, unit: unit).filter { !$0.isComplete }.map(
                FaultRow.init),
            unreviewedEntries: try book.unreviewed(from: from, to: to, unit: unit).map(\.id))
        if options.json { return try printJSON(gaps) }
        print(
            "Days without an entry (\(from)…\(to)): "
                + (gaps.daysWithoutEntries.isEmpty
                    ? "none" : gaps.daysWithoutEntries.map(\.description).joined(separator: ", ")))
        print(
            "Incomplete major faults: "
                + (gaps.incompleteFaults.isEmpty
                    ? "none"
                    : gaps.incompleteFaults.map { "\($0.id) (\($0.day)) lacks \($0.missing.joined(separator: ", "))" }
                        .joined(separator: "; ")))
        print(
            "Entries not yet reviewed: "
                + (gaps.unreviewedEntries.isEmpty
                    ? "none" : gaps.unreviewedEntries.map(String.init).joined(separator: ", ")))
    }
}
