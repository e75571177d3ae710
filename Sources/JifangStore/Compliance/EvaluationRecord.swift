import Foundation
import JifangModel

/// One stored evaluation of a unit for a period, without its scorecard.
public struct EvaluationRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var period: String
    public var unit: String
    public var level: UnitLevel
    /// `nil` when no rule counted.
    public var score: Double?
    public var rank: Int?
    public var rankedAmong: Int?
    public var evaluatedAt: Date
    /// Who ran it, when known (the account in the web UI, the operating-system user otherwise).
    public var evaluatedBy: String?
    /// Whether the whole scorecard (with evidence) was kept.
    public var hasScorecard: Bool
}
