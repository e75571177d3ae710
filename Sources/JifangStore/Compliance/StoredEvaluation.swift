import Foundation
import JifangModel

/// One stored evaluation of a unit for a period: its score, rank and each rule's status.
public struct StoredEvaluation: Sendable, Hashable, Codable {
    public var period: String
    public var unit: String
    public var level: UnitLevel
    /// `nil` when no rule counted.
    public var score: Double?
    public var rank: Int?
    public var rankedAmong: Int?
    public var evaluatedAt: Date
    /// Rule id → status (`pass`, `fail`, `error`, `waived`, `not-applicable`).
    public var statuses: [String: String]
    /// The whole scorecard as JSON, kept for showing its evidence later; `nil` when not kept.
    public var scorecard: Data?
    /// Who ran the evaluation, when known.
    public var evaluatedBy: String?

    public init(
        period: String, unit: String, level: UnitLevel, score: Double?, rank: Int?, rankedAmong: Int?,
        evaluatedAt: Date, statuses: [String: String], scorecard: Data? = nil, evaluatedBy: String? = nil
    ) {
        self.scorecard = scorecard
        self.evaluatedBy = evaluatedBy
        self.period = period
        self.unit = unit
        self.level = level
        self.score = score
        self.rank = rank
        self.rankedAmong = rankedAmong
        self.evaluatedAt = evaluatedAt
        self.statuses = statuses
    }
}
