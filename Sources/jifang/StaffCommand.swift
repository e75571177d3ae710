import ArgumentParser
import Foundation
import JifangAgents
import JifangModel
import JifangRecords
import JifangStore

/// `jifang staff`: people, roles, degrees, post certificates, trainings, meetings and circulars.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Staff and governance records: people, trainings, leadership meetings and circulars.",
        subcommands: [
            StaffAdd.self, StaffList.self, StaffTraining.self, StaffTrainings.self, StaffGovernance.self,
            StaffGovernanceList.self,
        ]
    )
}

struct StaffAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a person (or replace their record).")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "A short id, e.g. an employee number or pinyin.") var id: String
    @Argument(help: "The person's name, e.g. 张伟.") var name: String
    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Roles: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: [String] = []
    @Option(name: .long) var unit: String?
    @Option(name: .long, help: "\(Degree.allCases.map(\.rawValue).joined(separator: ", ")).") var degree: String?
    @Option(name: .long, help: "Post certificate number (上岗证).") var certificate: String?
    @Option(name: .long, help: "Level that issued it: province or city.") var certificateLevel: String = "province"
    @Option(name: .long, help: "yyyy-MM-dd the certificate was issued.") var certificateDate: String?
    @Option(name: .long, help: "yyyy-MM-dd") var joined: String?
    @Option(name: .long, help: "yyyy-MM-dd; after it the person may not borrow or sign.") var left: String?

    func run() throws {
        var certificate: PostCertificate?
        if let number = self.certificate {
            guard let date = certificateDate else {
                throw ValidationError("--certificate-date: required with --certificate.")
            }
            certificate = PostCertificate(
                number: number,
                issuedBy: try parseEnum(certificateLevel, UnitLevel.self, option: "--certificate-level"),
                issuedOn: try parseDay(date, option: "--certificate-date"))
        }
        let person = StaffMember(
            id: id, name: name, unit: unit, roles: try role.map { try parseEnum($0, StaffRole.self, option: "--role") },
            degree: try degree.map { try parseEnum($0, Degree.self, option: "--degree") }, certificate: certificate,
            joinedOn: try joined.map { try parseDay($0, option: "--joined") },
            leftOn: try left.map { try parseDay($0, option: "--left") })
        let store = try options.store()
        try StaffRegister(store: store).register(person)
        if options.json { return try printJSON(person) }
        print("\(name) (\(id)) registered.")
    }
}

struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The staff.")
    @OptionGroup var options: RecordsOptions

    func run() throws {
        let people = try options.store().staff()
        if options.json { return try printJSON(people) }
        guard !people.isEmpty else { return print("No staff registered; add people with `jifang staff add`.") }
        var table = TextTable(headers: ["ID", "NAME", "UNIT", "ROLES", "DEGREE", "CERTIFICATE", "JOINED", "LEFT"])
        for p in people {
            let cert = p.certificate.map { "\($0.number) (\($0.issuedBy.rawValue), \($0.issuedOn))" } ?? "-"
            table.append([
                p.id, p.name, p.unit.orDash, p.roles.map(\.rawValue).joined(separator: ","),
                p.degree?.rawValue ?? "-", cert, p.joinedOn?.description ?? "-", p.leftOn?.description ?? "-",
            ])
        }
        print(table.render())
    }
}

struct StaffTraining: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training", abstract: "Record a training a person attended.")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "A staff id or name.") var person: String
    @Option(name: .long) var title: String
    @Option(name: .long) var hours: Double
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?
    @Option(name: .long) var organiser: String?

    func run() throws {
        let training = try StaffRegister(store: try options.store()).addTraining(
            person: person, day: try options.day(day, option: "--day"), hours: hours, title: title, organiser: organiser
        )
        if options.json { return try printJSON(training) }
        print("Training \(training.id) recorded for \(training.person).")
    }
}

struct StaffTrainings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainings",
        abstract: "Each person's trainings in a year against Art. 149 (2 trainings, 48 hours).")
    @OptionGroup var options: RecordsOptions
    @Option(name: .long, help: "The year; default this year.") var year: Int?

    func run() throws {
        let year = try self.year ?? options.today().year
        let summary = try StaffRegister(store: try options.store()).trainingSummary(year: year)
        if options.json { return try printJSON(summary) }
        var table = TextTable(headers: ["ID", "NAME", "YEAR", "TRAININGS", "HOURS", "ART. 149"])
        for s in summary {
            table.append([
                s.person, s.name, String(s.year), String(s.trainings), String(format: "%.1f", s.hours),
                s.meetsRequirement ? "met" : "NOT MET",
            ])
        }
        print(table.render())
    }
}

struct StaffGovernance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "governance",
        abstract: "Record a leadership meeting or a circular on informatization (Mgmt Art. 27, 29).")
    @OptionGroup var options: RecordsOptions
    @Argument(help: "meeting or circular.") var kind: String
    @Argument(help: "The title.") var title: String
    @Option(name: .long, help: "yyyy-MM-dd; default today.") var day: String?
    @Option(name: .long) var unit: String?
    @Option(name: .long, help: "Document number (文号) or minutes reference.") var reference: String?
    @Option(name: .long) var notes: String?

    func run() throws {
        let record = try StaffRegister(store: try options.store()).addGovernance(
            kind: try parseEnum(kind, GovernanceRecord.Kind.self, option: "kind"), unit: unit,
            day: try options.day(day, option: "--day"), title: title, reference: reference, notes: notes)
        if options.json { return try printJSON(record) }
        print("\(record.kind.rawValue.capitalized) \(record.id) recorded.")
    }
}

struct StaffGovernanceList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings", abstract: "Meetings and circulars, by day.")
    @OptionGroup var options: RecordsOptions

    func run() throws {
        let records = try options.store().governanceRecords()
        if options.json { return try printJSON(records) }
        guard !records.isEmpty else { return print("No meetings or circulars recorded.") }
        var table = TextTable(headers: ["ID", "DAY", "KIND", "UNIT", "TITLE", "REFERENCE"])
        for r in records {
            table.append([String(r.id), r.day.description, r.kind.rawValue, r.unit.orDash, r.title, r.reference.orDash])
        }
        print(table.render())
    }
}
