import Foundation
import JifangConfig
import JifangModel

/// An area's score on a scorecard.
public struct AreaScore: Sendable, Hashable, Codable {
    public var area: ComplianceArea
    public var weight: Double
    /// Weighted mean of the area's counted rules; `nil` when none counted.
    public var score: Double?
    public var counted: Int
    public var passed: Int
    /// Points the area adds to the unit's score.
    public var contribution: Double?
}

/// A flag from the ranking history (Mgmt Art. 30).
public enum RankFlag: String, Sendable, Hashable, Codable {
    /// In the top three of its level for two years running (this and the three previous periods).
    case commendation
    /// In the bottom three of its level in this and the previous period.
    case accountability
}

/// A rule whose outcome changed since the previous period.
public struct RuleChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case newlyFailing = "newly-failing"
        case newlyPassing = "newly-passing"
    }
    public var rule: String
    public var kind: Kind
    public var before: String
    public var after: RuleStatus
}

/// One unit's evaluation for one period: score, each rule with its evidence, rank and changes.
public struct Scorecard: Sendable, Hashable, Codable {
    public var period: Period
    public var unit: OrganisationUnit
    /// The weighted mean of area scores (0–100); `nil` when no rule counted.
    public var score: Double?
    public var areas: [AreaScore]
    public var results: [RuleResult]
    public var rank: Int?
    public var rankedAmong: Int?
    public var flags: [RankFlag]
    public var previousScore: Double?
    public var changes: [RuleChange]

    public func count(_ status: RuleStatus) -> Int { results.filter { $0.status == status }.count }
}

/// A level's ranking for a period.
public struct LevelRanking: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var rank: Int
        public var unit: String
        public var name: String
        public var score: Double
        public var flags: [RankFlag]
    }
    public var level: UnitLevel
    public var entries: [Entry]
}

/// Everything one evaluation run produced: the scorecards of the units and the rankings.
public struct EvaluationReport: Sendable, Hashable, Codable {
    public var period: Period
    /// Records up to the day before this day were read (the period's end if it is over).
    public var asOf: CalendarDay
    public var evaluatedAt: Date
    public var scorecards: [Scorecard]
    public var rankings: [LevelRanking]

    /// The report restricted to one unit's scorecard (rankings stay whole: they are context).
    public func only(unit: String) -> EvaluationReport {
        var copy = self
        copy.scorecards = scorecards.filter { $0.unit.id == unit }
        return copy
    }
}
