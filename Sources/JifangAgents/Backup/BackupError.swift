/// Why a backup, verification, restore or packing failed, with the target and place concerned.
public enum BackupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The thing to back up is not there.
    case sourceMissing(target: String, path: String)
    /// An external program (pg_dump, ssh, xorriso, tar, a hook) failed.
    case commandFailed(target: String, command: String, status: Int32, output: String)
    /// An external program is not installed.
    case commandNotFound(command: String, package: String)
    /// SQLite refused the online backup or the integrity check.
    case sqlite(target: String, path: String, reason: String)
    /// A copy does not match its manifest or does not restore.
    case verificationFailed(target: String, path: String, reason: String)
    /// A file could not be written, read, synced or renamed.
    case io(path: String, reason: String)
    /// No row of the backup register has this id, or it is not usable for the request.
    case noSuchBackup(id: Int64, reason: String)
    /// The device configuration could not be fetched.
    case configFetch(target: String, reason: String)
    /// There is nothing to pack for a disc or archive period.
    case nothingToPack(period: String)
    /// A program printed more than `limit` bytes where Jifang captures its output (a fetched
    /// configuration, a listing); it was stopped and nothing it printed was kept.
    case outputTooLarge(target: String, command: String, limit: Int)
    /// The named target is not in Inventory/backups.yaml.
    case unknownTarget(String, known: [String])
    /// The store could not read or write the evidence of a run (a register row, a verification
    /// result, a fingerprint, a duty-log event): the run fails, whatever its files say.
    case evidenceNotRecorded(target: String, what: String, reason: String)

    public var description: String {
        switch self {
        case .sourceMissing(let target, let path):
            "\(target): \(path) does not exist; check the path in Inventory/backups.yaml."
        case .commandFailed(let target, let command, let status, let output):
            "\(target): `\(command)` exited with status \(status): \(output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(400))"
        case .commandNotFound(let command, let package):
            "\(command) is not installed; install the Debian package \(package) (bash .ci/setup does)."
        case .sqlite(let target, let path, let reason):
            "\(target): SQLite failed on \(path): \(reason)."
        case .verificationFailed(let target, let path, let reason):
            "\(target): the copy at \(path) failed verification: \(reason)."
        case .io(let path, let reason):
            "\(path): \(reason)."
        case .noSuchBackup(let id, let reason):
            "backup \(id): \(reason)."
        case .configFetch(let target, let reason):
            "\(target): the configuration could not be fetched: \(reason)."
        case .nothingToPack(let period):
            "\(period): there are no good backups in this period to pack."
        case .outputTooLarge(let target, let command, let limit):
            "\(target): `\(command)` printed more than \(limit) bytes, more than a device configuration holds; "
                + "it was stopped and nothing it printed was kept."
        case .unknownTarget(let name, let known):
            "there is no backup target \"\(name)\" in Inventory/backups.yaml (known: \(known.joined(separator: ", ")))."
        case .evidenceNotRecorded(let target, let what, let reason):
            "\(target): the store could not record \(what): \(reason)"
        }
    }
}
