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
