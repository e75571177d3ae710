import Foundation
import GRDB
import JifangModel

extension Store {
    /// Opens a `running` row for a backup about to start and returns its id.
    ///
    /// The row records this process's id and host name so ``interruptedBackups(isAlive:)`` can
    /// tell a crashed run from one still going.
    public func beginBackup(
        target: String, category: BackupCategory?, kind: BackupKind, period: String, at time: Date,
        pid: Int32 = ProcessInfo.processInfo.processIdentifier,
        host: String = ProcessInfo.processInfo.hostName
    ) throws -> Int64 {
        try write("start a backup of \(target)") { db in
            try db.execute(
                sql: """
                    INSERT INTO backups (target, category, kind, period, status, started_at, pid, host)
                    VALUES (?, ?, ?, ?, 'running', ?, ?, ?)
                    """,
                arguments: [target, category?.rawValue, kind.rawValue, period, time.storeMillis, pid, host])
            return db.lastInsertedRowID
        }
    }

    /// Closes a backup's row with its outcome and, in the same transaction, appends the duty-log
    /// event `event` (Art. 28: what, when, where). The event names its device only if the store
    /// has that device.
    @discardableResult
    public func finishBackup(
        id: Int64, status: BackupStatus, at time: Date, path: String? = nil, size: Int64? = nil,
        sha256: String? = nil, locations: [String] = [], verified: Bool? = nil, message: String? = nil,
        event: (type: EventType, device: String?, message: String)? = nil
    ) throws -> BackupRecord {
        try write("record the outcome of backup \(id)") { db in
            let json = String(decoding: try JSONEncoder().encode(locations), as: UTF8.self)
            try db.execute(
                sql: """
                    UPDATE backups SET status = ?, finished_at = ?, path = ?, size = ?, sha256 = ?, locations = ?,
                        verified_at = CASE WHEN ? IS NULL THEN verified_at ELSE ? END,
                        verified = COALESCE(?, verified), message = ?, pid = NULL
                    WHERE id = ?
                    """,
                arguments: [
                    status.rawValue, time.storeMillis, path, size, sha256, json, verified, time.storeMillis, verified,
                    message, id,
                ])
            guard db.changesCount == 1 else {
                throw StoreError.operationFailed(
                    path: self.path, operation: "finish backup \(id)", reason: "there is no backup \(id)")
            }
            if let event {
                // The duty log names the device only when the store knows it (events reference devices).
                let known = try event.device.map {
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM devices WHERE name = ?", arguments: [$0]) ?? false
                }
                let device = known == true ? event.device : nil
                _ = try appendEvent(db, type: event.type, device: device, message: event.message, at: time)
            }
            // The row was updated above in this transaction, so it is there; no trap if it is not.
            guard let record = try Self.fetchBackup(db, id: id) else {
                throw StoreError.invalidArgument(
                    path: self.path, operation: "finish backup \(id)", reason: "there is no backup \(id)")
            }
            return record
        }
    }

    /// Records the outcome of verifying a backup by restoring it.
    public func recordVerification(id: Int64, passed: Bool, at time: Date, message: String?) throws {
        try write("record the verification of backup \(id)") { db in
            try db.execute(
                sql: "UPDATE backups SET verified_at = ?, verified = ?, message = COALESCE(?, message) WHERE id = ?",
                arguments: [time.storeMillis, passed, message, id])
        }
    }

    /// Marks a backup whose files retention removed from the repository.
    public func markBackupPruned(id: Int64, at time: Date) throws {
        try write("mark backup \(id) pruned") { db in
            try db.execute(
                sql: "UPDATE backups SET status = 'pruned', message = ? WHERE id = ?",
                arguments: ["pruned from the repository at \(ISO8601DateFormatter().string(from: time))", id])
        }
    }

    /// The backup with `id`, if any.
    public func backup(id: Int64) throws -> BackupRecord? {
        try read("read backup \(id)") { db in try Self.fetchBackup(db, id: id) }
    }

    /// Rows of the backup register, oldest first.
    ///
    /// - Parameters: each `nil` means any.
    public func backups(
        target: String? = nil, kind: BackupKind? = nil, status: BackupStatus? = nil, period: String? = nil
    ) throws -> [BackupRecord] {
        try read("read the backup register") { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let target {
                conditions.append("target = ?")
                arguments += [target]
            }
            if let kind {
                conditions.append("kind = ?")
                arguments += [kind.rawValue]
            }
            if let status {
                conditions.append("status = ?")
                arguments += [status.rawValue]
            }
            if let period {
                conditions.append("period = ?")
                arguments += [period]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT \(Self.backupColumns) FROM backups \(filter) ORDER BY started_at, id",
                arguments: arguments
            ).map { try Self.backupRecord($0) }
        }
    }

