import JifangConfig

/// The XCCDF default scoring model, as the half-yearly evaluation applies it.
///
/// - A rule that passes scores 100; one that fails scores 0.
/// - **An error scores 0 as well.** An error means the unit keeps no record the rule can be
///   checked against (no backup log, no account register). The regulation asks the unit to keep
///   those records (Art. 71: the database is the record), so missing evidence is treated like a
///   failure; counting it as "not applicable" would reward keeping no records at all.
/// - Not applicable and waived rules are left out of both the numerator and the denominator.
///   A waiver is an approved, dated exception: while in force it removes the rule from the
///   score (neither 100 nor 0); once expired the rule counts again. A waiver never hides a pass.
/// - An area's score is the weight-weighted mean of its counted rules; the unit's score is the
///   weighted mean of the areas that have at least one counted rule (area weights from
///   `areas:` in rules.yaml, 1 by default).
///
/// Each rule's contribution is `areaShare × ruleShare × score`, where `areaShare` is the area's
/// weight over the weights of counted areas and `ruleShare` the rule's weight over the weights of
/// the area's counted rules; the contributions add up to the unit's score.
public enum ScoreModel {
    public static func score(_ status: RuleStatus) -> Double? {
        switch status {
        case .pass: 100
        case .fail, .error: 0
        case .notApplicable, .waived: nil
        }
    }

    /// Fills in each result's score and contribution and returns the area scores and the total.
    public static func apply(to results: inout [RuleResult], areaWeights: (ComplianceArea) -> Double)
        -> (areas: [AreaScore], score: Double?)
    {
        for i in results.indices { results[i].score = score(results[i].status) }
        var areas: [AreaScore] = []
        for area in ComplianceArea.allCases {
            let counted = results.filter { $0.area == area && $0.score != nil }
            let weight = counted.reduce(0) { $0 + $1.weight }
            let areaScore =
                weight > 0 ? counted.reduce(0) { $0 + $1.weight * ($1.score ?? 0) } / weight : nil
            areas.append(
                AreaScore(
                    area: area, weight: areaWeights(area), score: areaScore, counted: counted.count,
                    passed: counted.filter { $0.status == .pass }.count, contribution: nil))
        }
        let totalAreaWeight = areas.filter { $0.score != nil }.reduce(0) { $0 + $1.weight }
        guard totalAreaWeight > 0 else { return (areas, nil) }
        var total = 0.0
        for a in areas.indices {
            guard let areaScore = areas[a].score else { continue }
            let areaShare = areas[a].weight / totalAreaWeight
            areas[a].contribution = areaShare * areaScore
            total += areaShare * areaScore
            let ruleWeight = results.filter { $0.area == areas[a].area && $0.score != nil }.reduce(0) { $0 + $1.weight }
            for i in results.indices where results[i].area == areas[a].area {
                guard let ruleScore = results[i].score else { continue }
                let share = areaShare * results[i].weight / ruleWeight
                results[i].contribution = share * ruleScore
                results[i].maxContribution = share * 100
            }
        }
        return (areas, total)
    }
}
