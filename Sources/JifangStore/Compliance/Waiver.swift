import Foundation
import JifangModel

/// An approved exception to one evaluation rule (for one unit, or every unit when `unit` is nil).
///
/// A waiver applies to an evaluation whose reference day (the period's last day, or the day of
/// evaluation if earlier) lies within `startsOn...expiresOn`; once expired it stops applying and
/// the rule counts again.
public struct Waiver: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var rule: String
    public var unit: String?
    public var justification: String
    public var approver: String
    public var startsOn: CalendarDay
    public var expiresOn: CalendarDay
    public var createdAt: Date

    public init(
        id: Int64 = 0, rule: String, unit: String?, justification: String, approver: String, startsOn: CalendarDay,
        expiresOn: CalendarDay, createdAt: Date = Date()
    ) {
        self.id = id
        self.rule = rule
        self.unit = unit
        self.justification = justification
        self.approver = approver
        self.startsOn = startsOn
        self.expiresOn = expiresOn
        self.createdAt = createdAt
    }

    /// Whether the waiver is in force on `day`.
    public func isActive(on day: CalendarDay) -> Bool { startsOn <= day && day <= expiresOn }

    /// Whether it covers `rule` at `unit`.
    public func covers(rule: String, unit: String) -> Bool { self.rule == rule && (self.unit ?? unit) == unit }
}

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
