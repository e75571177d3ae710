import Foundation
import JifangConfig
import JifangStore

extension Evaluator {
    /// An evaluator over the rules (rules.yaml) and working-day calendar (calendar.yaml) of a
    /// policies directory: what `jifang evaluate` and the web UI's evaluation page both run.
    ///
    /// Without a calendar file every Monday–Friday is a working day, and the duty-log evidence says so.
    /// - Throws: ``ConfigErrors`` naming the file, line and field of a malformed policy.
    public init(store: Store, policiesDirectory: String) throws(ConfigErrors) {
        let directory = policiesDirectory as NSString
        let rules = try ComplianceRuleSet.load(path: directory.appendingPathComponent(ComplianceRuleSet.fileName))
        let calendarPath = directory.appendingPathComponent(WorkingCalendar.fileName)
        let calendar =
            FileManager.default.fileExists(atPath: calendarPath)
            ? try WorkingCalendar.load(path: calendarPath) : .mondayToFriday
        self.init(store: store, rules: rules, calendar: calendar)
    }
}
