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
    @discardableResult
    public func pruneConfigVersions(_ target: BackupTarget) -> [BackupRecord] {
        guard let good = try? store.backups(target: target.name, kind: .config, status: .good) else { return [] }
        let keep = max(1, policy.keepConfigVersions)
        guard good.count > keep else { return [] }
        let discs = Set(((try? store.backups(kind: .disc, status: .good)) ?? []).map(\.period))
        var kept = Array(good.suffix(keep))
        var pruned: [BackupRecord] = []
        for record in good.prefix(good.count - keep) {
            guard let quarter = calendar.quarter(ofMonth: record.period), discs.contains(quarter) else {
                kept.append(record)
                continue
            }
            guard (try? store.markBackupPruned(id: record.id, at: now())) != nil else {
                kept.append(record)
                continue
            }
            pruned.append(record)
        }
        let inUse = Set(kept.compactMap(\.path))
        for path in Set(pruned.compactMap(\.path)) where !inUse.contains(path) {
            DurableFiles.remove(path)
        }
        return pruned
    }
}
