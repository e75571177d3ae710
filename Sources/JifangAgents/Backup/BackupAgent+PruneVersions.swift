import Foundation
import JifangModel
import JifangStore

extension BackupAgent {
    /// Prunes a configuration target's versions beyond `retention.keepConfigVersions`, oldest
    /// first, and returns the register rows marked pruned.
    ///
    /// The newest version is never pruned (at least one is always kept), and, as for monthly
    /// backups, a version is pruned only once its quarter is on a good disc image (Art. 142), so
    /// every version reaches a disc. A version's object folder is shared by every version with
    /// the same content; it is removed only when no kept version uses it. Diffs are kept: they
    /// are the record of what changed. Copies at the other locations are left to their owners.
    ///
    /// - Throws: ``BackupError`` when the register cannot be read or a row cannot be marked
    ///   pruned; the rows marked before it are pruned, the rest keep their files.
    @discardableResult
    public func pruneConfigVersions(_ target: BackupTarget) throws(BackupError) -> [BackupRecord] {
        let good = try registered(target.name, "its good versions") {
            try store.backups(target: target.name, kind: .config, status: .good)
        }
        let keep = max(1, policy.keepConfigVersions)
        guard good.count > keep else { return [] }
        let discs = try registered(target.name, "the good discs") { try store.backups(kind: .disc, status: .good) }
        let quarters = Set(discs.map(\.period))
        var kept = Array(good.suffix(keep))
        var pruned: [BackupRecord] = []
        var failure: BackupError?
        for record in good.prefix(good.count - keep) {
            guard failure == nil, let quarter = calendar.quarter(ofMonth: record.period), quarters.contains(quarter)
            else {
                kept.append(record)
                continue
            }
            do {
                try recorded(target.name, "version #\(record.id) as pruned") {
                    try store.markBackupPruned(id: record.id, at: now())
                }
                pruned.append(record)
            } catch {
                failure = error
                kept.append(record)
            }
        }
        let inUse = Set(kept.compactMap(\.path))
        for path in Set(pruned.compactMap(\.path)) where !inUse.contains(path) {
            DurableFiles.remove(path)
        }
        if let failure { throw failure }
        return pruned
    }
}
