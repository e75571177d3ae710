import JifangConfig
import JifangModel
import JifangStore

/// Art. 105: at least one duty-log entry on every working day of the window (Monday–Friday
/// without public holidays, with make-up working days, as Policies/calendar.yaml says).
struct DutyLogDailyCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let workingDays = context.workingDays
        guard !workingDays.isEmpty else {
            return Dictionary(
                uniqueKeysWithValues: units.map {
                    ($0.id, RuleOutcome(.notApplicable, "No working day of the period has passed."))
                })
        }
        let days = try context.store.dutyLogDays(from: context.firstDay, to: context.lastDay)
        let uncovered = Set(workingDays.map(\.year)).filter { !context.calendar.covers(year: $0) }.sorted()
        let note =
            uncovered.isEmpty
            ? ""
            : " (Monday–Friday: the working-day calendar has no public holidays for "
                + uncovered.map(String.init).joined(separator: ", ") + ")"
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let logged = days[unit.id] ?? [:]
            let missing = workingDays.filter { logged[$0] == nil }
            let records = workingDays.compactMap { logged[$0].map { "duty_log#\($0)" } }
            outcomes[unit.id] =
                missing.isEmpty
                ? RuleOutcome(.pass, "All \(workingDays.count) working days\(note) have an entry.", records: records)
                : RuleOutcome(
                    .fail,
                    "\(missing.count) of \(workingDays.count) working days\(note) have no entry, e.g. "
                        + missing.prefix(5).map(\.description).joined(separator: ", ") + ".", records: records)
        }
        return outcomes
    }
}

/// Art. 105: every major-fault record has symptom, cause, handling, participants and result.
struct FaultRecordsCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let faults =
            context.isEmptyWindow
            ? [:]
            : Dictionary(
                grouping: try context.store.faultRecordFacts(from: context.firstDay, to: context.lastDay), by: \.unit)
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let own = faults[unit.id] ?? []
            guard !own.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No major faults were recorded in the period.")
                continue
            }
            let incomplete = own.filter { !$0.missing.isEmpty }
            outcomes[unit.id] =
                incomplete.isEmpty
                ? RuleOutcome(
                    .pass, "All \(plural(own.count, "fault record")) have the five fields.",
                    records: own.map { "duty_log#\($0.id)" })
                : RuleOutcome(
                    .fail,
                    "\(incomplete.count) of \(own.count) fault records incomplete: "
                        + incomplete.prefix(3).map { "#\($0.id) lacks \($0.missing.joined(separator: ", "))" }
                        .joined(separator: "; ") + ".", records: incomplete.map { "duty_log#\($0.id)" })
        }
        return outcomes
    }
}

/// Art. 105: entries older than `maxUnreviewedDays` are covered by a supervisor's review.
struct SupervisorReviewCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        var outcomes: [String: RuleOutcome] = [:]
        for level in Set(units.map(\.level)) {
            let grace = Int(rule.number("maxUnreviewedDays", level) ?? 31)
            let due = context.asOf.adding(days: -grace - 1)
            let levelUnits = units.filter { $0.level == level }
            guard due >= context.firstDay else {
                for unit in levelUnits {
                    outcomes[unit.id] = RuleOutcome(
                        .notApplicable, "No entry of the period is older than \(grace) days yet.")
                }
                continue
            }
            let facts = Dictionary(
                uniqueKeysWithValues: try context.store.unreviewedFacts(from: context.firstDay, to: due).map {
                    ($0.unit, $0)
                })
            for unit in levelUnits {
                if let fact = facts[unit.id] {
                    outcomes[unit.id] = RuleOutcome(
                        .fail,
                        "\(plural(fact.count, "entry", "entries")) up to \(due) not reviewed by a supervisor, "
                            + "the oldest of \(fact.firstDay).", records: ["duty_log#\(fact.firstEntry)"])
                } else {
                    outcomes[unit.id] = RuleOutcome(
                        .pass, "Every entry up to \(due) is covered by a supervisor's review.")
                }
            }
        }
        return outcomes
    }
}

/// Art. 119 (virus scans) and similar: a duty-log entry mentioning one of `keywords` in every
/// complete week (Monday–Sunday) of the window that has a working day (a week of public
/// holidays, such as the Spring Festival's, asks for nothing).
struct WeeklyLogKeywordCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        // Weeks that begin on a Monday and end inside the window; 1970-01-05 was a Monday.
        var weeks: [CalendarDay] = []
        if !context.isEmptyWindow {
            var monday = context.firstDay.ordinal + ((4 - context.firstDay.ordinal % 7) + 7) % 7
            while monday + 6 <= context.lastDay.ordinal {
                let week = CalendarDay(ordinal: monday)
                if !context.calendar.workingDays(from: week, to: week.adding(days: 6)).isEmpty { weeks.append(week) }
                monday += 7
            }
        }
        guard !weeks.isEmpty else {
            return Dictionary(
                uniqueKeysWithValues: units.map {
                    ($0.id, RuleOutcome(.notApplicable, "No full week of the period has passed."))
                })
        }
        let keywords = rule.parameters["keywords"]?.list ?? []
        let matches = try context.store.dutyLogMatches(keywords: keywords, from: context.firstDay, to: context.lastDay)
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let own = matches[unit.id] ?? []
            var missing: [CalendarDay] = []
            var records: [String] = []
            for week in weeks {
                if let hit = own.first(where: { $0.day >= week && $0.day.ordinal <= week.ordinal + 6 }) {
                    records.append("duty_log#\(hit.entry)")
                } else {
                    missing.append(week)
                }
            }
            let what = "an entry mentioning \(keywords.joined(separator: "/"))"
            outcomes[unit.id] =
                missing.isEmpty
                ? RuleOutcome(.pass, "All \(weeks.count) weeks have \(what).", records: records)
                : RuleOutcome(
                    .fail,
                    "\(missing.count) of \(weeks.count) weeks lack \(what), e.g. the week of "
                        + missing.prefix(3).map(\.description).joined(separator: ", ") + ".", records: records)
        }
        return outcomes
    }
}
