import Foundation
import JifangModel
import JifangStore

/// The outcome of verifying one backup.
public struct VerifyResult: Sendable, Hashable, Codable {
    public var record: BackupRecord
    public var passed: Bool
    /// Problems found, empty when it passed.
    public var problems: [String]
}

extension BackupAgent {
    /// Marks runs whose process died as interrupted (removing their partial folders), then
    /// verifies good backups by their manifests, by restoring them (SQLite, PostgreSQL, discs,
    /// archives), and checks every copy location.
    ///
    /// - Parameter ids: only these rows; all good rows when empty.
    public func verify(ids: [Int64] = []) throws(BackupError) -> (interrupted: [BackupRecord], results: [VerifyResult])
    {
        var interrupted: [BackupRecord] = []
        do {
            for record in try store.interruptedBackups(isAlive: { kill($0, 0) == 0 || errno == EPERM }) {
                removePartials(of: record.id)
                interrupted.append(
                    try store.finishBackup(
                        id: record.id, status: .interrupted, at: now(),
                        message: "the run stopped before it finished; nothing of it was kept",
                        event: (
                            Self.failed, nil,
                            "backup of \(record.target) started \(ISO8601DateFormatter().string(from: record.startedAt)) was interrupted; nothing of it was kept"
                        )
                    ))
            }
        } catch {
            throw .io(path: store.path, reason: "\(error)")
        }
        let records: [BackupRecord]
        do {
            records =
                ids.isEmpty
                ? try store.backups(status: .good)
                : try ids.map { id in
                    guard let record = try store.backup(id: id) else {
                        throw BackupError.noSuchBackup(id: id, reason: "there is no such row in the backup register")
                    }
                    return record
                }
        } catch let error as BackupError {
            throw error
        } catch {
            throw .io(path: store.path, reason: "\(error)")
        }
        var results: [VerifyResult] = []
        for record in records {
            var problems = check(record)
            do {
                try recorded(record.target, "the verification of backup #\(record.id)") {
                    try store.recordVerification(
                        id: record.id, passed: problems.isEmpty, at: now(),
                        message: problems.isEmpty ? nil : problems.joined(separator: "; "))
                }
            } catch {
                // A check the register does not show is not evidence: the verification failed.
                problems.append(error.description)
            }
            results.append(VerifyResult(record: record, passed: problems.isEmpty, problems: problems))
        }
        let failed = results.filter { !$0.passed }
        if !results.isEmpty {
            try recorded("verification", "its duty-log event") {
                _ = try store.appendEvent(
                    type: failed.isEmpty ? Self.verifiedEvent : Self.failed, device: nil,
                    message: failed.isEmpty
                        ? "\(results.count) backups verified by restoring them; all good"
                        : "\(failed.count) of \(results.count) backups failed verification: "
                            + failed.map { "#\($0.record.id) \($0.record.target): \($0.problems.first ?? "")" }
                            .joined(separator: "; "),
                    at: now())
            }
        }
        return (interrupted, results)
    }

    /// Problems with one backup: its files, its restore check, and each copy location.
    func check(_ record: BackupRecord) -> [String] {
        guard record.status == .good, let path = record.path else {
            return ["backup #\(record.id) is \(record.status.rawValue), not good"]
        }
        var problems: [String] = []
        do {
            let manifest = try BackupLayout.readManifest(in: path)
            problems += BackupLayout.check(folder: path, against: manifest).map { "\(path): \($0)" }
            guard problems.isEmpty else { return problems }
            switch record.kind {
            case .backup:
                if let target = inventory.target(named: record.target) {
                    try SourceCopier(target: target, secrets: secrets).verifyRestore(folder: path, manifest: manifest)
                }
            case .config:
                let content = FileManager.default.contents(atPath: "\(path)/config.txt") ?? Data()
                let address = ConfigText(volatilePatterns: policy.volatilePatterns, secretPatterns: []).address(content)
                if address != record.sha256 {
                    problems.append(
                        "\(path): content address \(address.prefix(12)) ≠ \(record.sha256?.prefix(12) ?? "")")
                }
            case .disc, .archive:
                // A quarter may fill several discs: every image is extracted and checked.
                for file in manifest.files where file.path.hasSuffix(".iso") || file.path.hasSuffix(".tar") {
                    try verifyPackage(record.kind, file: "\(path)/\(file.path)", target: record.target)
                }
            }
            for copy in record.locations.dropFirst() {
                guard FileManager.default.fileExists(atPath: copy) else {
                    problems.append("the copy at \(copy) is missing")
                    continue
                }
                problems += BackupLayout.check(folder: copy, against: manifest).map { "\(copy): \($0)" }
            }
        } catch {
            problems.append(error.description)
        }
        return problems
    }

    private func removePartials(of id: Int64) {
        // No partial folder (or none readable) leaves nothing of this run to remove.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: layout.partial) else { return }
        for name in names where name.hasPrefix("\(id)-") {
            DurableFiles.remove("\(layout.partial)/\(name)")
        }
    }
}
