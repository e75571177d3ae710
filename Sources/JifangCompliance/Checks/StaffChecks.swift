import JifangConfig
import JifangModel
import JifangStore

/// Art. 5: enough professionals, administrators and technicians on post.
struct StaffingCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let professionals = try context.professionals()
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let people = professionals[unit.id] ?? []
            let admins = people.filter { $0.roles.contains(.administrator) }.count
            let techs = people.filter { $0.roles.contains(.technician) }.count
            let need = (
                Int(rule.number("professionals", unit.level) ?? 0), Int(rule.number("administrators", unit.level) ?? 0),
                Int(rule.number("technicians", unit.level) ?? 0)
            )
            let found = "\(people.count) professionals (\(admins) administrators, \(techs) technicians)"
            let required = "\(need.0) (\(need.1) administrators, \(need.2) technicians)"
            let ok = people.count >= need.0 && admins >= need.1 && techs >= need.2
            outcomes[unit.id] = RuleOutcome(
                ok ? .pass : .fail, "\(found) on post; required at least \(required).",
                records: people.map { "staff:\($0.id)" })
        }
        return outcomes
    }
}

/// Art. 5: each professional holds at least the degree the unit's level requires.
struct DegreeCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let professionals = try context.professionals()
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            guard let minimumText = rule.text("minimum", unit.level), let minimum = Degree(rawValue: minimumText) else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No degree is set for \(unit.level.rawValue) level.")
                continue
            }
            let people = professionals[unit.id] ?? []
            guard !people.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.fail, "No professionals on post.")
                continue
            }
            let short = people.filter { ($0.degree?.rank ?? -1) < minimum.rank }
            outcomes[unit.id] =
                short.isEmpty
                ? RuleOutcome(
                    .pass, "All \(plural(people.count, "professional")) hold \(minimum.rawValue) or higher.",
                    records: people.map { "staff:\($0.id)" })
                : RuleOutcome(
                    .fail,
                    "\(short.count) of \(people.count) professionals below \(minimum.rawValue): "
                        + short.map { "\($0.id) (\($0.degree?.rawValue ?? "none recorded"))" }.joined(separator: ", ")
                        + ".",
                    records: short.map { "staff:\($0.id)" })
        }
        return outcomes
    }
}

/// Art. 6: each professional holds a post certificate issued by the right level.
struct CertificateCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let professionals = try context.professionals()
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            guard let issuerText = rule.text("issuer", unit.level), let issuer = UnitLevel(rawValue: issuerText) else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No issuer is set for \(unit.level.rawValue) level.")
                continue
            }
            let people = professionals[unit.id] ?? []
            guard !people.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.fail, "No professionals on post.")
                continue
            }
            let without = people.filter { $0.certificate?.issuedBy != issuer }
            outcomes[unit.id] =
                without.isEmpty
                ? RuleOutcome(
                    .pass,
                    "All \(plural(people.count, "professional")) hold a post certificate issued by the \(issuer.rawValue).",
                    records: people.map { "staff:\($0.id)" })
                : RuleOutcome(
                    .fail,
                    "\(without.count) of \(people.count) professionals lack a \(issuer.rawValue)-issued certificate: "
                        + without.map {
                            "\($0.id) (\($0.certificate.map { "issued by \($0.issuedBy.rawValue)" } ?? "none"))"
                        }
                        .joined(separator: ", ") + ".",
                    records: without.map { "staff:\($0.id)" })
        }
        return outcomes
    }
}

/// Art. 149: each professional had at least `sessions` trainings and `hours` hours this year,
/// prorated to half by the end of H1.
struct TrainingCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let professionals = try context.professionals()
        let trainings = Dictionary(
            grouping: try context.store.trainings().filter {
                $0.day >= context.yearFirstDay && $0.day <= context.lastDay
            },
            by: \.person)
        let fraction = context.period.yearFraction
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let sessions = Int(((rule.number("sessions", unit.level) ?? 2) * fraction).rounded(.up))
            let hours = (rule.number("hours", unit.level) ?? 48) * fraction
            let people = professionals[unit.id] ?? []
            guard !people.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.fail, "No professionals on post to have been trained.")
                continue
            }
            var short: [String] = []
            var records: [String] = []
            for person in people {
                let own = trainings[person.id] ?? []
                let total = own.reduce(0) { $0 + $1.hours }
                records += own.map { "training#\($0.id)" }
                if own.count < sessions || total < hours {
                    short.append("\(person.id) (\(own.count), \(formatNumber(total)) h)")
                }
            }
            let requirement = "\(sessions) trainings and \(formatNumber(hours)) h since \(context.yearFirstDay)"
            outcomes[unit.id] =
                short.isEmpty
                ? RuleOutcome(
                    .pass, "All \(plural(people.count, "professional")) had \(requirement).", records: records)
                : RuleOutcome(
                    .fail,
                    "\(short.count) of \(people.count) professionals short of \(requirement): "
                        + short.joined(separator: ", ") + ".", records: people.map { "staff:\($0.id)" } + records)
        }
        return outcomes
    }
}
