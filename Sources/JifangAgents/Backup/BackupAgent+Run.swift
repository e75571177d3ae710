import Foundation
import JifangModel
import JifangStore

extension BackupAgent {
    /// Runs what the schedule asks for: monthly targets without a good backup this month,
    /// configurations that changed, and discs and archives for ended quarters and years.
    ///
    /// - Parameters:
    ///   - names: only these targets (all when empty); packages are built only when empty.
    ///   - force: back up the named targets even if not due.
    ///   - snmp: read SNMP change fingerprints of configuration targets' devices first.
    public func run(targets names: [String] = [], force: Bool = false, snmp: Bool = true) async throws(BackupError)
        -> [BackupOutcome]
    {
        var outcomes: [BackupOutcome] = []
        for target in try targets(names) {
            if target.category == .configuration {
                outcomes.append(await backUpConfiguration(target, force: force, snmp: snmp))
            } else if force || isDue(target) {
                outcomes.append(backUp(target))
            } else {
                outcomes.append(
                    BackupOutcome(
                        target: target.name, kind: .backup, result: .notDue,
                        message: "already backed up for \(calendar.month(of: now()))"))
            }
        }
        if names.isEmpty {
            for item in try dueItems() where item.kind == .disc || item.kind == .archive {
                outcomes.append(pack(item.kind, period: item.period))
            }
        }
        return outcomes
    }

    /// Whether a monthly target lacks a good backup for the current month.
    func isDue(_ target: BackupTarget) -> Bool {
        guard policy.monthlyCategories.contains(target.category) else { return false }
        let month = calendar.month(of: now())
        let good = (try? store.backups(target: target.name, kind: .backup, period: month)) ?? []
        return !good.contains { $0.status == .good || $0.status == .pruned }
    }

    /// Backs up one database, log folder or document folder now.
    public func backUp(_ target: BackupTarget) -> BackupOutcome {
        let start = now()
        let period = calendar.month(of: start)
        let id: Int64
        do {
            id = try store.beginBackup(
                target: target.name, category: target.category, kind: .backup, period: period, at: start)
        } catch {
            return BackupOutcome(target: target.name, kind: .backup, result: .failed, message: "\(error)")
        }
        let staging = layout.staging(id, target.name)
        do {
            DurableFiles.remove(staging)
            try DurableFiles.makeFolder(staging)
            let copier = SourceCopier(target: target, secrets: secrets)
            try copier.copy(into: staging)
            let manifest = BackupManifest(
                target: target.name, category: target.category, kind: .backup, source: target.source.description,
                period: period, createdAt: start, files: try DurableFiles.manifestFiles(under: staging))
            // Verified before it is renamed into place: nothing unverified is ever marked good.
            try copier.verifyRestore(folder: staging, manifest: manifest)
            let final = layout.backupFolder(
                target: target.name, period: period, stamp: BackupLayout.stamp(start), id: id)
            let committed = try commit(staging: staging, final: final, manifest: manifest)
            let message =
                "\(target.name) (\(target.category.rawValue)) backed up: \(Self.size(manifest.totalSize)) in "
                + "\(manifest.files.count) file(s), manifest SHA-256 \(committed.manifestSHA.prefix(16)), verified; kept at "
                + committed.locations.joined(separator: ", ")
                + (committed.warnings.isEmpty ? "" : "; " + committed.warnings.joined(separator: "; "))
            let record = try store.finishBackup(
                id: id, status: .good, at: now(), path: final, size: manifest.totalSize, sha256: committed.manifestSHA,
                locations: committed.locations, verified: true,
                message: committed.warnings.isEmpty ? nil : committed.warnings.joined(separator: "; "),
                event: (Self.done, nil, message))
            prune(target)
            return BackupOutcome(target: target.name, kind: .backup, result: .done, record: record, message: message)
        } catch {
            let record = recordFailure(id: id, target: target.name, device: nil, error: error, staging: staging)
            return BackupOutcome(
                target: target.name, kind: .backup, result: .failed, record: record,
                message: record?.message ?? "\(error)")
        }
    }

    /// Removes the oldest good backups beyond `keepBackups` whose quarter is already on a good disc.
    func prune(_ target: BackupTarget) {
        guard let good = try? store.backups(target: target.name, kind: .backup, status: .good),
            good.count > policy.keepBackups
        else { return }
        let discs = Set(((try? store.backups(kind: .disc, status: .good)) ?? []).map(\.period))
        for record in good.prefix(good.count - policy.keepBackups) {
            guard let quarter = calendar.quarter(ofMonth: record.period), discs.contains(quarter),
                let path = record.path
            else { continue }
            DurableFiles.remove(path)
            try? store.markBackupPruned(id: record.id, at: now())
        }
    }
}
