import Foundation
import JifangModel
import JifangSNMP
import JifangStore

extension BackupAgent {
    /// Backs up a device configuration if it changed (Art. 141).
    ///
    /// With `snmp`, the device's change fingerprint is read first; when it matches the one at the
    /// last backup nothing is fetched by SSH or hook (a drop folder is always read). Otherwise (or
    /// when SNMP does not answer) the configuration is fetched and compared by content address,
    /// volatile lines masked: only a real change makes a new version, stored once under its SHA-256
    /// with a masked diff.
    public func backUpConfiguration(_ target: BackupTarget, force: Bool = false, snmp: Bool = true) async
        -> BackupOutcome
    {
        var observed: ConfigFingerprint?
        if snmp, case .deviceConfig(let deviceName, _) = target.source,
            let device = devices.first(where: { $0.name == deviceName })
        {
            observed = await fingerprint(device)
        }
        return backUpConfiguration(target, observed: observed, force: force)
    }

    /// Backs up a device configuration if it changed, given the SNMP fingerprint just `observed`
    /// (`nil`: none, compare by content).
    ///
    /// Blocks the calling thread while the configuration is fetched (SSH, hook); callers on the
    /// cooperative pool run it on a thread of its own.
    public func backUpConfiguration(_ target: BackupTarget, observed: ConfigFingerprint?, force: Bool = false)
        -> BackupOutcome
    {
        guard case .deviceConfig(let deviceName, let method) = target.source else {
            return BackupOutcome(target: target.name, kind: .config, result: .failed, message: "not a configuration")
        }
        let versions: [BackupRecord]
        let state: (observed: String, backedUp: String?)?
        do {
            versions = try registered(target.name, "its versions") {
                try store.backups(target: target.name, kind: .config)
            }
            state = try registered(target.name, "its fingerprint") { try store.configFingerprint(target: target.name) }
        } catch {
            return BackupOutcome(target: target.name, kind: .config, result: .failed, message: error.description)
        }
        let latest = versions.last { $0.status == .good || $0.status == .pruned }
        // A file in a drop folder is the device's own news of a change and cheap to read: it is
        // always compared. SSH logins and hooks are skipped while SNMP reports no change.
        var pushed = false
        if case .dropFolder = method { pushed = true }
        if !force, !pushed, latest != nil, let observed, state?.backedUp == observed.value {
            do {
                try recorded(target.name, "its SNMP fingerprint") {
                    try store.setConfigFingerprint(
                        target: target.name, fingerprint: observed.value, source: observed.source, at: now(),
                        backedUp: false)
                }
            } catch {
                return BackupOutcome(target: target.name, kind: .config, result: .failed, message: error.description)
            }
            return BackupOutcome(
                target: target.name, kind: .config, result: .unchanged,
                message: "\(deviceName): SNMP reports no configuration change (\(observed.source))")
        }
        let text = ConfigText(volatilePatterns: policy.volatilePatterns, secretPatterns: policy.secretPatterns)
        let start = now()
        let content: Data
        do {
            content = try ConfigFetcher(target: target.name, knownHostsFile: layout.knownHosts).fetch(method)
        } catch {
            return configFailure(target, deviceName, error, start: start)
        }
        let address = text.address(content)
        // The fingerprint backed up is what ``dueItems()`` compares with the device's next one.
        func remember() throws(BackupError) {
            try recorded(target.name, "the fingerprint it was backed up at") {
                try store.setConfigFingerprint(
                    target: target.name, fingerprint: observed?.value ?? address,
                    source: observed?.source ?? "content", at: now(), backedUp: true)
            }
        }
        if let latest, latest.sha256 == address {
            let outcome = BackupOutcome(
                target: target.name, kind: .config, result: .unchanged, record: latest,
                message: "\(deviceName): configuration fetched by \(method) is unchanged (\(address.prefix(12)))")
            return afterGood(outcome) { () throws(BackupError) in try remember() }
        }
        let period = calendar.month(of: start)
        let id: Int64
        do {
            id = try recorded(target.name, "the start of its run") {
                try store.beginBackup(
                    target: target.name, category: .configuration, kind: .config, period: period, at: start)
            }
        } catch {
            return BackupOutcome(target: target.name, kind: .config, result: .failed, message: error.description)
        }
        let staging = layout.staging(id, target.name)
        do {
            let object = layout.configObject(target: target.name, sha256: address)
            var locations = [object]
            var warnings: [String] = []
            if !FileManager.default.fileExists(atPath: object) {
                DurableFiles.remove(staging)
                try DurableFiles.makeFolder(staging)
                try write(content, to: "\(staging)/config.txt")
                let manifest = BackupManifest(
                    target: target.name, category: .configuration, kind: .config, source: target.source.description,
                    period: period, createdAt: start, files: try DurableFiles.manifestFiles(under: staging),
                    contentSHA256: address)
                let committed = try commit(staging: staging, final: object, manifest: manifest)
                locations = committed.locations
                warnings = committed.warnings
            } else {
                // The same content is already kept: only the copies are refreshed, as in commit.
                for root in copyRoots {
                    do {
                        locations.append(try copy(object, toRoot: root))
                    } catch {
                        warnings.append("no copy at \(root): \(error.description)")
                    }
                }
            }
            let previous = latest?.path.flatMap { FileManager.default.contents(atPath: "\($0)/config.txt") }
            let diff = text.diff(
                old: previous, new: content,
                oldName: latest.map { "\(deviceName)@\($0.sha256?.prefix(12) ?? "")" } ?? "/dev/null",
                newName: "\(deviceName)@\(address.prefix(12))")
            let diffPath = layout.configDiff(target: target.name, id: id)
            try DurableFiles.makeFolder((diffPath as NSString).deletingLastPathComponent)
            try write(Data(diff.utf8), to: diffPath)
            let counts = LineDiff(
                previous.map(text.normalised) ?? [], text.normalised(content))
            let message =
                "\(deviceName) configuration \(latest == nil ? "first version" : "changed (+\(counts.added) −\(counts.removed) lines)") "
                + "backed up via \(method): version \(address.prefix(12)), \(Self.size(Int64(content.count))), kept at "
                + locations.joined(separator: ", ") + "; diff \(diffPath)"
                + (warnings.isEmpty ? "" : "; " + warnings.joined(separator: "; "))
            let record = try recorded(target.name, "its good version #\(id)") {
                try store.finishBackup(
                    id: id, status: .good, at: now(), path: object, size: Int64(content.count), sha256: address,
                    locations: locations, verified: true,
                    message: warnings.isEmpty ? nil : warnings.joined(separator: "; "),
                    event: (Self.done, deviceName, message))
            }
            let outcome = BackupOutcome(
                target: target.name, kind: .config, result: .done, record: record, message: message, diff: diff)
            return afterGood(outcome) { () throws(BackupError) in
                try remember()
                try pruneConfigVersions(target)
            }
        } catch {
            return failedOutcome(
                id: id, target: target.name, kind: .config, device: deviceName, error: error, staging: staging)
        }
    }

