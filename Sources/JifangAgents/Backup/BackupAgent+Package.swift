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
            id = try recorded("\(name) \(period)", "the start of its run") {
                try store.beginBackup(target: name, category: nil, kind: kind, period: period, at: start)
            }
        } catch {
            return BackupOutcome(target: name, kind: kind, result: .failed, message: error.description)
        }
        let staging = layout.staging(id, "\(name)-\(period)")
        do {
            let records = try packageContents(kind, period: period)
            guard !records.isEmpty else { throw BackupError.nothingToPack(period: period) }
            DurableFiles.remove(staging)
            try DurableFiles.makeFolder(staging)
            // One archive package; as many discs as the quarter needs.
            var volumes = [Array(records.indices)]
            if kind == .disc {
                var costs: [Int64] = []
                for record in records { costs.append(try record.path.map(DiscPlan.cost(of:)) ?? 0) }
                volumes = try DiscPlan(costs: costs, capacity: policy.discCapacityBytes)
                    .discs(names: records.map { "backup #\($0.id) (\($0.target) \($0.period))" })
            }
            for (number, volume) in volumes.enumerated() {
                let part = volumes.count == 1 ? "" : "-\(number + 1)"
                let file = kind == .disc ? "jifang-\(period)\(part).iso" : "jifang-archive-\(period).tar"
                let inner = try makeVolume(
                    kind, period: period, records: volume.map { records[$0] },
                    source: volumes.count == 1
                        ? "\(records.count) backups of \(period)"
                        : "disc \(number + 1) of \(volumes.count): \(volume.count) of the \(records.count) backups of \(period)",
                    output: "\(staging)/\(file)", scratch: "\(staging).content", start: start)
                // Beside each image, what it holds, readable without mounting it.
                if volumes.count > 1 {
                    try write(
                        try BackupLayout.encoder.encode(inner), to: "\(staging)/jifang-\(period)\(part).MANIFEST.json")
                }
            }
            let outer = BackupManifest(
                target: name, category: nil, kind: kind,
                source: "\(records.count) backups of \(period)"
                    + (volumes.count > 1 ? " on \(volumes.count) discs" : ""),
                period: period, createdAt: start, files: try DurableFiles.manifestFiles(under: staging))
            // Packing a period again (more backups arrived) keeps the earlier package beside it.
            var final = kind == .disc ? layout.disc(period: period) : layout.archive(period: period)
            if FileManager.default.fileExists(atPath: final) { final += "-\(id)" }
            let committed = try commit(staging: staging, final: final, manifest: outer)
            let size = outer.totalSize
            let what =
                kind == .archive
                ? "archive package" : volumes.count == 1 ? "disc image" : "\(volumes.count) disc images"
            let message =
                "\(what) for \(period) made and verified: \(records.count) backups, "
                + "\(Self.size(size)), manifest SHA-256 \(committed.manifestSHA.prefix(16)); kept at "
                + committed.locations.joined(separator: ", ")
                + (committed.warnings.isEmpty ? "" : "; " + committed.warnings.joined(separator: "; "))
            let record = try recorded("\(name) \(period)", "its good package #\(id)") {
                try store.finishBackup(
                    id: id, status: .good, at: now(), path: final, size: size, sha256: committed.manifestSHA,
                    locations: committed.locations, verified: true,
                    message: committed.warnings.isEmpty ? nil : committed.warnings.joined(separator: "; "),
                    event: (Self.done, nil, message))
            }
            let outcome = BackupOutcome(target: name, kind: kind, result: .done, record: record, message: message)
            guard kind == .disc else { return outcome }
            // Versions and monthly backups beyond retention waited for their quarter's disc.
            return afterGood(outcome) { () throws(BackupError) in
                for target in inventory.targets {
                    if target.category == .configuration { try pruneConfigVersions(target) } else { try prune(target) }
                }
            }
        } catch {
            return failedOutcome(
                id: id, target: name, kind: kind, device: nil, error: error, staging: staging, name: "\(name) \(period)"
            )
        }
    }

    /// Packs `records` into one ISO image or tar file at `output` and verifies it: the records
    /// are laid out in `content` (removed afterwards) as `<category>/<target>/…` beside an inner
    /// `MANIFEST.json`, which is returned.
    func makeVolume(
        _ kind: BackupKind, period: String, records: [BackupRecord], source: String, output: String,
        scratch content: String, start: Date
    ) throws(BackupError) -> BackupManifest {
        let name = kind == .disc ? "disc" : "archive"
        DurableFiles.remove(content)
        defer { DurableFiles.remove(content) }
        try DurableFiles.makeFolder(content)
        // Versions with the same content share one object folder: it goes on the disc once.
        var copied: Set<String> = []
        for record in records {
            guard let path = record.path, copied.insert(path).inserted else { continue }
            let category = record.category?.rawValue ?? "packages"
            try DurableFiles.copyTree(
                path, to: "\(content)/\(category)/\(record.target)/\(layout.relative(path))", link: true)
        }
        let inner = BackupManifest(
            target: name, category: nil, kind: kind, source: source, period: period, createdAt: start,
            files: try DurableFiles.manifestFiles(under: content))
        _ = try BackupLayout.writeManifest(inner, in: content)
        if kind == .disc {
            try ExternalCommand.check(
                "xorriso",
                [
                    "-as", "mkisofs", "-quiet", "-r", "-J", "-joliet-long", "-V", "JIFANG_\(period)", "-o", output,
                    content,
                ],
                target: name)
            let size = DurableFiles.size(output)
            guard size <= policy.discCapacityBytes else {
                throw .io(
                    path: output,
                    reason:
                        "the image is \(Self.size(size)), more than a disc of \(Self.size(policy.discCapacityBytes)) holds; "
                        + "raise disc.capacityMB in Policies/backups.yaml")
            }
        } else {
            try ExternalCommand.check("tar", ["-cf", output, "-C", content, "."], target: name)
        }
        try verifyPackage(kind, file: output, target: name)
        return inner
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
