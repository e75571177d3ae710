import Foundation
import JifangModel
import JifangStore

/// Something the schedule says is missing.
public struct DueItem: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Within its period and grace days.
        case due
        /// Past the grace days, or a whole period was missed.
        case overdue
    }

    /// A target name, or `disc` / `archive`.
    public var target: String
    public var kind: BackupKind
    public var period: String
    public var state: State
    public var reason: String

    public init(target: String, kind: BackupKind, period: String, state: State, reason: String) {
        self.target = target
        self.kind = kind
        self.period = period
        self.state = state
        self.reason = reason
    }
}

extension BackupAgent {
    /// What the schedule says is missing or overdue at ``now``.
    ///
    /// - Monthly targets without a good backup this month: due, overdue after `graceDays`.
    /// - Configuration targets never backed up, or whose last observed SNMP fingerprint differs
    ///   from the one backed up: overdue (Art. 141 asks for a copy after every change).
    /// - Ended quarters with good backups but no good disc; ended years with good backups but
    ///   no good archive package.
    public func dueItems() throws(BackupError) -> [DueItem] {
        let time = now()
        let month = calendar.month(of: time)
        let all: [BackupRecord]
        do {
            all = try store.backups()
        } catch {
            throw .io(path: store.path, reason: "\(error)")
        }
        let kept = all.filter { $0.status == .good || $0.status == .pruned }
        var items: [DueItem] = []
        for target in inventory.targets {
            let mine = kept.filter { $0.target == target.name }
            if target.category == .configuration {
                let state = try registered(target.name, "its fingerprint") {
                    try store.configFingerprint(target: target.name)
                }
                if mine.isEmpty {
                    items.append(
                        DueItem(
                            target: target.name, kind: .config, period: month, state: .overdue,
                            reason: "never backed up"))
                } else if let state, state.observed != state.backedUp {
                    items.append(
                        DueItem(
                            target: target.name, kind: .config, period: month, state: .overdue,
                            reason: "the device reports a configuration change since the last backup"))
                }
            } else if policy.monthlyCategories.contains(target.category), !mine.contains(where: { $0.period == month })
            {
                let graceEnd = calendar.bounds(of: month).map {
                    $0.start.addingTimeInterval(Double(policy.graceDays) * 86400)
                }
                let late = graceEnd.map { time >= $0 } ?? false
                items.append(
                    DueItem(
                        target: target.name, kind: .backup, period: month, state: late ? .overdue : .due,
                        reason: "no good backup for \(month) (monthly, Art. 141)"))
            }
        }
        let contents = kept.filter { $0.kind == .backup || $0.kind == .config }
        let quarters = Set(contents.compactMap { calendar.quarter(ofMonth: $0.period) })
        let discs = Set(all.filter { $0.kind == .disc && $0.status == .good }.map(\.period))
        for quarter in quarters.sorted() where calendar.hasEnded(quarter, at: time) && !discs.contains(quarter) {
            items.append(
                DueItem(
                    target: "disc", kind: .disc, period: quarter, state: .overdue,
                    reason: "the quarter has ended and its backups are not on a disc image (Art. 142)"))
        }
        let years = Set(contents.map { String($0.period.prefix(4)) })
        let archives = Set(all.filter { $0.kind == .archive && $0.status == .good }.map(\.period))
        for year in years.sorted() where calendar.hasEnded(year, at: time) && !archives.contains(year) {
            items.append(
                DueItem(
                    target: "archive", kind: .archive, period: year, state: .overdue,
                    reason: "the year has ended and its backups are not packed for the archive room (Art. 143)"))
        }
        return items
    }
}
