import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// Runs, verifies, restores and packs backups on the regulation's schedule (Art. 28, 140–143).
///
/// Every run writes a row of the backup register and a duty-log event (`backup-done` or
/// `backup-failed`) saying what was backed up, when and where the copies are. A backup is built
/// in `<repository>/.partial`, verified by restoring it, fsynced and renamed into place before
/// its row says `good`; a crash leaves a `running` row that ``verify(ids:)`` marks interrupted.
///
/// The clock is injected (`now`) so schedule decisions can be tested without waiting.
public struct BackupAgent: Sendable {
    public let inventory: BackupInventory
    public let policy: BackupPolicy
    public let store: Store
    /// Site inventory devices, for SNMP change detection of configuration targets.
    public let devices: [Device]
    public let secrets: SecretResolver
    public let now: @Sendable () -> Date
    /// Counts the store writes behind this agent's evidence (register rows, verification
    /// results, fingerprints, duty-log events) that failed; shared by its copies, and may be
    /// the long-running agent's own counter so `/metrics` shows one number.
    public let evidenceFailures: StoreWriteFailures

    public init(
        inventory: BackupInventory, policy: BackupPolicy, store: Store, devices: [Device] = [],
        secrets: SecretResolver = SecretResolver(), now: @escaping @Sendable () -> Date = { Date() },
        evidenceFailures: StoreWriteFailures = StoreWriteFailures()
    ) {
        self.inventory = inventory
        self.policy = policy
        self.store = store
        self.devices = devices
        self.secrets = secrets
        self.now = now
        self.evidenceFailures = evidenceFailures
    }

    public var layout: BackupLayout { BackupLayout(repository: inventory.repository) }
    public var calendar: BackupCalendar { BackupCalendar(utcOffsetSeconds: policy.utcOffsetSeconds) }

    public static let done: EventType = "backup-done"
    public static let failed: EventType = "backup-failed"
    public static let verifiedEvent: EventType = "backup-verified"
    public static let restored: EventType = "backup-restored"

    /// Resolves target names, all targets when `names` is empty.
    public func targets(_ names: [String]) throws(BackupError) -> [BackupTarget] {
        guard !names.isEmpty else { return inventory.targets }
        var result: [BackupTarget] = []
        for name in names {
            guard let target = inventory.target(named: name) else {
                throw .unknownTarget(name, known: inventory.targets.map(\.name))
            }
            result.append(target)
        }
        return result
    }

    // MARK: Shared steps

    /// Writes the manifest, fsyncs, renames the staging folder to `final`, then copies it to the
    /// second location and the removable path; returns the locations written and warnings.
    func commit(
        staging: String, final: String, manifest: BackupManifest
    ) throws(BackupError) -> (locations: [String], warnings: [String], manifestSHA: String) {
        var manifest = manifest
        let copies = copyRoots.map { "\($0)/\(layout.relative(final))" }
        manifest.locations = [final] + copies
        _ = try BackupLayout.writeManifest(manifest, in: staging)
        try DurableFiles.sealTree(staging)
        try DurableFiles.commit(staging, to: final)
        let manifestSHA = try DurableFiles.sha256(ofFile: "\(final)/\(BackupLayout.manifestName)")
        var locations = [final]
        var warnings: [String] = []
        for root in copyRoots {
            do {
                locations.append(try copy(final, toRoot: root))
            } catch {
                warnings.append("no copy at \(root): \(error.description)")
            }
        }
        return (locations, warnings, manifestSHA)
    }

    var copyRoots: [String] { [inventory.secondCopy, inventory.removable].compactMap { $0 } }

