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
                continue
            }
            do {
                let due = force ? true : try isDue(target)
                if due {
                    outcomes.append(backUp(target))
                } else {
                    outcomes.append(
                        BackupOutcome(
                            target: target.name, kind: .backup, result: .notDue,
                            message: "already backed up for \(calendar.month(of: now()))"))
                }
            } catch {
                outcomes.append(
                    BackupOutcome(target: target.name, kind: .backup, result: .failed, message: error.description))
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
    ///
    /// - Throws: ``BackupError/io(path:reason:)`` when the register cannot be read: a run that
    ///   cannot tell must say so, not back up again or skip.
    func isDue(_ target: BackupTarget) throws(BackupError) -> Bool {
        guard policy.monthlyCategories.contains(target.category) else { return false }
        let month = calendar.month(of: now())
        let good = try registered(target.name, "its backups of \(month)") {
            try store.backups(target: target.name, kind: .backup, period: month)
        }
        return !good.contains { $0.status == .good || $0.status == .pruned }
    }

    /// Backs up one database, log folder or document folder now.
    public func backUp(_ target: BackupTarget) -> BackupOutcome {
        let start = now()
        let period = calendar.month(of: start)
        let id: Int64
        do {
            id = try recorded(target.name, "the start of its run") {
                try store.beginBackup(
                    target: target.name, category: target.category, kind: .backup, period: period, at: start)
            }
        } catch {
            return BackupOutcome(target: target.name, kind: .backup, result: .failed, message: error.description)
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
            let record = try recorded(target.name, "its good backup #\(id)") {
                try store.finishBackup(
                    id: id, status: .good, at: now(), path: final, size: manifest.totalSize,
                    sha256: committed.manifestSHA, locations: committed.locations, verified: true,
                    message: committed.warnings.isEmpty ? nil : committed.warnings.joined(separator: "; "),
                    event: (Self.done, nil, message))
            }
            return afterGood(
                BackupOutcome(target: target.name, kind: .backup, result: .done, record: record, message: message)
            ) { () throws(BackupError) in try prune(target) }
        } catch {
            return failedOutcome(
                id: id, target: target.name, kind: .backup, device: nil, error: error, staging: staging)
        }
    }

    /// Runs `step` (pruning) after a run's good row is written: if it fails the run fails, its
    /// good row and message kept and the error added.
    func afterGood(_ outcome: BackupOutcome, _ step: () throws(BackupError) -> Void) -> BackupOutcome {
        do {
            try step()
            return outcome
        } catch {
            var failed = outcome
            failed.result = .failed
            failed.message += "; " + error.description
            return failed
        }
    }

    /// Removes the oldest good backups beyond `keepBackups` whose quarter is already on a good disc.
    ///
    /// Each row is marked pruned before its folder is removed, so the register never calls good
    /// a backup that is gone; a row that cannot be marked stops the pruning with its files kept.
    func prune(_ target: BackupTarget) throws(BackupError) {
        let good = try registered(target.name, "its good backups") {
            try store.backups(target: target.name, kind: .backup, status: .good)
        }
        guard good.count > policy.keepBackups else { return }
        let discs = try registered(target.name, "the good discs") { try store.backups(kind: .disc, status: .good) }
        let quarters = Set(discs.map(\.period))
        for record in good.prefix(good.count - policy.keepBackups) {
            guard let quarter = calendar.quarter(ofMonth: record.period), quarters.contains(quarter),
                let path = record.path
            else { continue }
            try recorded(target.name, "backup #\(record.id) as pruned") {
                try store.markBackupPruned(id: record.id, at: now())
            }
            DurableFiles.remove(path)
        }
    }
}
