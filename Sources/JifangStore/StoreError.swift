/// Why a store operation failed, with the database file and the operation concerned.
///
/// Every case names the file, so a message read in a log or a terminal says which store is at
/// fault; ``description`` is a sentence a person can act on. The case says what was being done;
/// ``code`` says why it failed, for a caller to act on (retry when busy, answer 507 when full),
/// and ``underlying`` keeps the error SQLite, GRDB or the system reported.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be created or opened (missing directory, permissions, locked, full disk).
    case cannotOpen(path: String, reason: String, cause: Cause? = nil)
    /// The file exists but is not an SQLite database (``Code/corrupt``), or is an SQLite database
    /// of another program (``Code/notJifangStore``).
    case notAJifangDatabase(path: String, reason: String, cause: Cause? = nil)
    /// The file was written by a newer Jifang; `unknownMigrations` are the schema steps this build lacks.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Bringing the schema up to date failed; the file is left as it was before the failed step.
    case migrationFailed(path: String, reason: String, cause: Cause? = nil)
    /// A read or write failed; nothing of a failed write was kept.
    case operationFailed(path: String, operation: String, reason: String, cause: Cause? = nil)
    /// The caller passed something the store cannot accept; nothing was written.
    case invalidArgument(path: String, operation: String, reason: String)

    /// The database file the error concerns.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _, _), .notAJifangDatabase(let path, _, _), .newerSchema(let path, _),
            .migrationFailed(let path, _, _), .operationFailed(let path, _, _, _), .invalidArgument(let path, _, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason, _):
            "\(path): cannot open the store: \(reason). "
                + (advice ?? "Check that the directory exists and is writable.")
        case .notAJifangDatabase(let path, let reason, _) where code == .corrupt:
            "\(path): not a Jifang store (\(reason)). \(advice ?? "") "
                + "If it is another program's file, point Jifang at its own database file or at a new path."
        case .notAJifangDatabase(let path, let reason, _):
            "\(path): not a Jifang store (\(reason)). Point Jifang at its own database file or at a new path."
        case .newerSchema(let path, let unknown):
            "\(path): written by a newer Jifang (unknown schema steps: \(unknown.joined(separator: ", "))). "
                + "Upgrade Jifang to open it."
        case .migrationFailed(let path, let reason, _):
            "\(path): cannot update the store's schema: \(reason). The file was left unchanged."
                + (advice.map { " " + $0 } ?? "")
        case .operationFailed(let path, let operation, let reason, _):
            "\(path): cannot \(operation): \(reason). Nothing of this operation was saved."
                + (advice.map { " " + $0 } ?? "")
        case .invalidArgument(let path, let operation, let reason):
            "\(path): cannot \(operation): \(reason)."
        }
    }
}
