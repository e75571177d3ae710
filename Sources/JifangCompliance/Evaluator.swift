import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// Runs the half-yearly evaluation: every rule for every unit of the store, waivers, scores,
/// rankings of units of the same level, flags from the stored history, and changes since the
/// previous period.
///
/// ```swift
/// let rules = try ComplianceRuleSet.load(path: "Policies/rules.yaml")
/// let calendar = try WorkingCalendar.load(path: "Policies/calendar.yaml")
/// let report = try Evaluator(store: store, rules: rules, calendar: calendar).evaluate(period: Period("2026H2")!)
/// ```
public struct Evaluator: Sendable {
    public let store: Store
    public let rules: ComplianceRuleSet
    /// Which days are working days; without one, every Monday–Friday is.
    public let calendar: WorkingCalendar

    public init(store: Store, rules: ComplianceRuleSet, calendar: WorkingCalendar = .mondayToFriday) {
        self.store = store
        self.rules = rules
        self.calendar = calendar
    }

    /// Evaluates `period` for every unit of the store and, when `save` is true, stores the
    /// evaluations as history (replacing earlier ones of the same period).
    ///
    /// - Parameters:
    ///   - asOf: records up to the day before it are read; defaults to today. A period already
    ///     over is read in full.
    ///   - levels: the levels evaluated (default city, county, township).
    ///   - evaluatedBy: who runs it, stored with the evaluations.
    public func evaluate(
        period: Period, asOf: CalendarDay? = nil, levels: Set<UnitLevel> = [.city, .county, .township],
        save: Bool = true, now: Date = Date(), evaluatedBy: String? = nil
    ) throws -> EvaluationReport {
        let offset = try store.dutyLogUTCOffset()
        let today = asOf ?? CalendarDay(now, utcOffsetSeconds: offset)
        let context = try EvaluationContext(store: store, period: period, asOf: today, calendar: calendar)
        let units = try store.units().filter { levels.contains($0.level) }
        let outcomes = evaluateRules(units: units, context: context)
        let referenceDay = context.lastDay
        let waivers = try store.waivers().filter { $0.isActive(on: referenceDay) }

        var scorecards: [Scorecard] = []
        for unit in units {
            var results: [RuleResult] = []
            for rule in rules.rules {
                let outcome =
                    outcomes[rule.id]?[unit.id]
                    ?? RuleOutcome(.error, "The check returned no result for this unit.")
                var result = RuleResult(
                    rule: rule.id, article: rule.article, title: rule.title, titleZh: rule.titleZh, area: rule.area,
                    weight: rule.weight, status: outcome.status, evidence: outcome.evidence)
                if outcome.status.isFailing,
                    let waiver = waivers.last(where: { $0.covers(rule: rule.id, unit: unit.id) })
                {
                    result.waivedStatus = outcome.status
                    result.status = .waived
                    result.waiver = AppliedWaiver(
                        id: waiver.id, approver: waiver.approver, justification: waiver.justification,
                        startsOn: waiver.startsOn, expiresOn: waiver.expiresOn)
                }
                results.append(result)
            }
            let (areas, score) = ScoreModel.apply(to: &results, areaWeights: rules.weight(of:))
            scorecards.append(
                Scorecard(
                    period: period, unit: unit, score: score, areas: areas, results: results, rank: nil,
                    rankedAmong: nil, flags: [], previousScore: nil, changes: []))
        }

        let history = try store.evaluations(periods: period.preceding(3).map(\.description))
        let rankings = Ranking.rank(&scorecards, history: history, period: period)
        Ranking.markChanges(&scorecards, previous: history.filter { $0.period == period.previous.description })

        if save {
            // The whole scorecard is kept so its evidence can be shown later as it was scored.
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            try store.saveEvaluations(
                scorecards.map { card in
                    StoredEvaluation(
                        period: period.description, unit: card.unit.id, level: card.unit.level, score: card.score,
                        rank: card.rank, rankedAmong: card.rankedAmong, evaluatedAt: now,
                        statuses: Dictionary(uniqueKeysWithValues: card.results.map { ($0.rule, $0.status.rawValue) }),
                        scorecard: try encoder.encode(card), evaluatedBy: evaluatedBy)
                })
        }
        return EvaluationReport(
            period: period, asOf: context.asOf, evaluatedAt: now, scorecards: scorecards, rankings: rankings)
    }

    /// Rule id → unit id → outcome. Units outside a rule's levels get "not applicable"; a check
    /// that throws gives `error` with its reason.
    private func evaluateRules(units: [OrganisationUnit], context: EvaluationContext) -> [String: [String: RuleOutcome]]
    {
        var outcomes: [String: [String: RuleOutcome]] = [:]
        for rule in rules.rules {
            let applicable = units.filter { rule.levels.contains($0.level) }
            var byUnit: [String: RuleOutcome] = [:]
            for unit in units where !rule.levels.contains(unit.level) {
                byUnit[unit.id] = RuleOutcome(
                    .notApplicable,
                    "Applies to \(rule.levels.map(\.rawValue).joined(separator: ", ")) units, not \(unit.level.rawValue)."
                )
            }
            do {
                if !applicable.isEmpty {
                    byUnit.merge(try rule.check.implementation.evaluate(rule, units: applicable, context: context)) {
                        a, _ in a
                    }
                }
            } catch {
                for unit in applicable {
                    byUnit[unit.id] = RuleOutcome(.error, "The check could not read the store: \(error)")
                }
            }
            outcomes[rule.id] = byUnit
        }
        return outcomes
    }
}
