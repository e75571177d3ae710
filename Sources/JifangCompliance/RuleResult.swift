import JifangConfig
import JifangModel

/// How a rule came out for a unit (XCCDF result values, restricted to the ones the scorer gives).
public enum RuleStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pass
    case fail
    /// The rule does not apply to the unit (its level, or nothing to check), and is left out of the score.
    case notApplicable = "not-applicable"
    /// The rule could not be evaluated (no records of the kind it needs); scores 0 like a failure.
    case error
    /// A waiver in force covers a failure or error; left out of the score.
    case waived

    /// Whether a status is a failure for change reports and JUnit.
    public var isFailing: Bool { self == .fail || self == .error }
}

/// Why a rule came out the way it did: a sentence and the records it looked at.
public struct Evidence: Sendable, Hashable, Codable {
    /// What was required and what was found, e.g. "2 of 3 professionals had 2 trainings and 48 h".
    public var summary: String
    /// References to the records read, e.g. `duty_log#42`, `device:core-sw`, `staff:zhangwei`,
    /// at most ``recordLimit``; `recordCount` tells how many there were.
    public var records: [String]
    public var recordCount: Int

    public static let recordLimit = 20

    public init(_ summary: String, records: [String] = []) {
        self.summary = summary
        self.records = Array(records.prefix(Self.recordLimit))
        self.recordCount = records.count
    }
}

/// What a check returned for one unit, before waivers and scoring.
public struct RuleOutcome: Sendable, Hashable {
    public var status: RuleStatus
    public var evidence: Evidence

    public init(_ status: RuleStatus, _ summary: String, records: [String] = []) {
        self.status = status
        self.evidence = Evidence(summary, records: records)
    }
}

/// The waiver that turned a failure into `waived`.
public struct AppliedWaiver: Sendable, Hashable, Codable {
    public var id: Int64
    public var approver: String
    public var justification: String
    public var startsOn: CalendarDay
    public var expiresOn: CalendarDay
}

/// One rule's line on a scorecard.
public struct RuleResult: Sendable, Hashable, Codable {
    public var rule: String
    public var article: String
    public var title: String
    public var titleZh: String
    public var area: ComplianceArea
    public var weight: Double
    public var status: RuleStatus
    /// The status before a waiver, when one applied.
    public var waivedStatus: RuleStatus?
    public var waiver: AppliedWaiver?
    public var evidence: Evidence
    /// 100 for pass, 0 for fail and error, `nil` when left out (not applicable, waived).
    public var score: Double?
    /// Points this rule adds to the unit's score (the contributions sum to the score).
    public var contribution: Double?
    /// The most this rule could have added had it passed.
    public var maxContribution: Double?

    public init(
        rule: String, article: String, title: String, titleZh: String, area: ComplianceArea, weight: Double,
        status: RuleStatus, evidence: Evidence
    ) {
        self.rule = rule
        self.article = article
        self.title = title
        self.titleZh = titleZh
        self.area = area
        self.weight = weight
        self.status = status
        self.evidence = evidence
    }
}
