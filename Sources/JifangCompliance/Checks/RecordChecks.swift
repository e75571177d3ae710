import JifangConfig
import JifangModel
import JifangStore

/// Art. 137: each idle asset was powered on in every complete month it was idle in the window.
struct IdlePowerOnCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let idle = Dictionary(
            grouping: try context.assets().filter { $0.state == .idle && $0.unit != nil }, by: { $0.unit! })
        let runs = try context.store.powerOnDays()
        // Complete months of the window: those whose last day is before asOf.
        var months: [(first: CalendarDay, last: CalendarDay)] = []
        var first = context.firstDay
        while first <= context.period.lastDay {
            let last = first.adding(months: 1).adding(days: -1)
            if last < context.asOf { months.append((first, last)) }
            first = first.adding(months: 1)
        }
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let assets = idle[unit.id] ?? []
            guard !assets.isEmpty, !months.isEmpty else {
                outcomes[unit.id] = RuleOutcome(
                    .notApplicable,
                    assets.isEmpty ? "No idle equipment in the register." : "No month of the period is over yet.")
                continue
            }
            var gaps: [String] = []
            for asset in assets {
                let days = runs[asset.tag] ?? []
                for month in months where (asset.stateSince ?? .init(ordinal: 0)) <= month.first {
                    if !days.contains(where: { $0 >= month.first && $0 <= month.last }) {
                        gaps.append("\(asset.tag) in \(String(month.first.description.prefix(7)))")
                    }
                }
            }
            let records = assets.map { "asset:\($0.tag)" }
            outcomes[unit.id] =
                gaps.isEmpty
                ? RuleOutcome(
                    .pass, "All \(plural(assets.count, "idle asset")) were powered on every month.", records: records)
                : RuleOutcome(
                    .fail,
                    "\(plural(gaps.count, "month")) without a power-on run: "
                        + gaps.prefix(4).joined(separator: ", ") + (gaps.count > 4 ? ", …" : "") + ".", records: records
                )
        }
        return outcomes
    }
}

/// Art. 138–139: equipment under repair has an open repair ticket; scrapped equipment a scrap record.
struct RepairsAndScrappingCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let assets = Dictionary(
            grouping: try context.assets().filter {
                ($0.state == .underRepair || $0.state == .scrapped) && $0.unit != nil
            },
            by: { $0.unit! })
        let openTickets = Set(try context.store.repairTickets(openOnly: true).map(\.asset))
        let scrapped = try context.store.scrappedAssetTags()
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let own = assets[unit.id] ?? []
            guard !own.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No equipment under repair or scrapped.")
                continue
            }
            let unrecorded = own.filter {
                $0.state == .underRepair ? !openTickets.contains($0.tag) : !scrapped.contains($0.tag)
            }
            outcomes[unit.id] =
                unrecorded.isEmpty
                ? RuleOutcome(
                    .pass, "All \(plural(own.count, "asset")) under repair or scrapped have their record.",
                    records: own.map { "asset:\($0.tag)" })
                : RuleOutcome(
                    .fail,
                    "\(unrecorded.count) of \(own.count) lack a record: "
                        + unrecorded.prefix(4).map {
                            "\($0.tag) (\($0.state.rawValue), no \($0.state == .underRepair ? "repair ticket" : "scrap record"))"
                        }
                        .joined(separator: ", ") + ".", records: unrecorded.map { "asset:\($0.tag)" })
        }
        return outcomes
    }
}

/// Art. 146: no loan of a unit's staff ran past its due day (one month, moved only by a renewal).
struct LoansReturnedCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let staffUnit = Dictionary(try context.store.staff().map { ($0.id, $0.unit) }, uniquingKeysWith: { a, _ in a })
        let loans = try context.store.loans().filter { loan in
            loan.lentOn <= context.lastDay && (loan.returnedOn.map { $0 >= context.firstDay } ?? true)
        }
        let byUnit = Dictionary(
            grouping: loans.filter { staffUnit[$0.borrower] != nil }, by: { staffUnit[$0.borrower]!! })
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let own = byUnit[unit.id] ?? []
            guard !own.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No loans to the unit's staff in the period.")
                continue
            }
            let late = own.filter { loan in
                if let returned = loan.returnedOn { return returned > loan.due }
                return context.lastDay > loan.due
            }
            outcomes[unit.id] =
                late.isEmpty
                ? RuleOutcome(
                    .pass, "All \(plural(own.count, "loan")) returned or renewed in time.",
                    records: own.map { "loan#\($0.id)" })
                : RuleOutcome(
                    .fail,
                    "\(late.count) of \(own.count) loans overdue: "
                        + late.prefix(3).map { "#\($0.id) \($0.title) to \($0.borrower), due \($0.due)" }.joined(
                            separator: "; ") + ".",
                    records: late.map { "loan#\($0.id)" })
        }
        return outcomes
    }
}

/// Mgmt Art. 27, 29: at least `minimum` meetings or circulars a year, prorated to half by the end of H1.
struct GovernanceCountCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let kind = GovernanceRecord.Kind(rawValue: rule.parameters["kind"]?.text ?? "") ?? .meeting
        let records = Dictionary(
            grouping: try context.store.governanceRecords().filter {
                $0.kind == kind && $0.unit != nil && $0.day >= context.yearFirstDay && $0.day <= context.lastDay
            }, by: { $0.unit! })
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            guard let perYear = rule.number("minimum", unit.level) else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No minimum is set for \(unit.level.rawValue) level.")
                continue
            }
            let required = Int((perYear * context.period.yearFraction).rounded(.up))
            let own = records[unit.id] ?? []
            let text =
                "\(plural(own.count, kind.rawValue)) since \(context.yearFirstDay); \(required) required "
                + "(\(formatNumber(perYear)) a year)."
            outcomes[unit.id] = RuleOutcome(
                own.count >= required ? .pass : .fail, text, records: own.map { "governance#\($0.id)" })
        }
        return outcomes
    }
}