    /// Copies a committed folder to the same relative place under `root`, atomically, and checks
    /// the copy against its manifest.
    func copy(_ folder: String, toRoot root: String) throws(BackupError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw .io(path: root, reason: "the location is not there (not mounted?)")
        }
        let destination = "\(root)/\(layout.relative(folder))"
        if FileManager.default.fileExists(atPath: destination) { return destination }
        let partial = "\(root)/.partial/\(UUID().uuidString)"
        defer { DurableFiles.remove(partial) }
        try DurableFiles.copyTree(folder, to: partial)
        try DurableFiles.sealTree(partial)
        let problems = BackupLayout.check(folder: partial, against: try BackupLayout.readManifest(in: partial))
        guard problems.isEmpty else {
            throw .verificationFailed(target: root, path: destination, reason: problems.joined(separator: "; "))
        }
        try DurableFiles.commit(partial, to: destination)
        return destination
    }

    /// Records a failed run and its duty-log event; returns the row and the message to report.
    ///
    /// Never throws (the failure is the news): when the store cannot record the failure either,
    /// the row is `nil` and the message names both errors; the row stays `running` until
    /// ``verify(ids:)`` marks it interrupted.
    func recordFailure(id: Int64, target: String, device: String?, error: any Error, staging: String?) -> (
        record: BackupRecord?, message: String
    ) {
        if let staging { DurableFiles.remove(staging) }
        let text = (error as? BackupError)?.description ?? "\(error)"
        do {
            let record = try recorded(target, "the failure of run #\(id)") {
                try store.finishBackup(
                    id: id, status: .failed, at: now(), message: text,
                    event: (Self.failed, device, "backup of \(target) failed: \(text)"))
            }
            return (record, record.message ?? text)
        } catch {
            return (nil, "\(text); \(error.description)")
        }
    }

    /// The outcome of a run that failed after its row was begun: the failure recorded if it can be.
    func failedOutcome(
        id: Int64, target: String, kind: BackupKind, device: String?, error: any Error, staging: String?,
        name: String? = nil
    ) -> BackupOutcome {
        let failure = recordFailure(id: id, target: name ?? target, device: device, error: error, staging: staging)
        return BackupOutcome(
            target: target, kind: kind, result: .failed, record: failure.record, message: failure.message)
    }

    /// Runs a store write that backs the evidence of a run on `target` (`what` it records); a
    /// failure is counted in ``evidenceFailures`` and thrown as
    /// ``BackupError/evidenceNotRecorded(target:what:reason:)``.
    func recorded<T>(_ target: String, _ what: String, _ write: () throws -> T) throws(BackupError) -> T {
        do {
            return try write()
        } catch {
            let failure = BackupError.evidenceNotRecorded(target: target, what: what, reason: "\(error)")
            evidenceFailures.increment()
            throw failure
        }
    }

    /// Runs a store read a decision about `target` rests on; a failure is thrown as
    /// ``BackupError/io(path:reason:)`` on the store, naming the target and `what` was read.
    func registered<T>(_ target: String, _ what: String, _ read: () throws -> T) throws(BackupError) -> T {
        do {
            return try read()
        } catch {
            throw .io(path: store.path, reason: "\(target): cannot read \(what): \(error)")
        }
    }

    static func size(_ bytes: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: bytes, countStyle: .file)
    }
}

/// What one step of a run did.
public struct BackupOutcome: Sendable, Hashable, Codable {
    public enum Result: String, Sendable, Hashable, Codable {
        /// A new backup, version or package was written and verified.
        case done
        /// A configuration was fetched (or its SNMP fingerprint read) and had not changed.
        case unchanged
        /// The schedule did not ask for it yet.
        case notDue
        case failed
    }

    public var target: String
    public var kind: BackupKind
    public var result: Result
    public var record: BackupRecord?
    public var message: String
    /// For a new configuration version: what changed, secrets masked.
    public var diff: String?

    public init(
        target: String, kind: BackupKind, result: Result, record: BackupRecord? = nil, message: String,
        diff: String? = nil
    ) {
        self.target = target
        self.kind = kind
        self.result = result
        self.record = record
        self.message = message
        self.diff = diff
    }
}
