import Foundation
import GRDB

/// Jifang's database: inventory, polls, time series, findings, alerts and the duty-log events,
/// in one SQLite file in WAL mode.
///
/// A `Store` is safe to share between tasks and threads: reads run concurrently on a pool of
/// connections and see the last committed state; writes are serialised, and each operation that
/// writes does so in one transaction, so a crash keeps either all of it or none of it.
///
/// ## Topics
/// - Inventory: ``syncInventory(units:devices:at:)``, ``devices(includeRemoved:)``
/// - Polls: ``record(health:observations:conditions:duration:)``, ``polls(device:from:to:)``
/// - Time series: ``insert(_:poll:)``, ``observations(device:metric:instance:from:to:)``,
///   ``applyRetention(policy:now:)``
/// - Alerts, findings, events: ``alerts(openOnly:device:)``, ``findings(device:)``, ``events(since:device:limit:)``
/// - Operations records (rules in JifangRecords): ``assets(state:)``, ``saveAssets(_:actor:action:replace:at:)``,
///   ``appendDutyLogEntry(_:recordedAt:)``, ``dutyLog(from:to:unit:)``,
///   ``signDutyLogReview(unit:from:to:supervisor:comment:entries:at:)``,
///   ``documents()``, ``lend(_:)``, ``staff()``, ``trainings(person:)``, ``governanceRecords()``
public final class Store: Sendable {
    /// The database file, as given to ``init(path:)``.
    public let path: String
    let pool: DatabasePool
    let seriesCache = SeriesCache()

    /// How commits reach the disk.
    public enum Durability: Sendable {
        /// Every commit is flushed to the disk (`synchronous = FULL`): it survives power loss.
        case full
        /// Commits are not flushed (`synchronous = OFF`): a crash of the machine may lose or
        /// corrupt recent writes. Only for loading data that can be loaded again, such as a
        /// synthetic province; each commit then costs microseconds instead of a disk flush.
        case bulkLoad
    }

    /// Creates an empty file of mode 0600 at `path` unless something is there already.
    private static func createPrivateFile(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let number = errno
            guard number == EEXIST else {
                throw StoreError.cannotOpen(
                    path: path, reason: "cannot create the file: \(String(cString: strerror(number)))",
                    cause: .posix(number))
            }
            return
        }
        defer { Foundation.close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            let number = errno
            throw StoreError.cannotOpen(
                path: path, reason: "cannot make the file private: \(String(cString: strerror(number)))",
                cause: .posix(number))
        }
    }

    /// Opens the store at `path`, creating the file if it does not exist (unless `create` is
    /// false), and brings its schema up to date.
    ///
    /// A new file is created 0600. An existing file this user owns (a store made by an earlier
    /// version, 0644 under the usual umask) is made 0600, with its `-wal` and `-shm`, silently;
    /// see ``tightenModes(_:)``.
    ///
    /// - Throws: ``StoreError`` naming `path` when the file cannot be opened or made private, is
    ///   not a Jifang store, was written by a newer Jifang, or its schema cannot be updated; with
    ///   `create` false, also when there is no file yet. Its ``StoreError/code`` says why.
    /// - Parameter busyTimeout: how long, in seconds, an operation waits for another process's
    ///   lock before it fails with ``StoreError/Code/busy``.
    public init(path: String, create: Bool = true, durability: Durability = .full, busyTimeout: TimeInterval = 10)
        throws
    {
        self.path = path
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.cannotOpen(
                path: path, reason: "there is no store there yet; run `jifang poll --once` first, or pass --database",
                cause: .posix(ENOENT))
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw StoreError.cannotOpen(
                path: path, reason: "the directory \(directory) does not exist", cause: .posix(ENOENT))
        }

        // The store holds password hashes and tokens: a new file is created 0600 here, whatever
        // the umask, and SQLite gives its -wal and -shm files the database file's mode.
        if create { try Self.createPrivateFile(path) }
        try Self.tightenModes(path)

        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "jifang-store"
        configuration.prepareDatabase { db in
            // FULL: a committed transaction survives power loss, not only a process crash.
            try db.execute(sql: durability == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = OFF")
            // 32 MB of page cache per connection keeps compaction and roll-ups off the disk.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAJifangDatabase(
                path: path, reason: "the file is not an SQLite database", cause: .init(error))
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)", cause: .init(error))
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)", cause: .init(error))
        }
        try checkIdentity()
        do {
            let scrubs = try pool.read { try !StoreSchema.migrator.appliedIdentifiers($0).contains(StoreSchema.scrub) }
            try StoreSchema.migrator.migrate(pool)
            // The scrubbed rows' old pages stay in the main file (and old frames in the WAL) until
            // a checkpoint; TRUNCATE copies the new pages over them and empties the WAL.
            if scrubs { try pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) } }
        } catch {
            throw StoreError.migrationFailed(path: path, reason: Self.reason(error), cause: .init(error))
        }
    }

    /// Refuses files of other programs and files from a newer Jifang before anything is written.
    private func checkIdentity() throws {
        let path = self.path
        let migrator = StoreSchema.migrator
        do {
            try pool.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if applicationID != 0 && applicationID != StoreSchema.applicationID {
                    throw StoreError.notAJifangDatabase(
                        path: path, reason: "its application id is \(applicationID), not Jifang's")
                }
                if applicationID == 0 && !tables.isEmpty {
                    throw StoreError.notAJifangDatabase(
                        path: path,
                        reason: "it holds tables of another program: \(tables.prefix(5).joined(separator: ", "))")
                }
                let known = Set(migrator.migrations)
                let unknown = try migrator.appliedIdentifiers(db).subtracting(known)
                if !unknown.isEmpty {
                    throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted())
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAJifangDatabase(
                path: path, reason: "the file is not an SQLite database", cause: .init(error))
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error), cause: .init(error))
        }
    }

    /// Closes the database connections; every later call fails. Closing is optional: the
    /// connections close when the store is released.
    public func close() throws {
        do {
            try pool.close()
        } catch {
            throw StoreError.operationFailed(
                path: path, operation: "close the store", reason: Self.reason(error), cause: .init(error))
        }
    }

    /// Runs `body` in a read transaction; errors come back as ``StoreError`` naming `operation`.
    func read<T>(_ operation: @autoclosure () -> String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw wrap(error, operation())
        }
    }

    /// Runs `body` in one write transaction: all of it is committed or none of it.
    func write<T>(_ operation: @autoclosure () -> String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch {
            throw wrap(error, operation())
        }
    }

    /// The error as a ``StoreError`` naming `operation`, its ``StoreError/Code`` taken from
    /// SQLite's result code and the error itself kept as ``StoreError/underlying``.
    private func wrap(_ error: any Error, _ operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return .operationFailed(path: path, operation: operation, reason: Self.reason(error), cause: .init(error))
    }

    static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return "\(message) (a device, unit, series or poll it refers to is not in the store)"
        default:
            return message
        }
    }
}