    /// `running` rows whose process is gone, for `verify` to mark interrupted.
    ///
    /// - Parameter isAlive: tells whether a process id on this host still runs.
    public func interruptedBackups(isAlive: (Int32) -> Bool) throws -> [BackupRecord] {
        let host = ProcessInfo.processInfo.hostName
        let rows = try read("read running backups") { db in
            try Row.fetchAll(db, sql: "SELECT id, pid, host FROM backups WHERE status = 'running'").map {
                (
                    id: try $0.decode(Int64.self, "id", in: "backups"),
                    pid: try $0.decodeIfPresent(Int32.self, "pid", in: "backups"),
                    host: try $0.decodeIfPresent(String.self, "host", in: "backups")
                )
            }
        }
        // A row of another host cannot be checked from here; it stays running.
        let dead = rows.filter { row in
            guard row.host == host else { return false }
            return row.pid.map { !isAlive($0) } ?? true
        }
        return try dead.compactMap { try backup(id: $0.id) }
    }

    /// The configuration fingerprint last observed for `target`, and the one last backed up.
    public func configFingerprint(target: String) throws -> (observed: String, backedUp: String?)? {
        try read("read the configuration fingerprint of \(target)") { db in
            try Row.fetchOne(
                db, sql: "SELECT observed, backed_up FROM config_fingerprints WHERE target = ?", arguments: [target]
            ).map {
                (
                    observed: try $0.decode(String.self, "observed", in: "config_fingerprints"),
                    backedUp: try $0.decodeIfPresent(String.self, "backed_up", in: "config_fingerprints")
                )
            }
        }
    }

    /// Stores the fingerprint just observed; with `backedUp` true it also becomes the one backed up.
    public func setConfigFingerprint(
        target: String, fingerprint: String, source: String, at time: Date, backedUp: Bool
    ) throws {
        try write("store the configuration fingerprint of \(target)") { db in
            try db.execute(
                sql: """
                    INSERT INTO config_fingerprints (target, observed, observed_at, source, backed_up)
                    VALUES (?, ?, ?, ?, CASE WHEN ? THEN ? END)
                    ON CONFLICT (target) DO UPDATE SET observed = excluded.observed,
                        observed_at = excluded.observed_at, source = excluded.source,
                        backed_up = CASE WHEN ? THEN excluded.observed ELSE backed_up END
                    """,
                arguments: [target, fingerprint, time.storeMillis, source, backedUp, fingerprint, backedUp])
        }
    }

    static let backupColumns = """
        id, target, category, kind, period, status, started_at, finished_at, path, size, sha256, locations,
        verified_at, verified, message
        """

    static func fetchBackup(_ db: Database, id: Int64) throws -> BackupRecord? {
        try Row.fetchOne(db, sql: "SELECT \(backupColumns) FROM backups WHERE id = ?", arguments: [id])
            .map { try backupRecord($0) }
    }

    /// A `backups` row as a record; a column that does not hold its type (a status or kind no
    /// version wrote, `locations` that are not a JSON list of text) fails the read naming it, since
    /// `verify` judges a backup by its locations and state and must not judge a guess.
    static func backupRecord(_ row: Row) throws -> BackupRecord {
        let table = "backups"
        let locations: [String]
        if let text = try row.decodeIfPresent(String.self, "locations", in: table) {
            guard let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
                throw StoredValueError(
                    table: table, column: "locations", value: row["locations"] as DatabaseValue,
                    expected: "a JSON list of text")
            }
            locations = list
        } else {
            locations = []
        }
        return BackupRecord(
            id: try row.decode(Int64.self, "id", in: table), target: try row.decode(String.self, "target", in: table),
            category: try row.decodeIfPresent(BackupCategory.self, "category", in: table),
            kind: try row.decode(BackupKind.self, "kind", in: table),
            period: try row.decode(String.self, "period", in: table),
            status: try row.decode(BackupStatus.self, "status", in: table),
            startedAt: try row.decodeTime("started_at", in: table),
            finishedAt: try row.decodeTimeIfPresent("finished_at", in: table),
            path: try row.decodeIfPresent(String.self, "path", in: table),
            size: try row.decodeIfPresent(Int64.self, "size", in: table),
            sha256: try row.decodeIfPresent(String.self, "sha256", in: table),
            locations: locations,
            verifiedAt: try row.decodeTimeIfPresent("verified_at", in: table),
            verified: try row.decodeIfPresent(Bool.self, "verified", in: table),
            message: try row.decodeIfPresent(String.self, "message", in: table))
    }
}
