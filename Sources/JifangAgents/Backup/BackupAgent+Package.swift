import Foundation
import JifangModel
import JifangStore

extension BackupAgent {
    /// Packs a quarter's backups into an ISO 9660 image (`kind` `.disc`, period `2026Q2`;
    /// Art. 142) or a year's into an archive package (`.archive`, period `2026`; Art. 143).
    ///
    /// The package holds every good backup and configuration version of the period, sorted as
    /// `<category>/<target>/…`, and a `MANIFEST.json` listing each file's SHA-256; the year's
    /// package also holds its discs' manifests. The image is built with xorriso, the archive
    /// with tar; each is verified by extracting it and checking every hash before it is kept.
    public func pack(_ kind: BackupKind, period: String) -> BackupOutcome {
        let name = kind == .disc ? "disc" : "archive"
        let start = now()
        let id: Int64
        do {
            id = try store.beginBackup(target: name, category: nil, kind: kind, period: period, at: start)
        } catch {
            return BackupOutcome(target: name, kind: kind, result: .failed, message: "\(error)")
        }
        let staging = layout.staging(id, "\(name)-\(period)")
        do {
            let records = try packageContents(kind, period: period)
            guard !records.isEmpty else { throw BackupError.nothingToPack(period: period) }
            DurableFiles.remove(staging)
            let content = "\(staging)/content"
            try DurableFiles.makeFolder(content)
            for record in records {
                guard let path = record.path else { continue }
                let category = record.category?.rawValue ?? "packages"
                try DurableFiles.copyTree(
                    path, to: "\(content)/\(category)/\(record.target)/\(layout.relative(path))", link: true)
            }
            let inner = BackupManifest(
                target: name, category: nil, kind: kind, source: "\(records.count) backups of \(period)",
                period: period,
                createdAt: start, files: try DurableFiles.manifestFiles(under: content))
            _ = try BackupLayout.writeManifest(inner, in: content)
            guard inner.totalSize <= policy.discCapacityBytes || kind == .archive else {
                throw BackupError.io(
                    path: content,
                    reason:
                        "\(Self.size(inner.totalSize)) does not fit on one disc of \(Self.size(policy.discCapacityBytes)); raise disc.capacityMB or use larger media"
                )
            }
            let file = kind == .disc ? "jifang-\(period).iso" : "jifang-archive-\(period).tar"
            let output = "\(staging)/\(file)"
            if kind == .disc {
                try ExternalCommand.check(
                    "xorriso",
                    [
                        "-as", "mkisofs", "-quiet", "-r", "-J", "-joliet-long", "-V", "JIFANG_\(period)", "-o", output,
                        content,
                    ],
                    target: name)
            } else {
                try ExternalCommand.check("tar", ["-cf", output, "-C", content, "."], target: name)
            }
            DurableFiles.remove(content)
            let outer = BackupManifest(
                target: name, category: nil, kind: kind, source: inner.source, period: period, createdAt: start,
                files: try DurableFiles.manifestFiles(under: staging))
            try verifyPackage(kind, file: output, target: name)
            // Packing a period again (more backups arrived) keeps the earlier package beside it.
            var final = kind == .disc ? layout.disc(period: period) : layout.archive(period: period)
            if FileManager.default.fileExists(atPath: final) { final += "-\(id)" }
            let committed = try commit(staging: staging, final: final, manifest: outer)
            let size = outer.totalSize
            let message =
                "\(kind == .disc ? "disc image" : "archive package") for \(period) made and verified: \(records.count) backups, "
                + "\(Self.size(size)), manifest SHA-256 \(committed.manifestSHA.prefix(16)); kept at "
                + committed.locations.joined(separator: ", ")
                + (committed.warnings.isEmpty ? "" : "; " + committed.warnings.joined(separator: "; "))
            let record = try store.finishBackup(
                id: id, status: .good, at: now(), path: final, size: size, sha256: committed.manifestSHA,
                locations: committed.locations, verified: true,
                message: committed.warnings.isEmpty ? nil : committed.warnings.joined(separator: "; "),
                event: (Self.done, nil, message))
            return BackupOutcome(target: name, kind: kind, result: .done, record: record, message: message)
        } catch {
            let record = recordFailure(id: id, target: "\(name) \(period)", device: nil, error: error, staging: staging)
            return BackupOutcome(
                target: name, kind: kind, result: .failed, record: record, message: record?.message ?? "\(error)")
        }
    }

    /// Good backups and configuration versions of the period; for a year, also its discs.
    func packageContents(_ kind: BackupKind, period: String) throws -> [BackupRecord] {
        let good = try store.backups(status: .good)
        return good.filter { record in
            switch record.kind {
            case .backup, .config:
                return kind == .disc
                    ? calendar.quarter(ofMonth: record.period) == period : record.period.hasPrefix(period + "-")
            case .disc:
                return kind == .archive && record.period.hasPrefix(period)
            case .archive:
                return false
            }
        }
    }

    /// Extracts the ISO image or tar file into a scratch folder and checks the inner manifest.
    func verifyPackage(_ kind: BackupKind, file: String, target: String) throws(BackupError) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jifang-verify-\(UUID().uuidString)"
        ).path
        try DurableFiles.makeFolder(scratch)
        defer { DurableFiles.remove(scratch) }
        if kind == .disc {
            try ExternalCommand.check(
                "xorriso", ["-osirrox", "on", "-indev", file, "-extract", "/", scratch], target: target)
        } else {
            try ExternalCommand.check("tar", ["-xf", file, "-C", scratch], target: target)
        }
        let manifest = try BackupLayout.readManifest(in: scratch)
        let problems = BackupLayout.check(folder: scratch, against: manifest)
        guard problems.isEmpty else {
            throw .verificationFailed(target: target, path: file, reason: problems.prefix(5).joined(separator: "; "))
        }
    }
}