    /// The device's configuration fingerprint over SNMP; `nil` when it does not answer.
    ///
    /// Dropping the error is right: no fingerprint means "compare by content", which fetches the
    /// configuration; it never skips a backup.
    public func fingerprint(_ device: Device) async -> ConfigFingerprint? {
        guard let target = try? SNMPTarget(device: device, secrets: secrets),
            let session = try? await SNMPSession.open(target)
        else { return nil }
        defer { Task { await session.close() } }
        return try? await ConfigChangeDetector(policy: policy).fingerprint(session)
    }

    /// Reads every configuration target's SNMP fingerprint into the store, so ``dueItems()``
    /// sees changes without fetching anything.
    ///
    /// - Throws: ``BackupError/evidenceNotRecorded(target:what:reason:)`` when a fingerprint
    ///   cannot be stored (``dueItems()`` would not see that change).
    public func observeConfigurationChanges() async throws(BackupError) {
        for target in inventory.targets {
            guard case .deviceConfig(let name, _) = target.source,
                let device = devices.first(where: { $0.name == name }), let observed = await fingerprint(device)
            else { continue }
            try recorded(target.name, "its SNMP fingerprint") {
                try store.setConfigFingerprint(
                    target: target.name, fingerprint: observed.value, source: observed.source, at: now(),
                    backedUp: false)
            }
        }
    }

    private func configFailure(_ target: BackupTarget, _ device: String, _ error: BackupError, start: Date)
        -> BackupOutcome
    {
        let id: Int64
        do {
            id = try recorded(target.name, "its failed fetch") {
                try store.beginBackup(
                    target: target.name, category: .configuration, kind: .config, period: calendar.month(of: start),
                    at: start)
            }
        } catch let unrecorded {
            return BackupOutcome(
                target: target.name, kind: .config, result: .failed,
                message: "\(error.description); \(unrecorded.description)")
        }
        return failedOutcome(id: id, target: target.name, kind: .config, device: device, error: error, staging: nil)
    }

    func write(_ data: Data, to path: String) throws(BackupError) {
        let temporary = "\(path).partial"
        // A partial file left by a crash is ours to replace; a link there is removed, not followed.
        if unlink(temporary) != 0 && errno != ENOENT {
            throw .io(path: temporary, reason: "cannot be replaced: \(DurableFiles.errnoText())")
        }
        try DurableFiles.writeNewFile(data, to: temporary)
        guard rename(temporary, path) == 0 else {
            throw .io(path: path, reason: "rename failed: \(DurableFiles.errnoText())")
        }
        try DurableFiles.fsync((path as NSString).deletingLastPathComponent)
    }
}
