import Foundation
import GRDB

extension StoreError {
    /// What a caller can do about a failure, whichever operation failed.
    ///
    /// A web server answers ``busy`` with 503 and `Retry-After`, ``full`` with 507; a scheduler
    /// retries ``busy`` and gives up on ``corrupt``. The case of ``StoreError`` says what was being
    /// done; the code says why it failed.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Another connection holds the lock (`SQLITE_BUSY`, `SQLITE_LOCKED`): retrying may succeed.
        case busy
        /// The disk or the file system's quota is full (`SQLITE_FULL`, `ENOSPC`, `EDQUOT`).
        case full
        /// The file or its file system refuses writes (`SQLITE_READONLY`, `EROFS`).
        case readOnly
        /// A write would break a key, uniqueness or reference rule (`SQLITE_CONSTRAINT`).
        case constraint
        /// The file is damaged or not a database (`SQLITE_CORRUPT`, `SQLITE_NOTADB`).
        case corrupt
        /// There is no store at the path, or its folder does not exist.
        case notFound
        /// The file exists but cannot be opened (`SQLITE_CANTOPEN`, `SQLITE_PERM`, `EACCES`).
        case unavailable
        /// The caller passed something the store refuses; retrying the same call fails again.
        case invalidArgument
        /// The file is an SQLite database of another program.
        case notJifangStore
        /// The file was written by a newer Jifang.
        case newerVersion
        /// Anything else: the message and ``StoreError/underlying`` say what.
        case other
    }

    /// The error a failure came from, with its ``Code``.
    ///
    /// Two causes are equal when their codes and the underlying errors' descriptions are, so
    /// ``StoreError`` stays `Equatable`.
    public struct Cause: Sendable, Equatable, CustomStringConvertible {
        public let code: Code
        /// The error SQLite, GRDB or the system reported.
        public let error: any Error

        public init(_ code: Code, _ error: any Error) {
            self.code = code
            self.error = error
        }

        /// The cause of `error`: a `DatabaseError` by its SQLite result code, a `POSIXError` by
        /// its errno, anything else ``Code/other``.
        public init(_ error: any Error) {
            switch error {
            case let error as DatabaseError: self.init(Self.code(error.resultCode), error)
            case let error as POSIXError: self.init(Self.code(errno: error.code.rawValue), error)
            default: self.init(.other, error)
            }
        }

        /// The cause of a failed system call that set `errno` to `number`.
        static func posix(_ number: Int32) -> Cause {
            let error: any Error =
                POSIXErrorCode(rawValue: number).map { POSIXError($0) }
                ?? NSError(domain: NSPOSIXErrorDomain, code: Int(number))
            return Cause(code(errno: number), error)
        }

        static func code(_ result: ResultCode) -> Code {
            switch result.primaryResultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
            case .SQLITE_FULL: .full
            case .SQLITE_READONLY: .readOnly
            case .SQLITE_CONSTRAINT: .constraint
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: .corrupt
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: .unavailable
            default: .other
            }
        }

        static func code(errno number: Int32) -> Code {
            switch number {
            case ENOENT, ENOTDIR: .notFound
            case ENOSPC, EDQUOT: .full
            case EROFS: .readOnly
            case EACCES, EPERM: .unavailable
            default: .other
            }
        }

        public var description: String { "\(code.rawValue): \(error)" }

        public static func == (lhs: Cause, rhs: Cause) -> Bool {
            lhs.code == rhs.code && "\(lhs.error)" == "\(rhs.error)"
        }
    }

    /// What went wrong, as a caller acts on it; see ``Code``.
    public var code: Code {
        switch self {
        case .cannotOpen(_, _, let cause): cause?.code ?? .unavailable
        case .notAJifangDatabase(_, _, let cause): cause?.code ?? .notJifangStore
        case .newerSchema: .newerVersion
        case .migrationFailed(_, _, let cause), .operationFailed(_, _, _, let cause): cause?.code ?? .other
        case .invalidArgument: .invalidArgument
        }
    }

    /// The error SQLite, GRDB or the system reported, when the failure came from one.
    public var underlying: (any Error)? {
        switch self {
        case .cannotOpen(_, _, let cause), .notAJifangDatabase(_, _, let cause), .migrationFailed(_, _, let cause),
            .operationFailed(_, _, _, let cause):
            cause?.error
        case .newerSchema, .invalidArgument:
            nil
        }
    }

    /// The sentence that tells a person what to do about ``code``, or `nil` when the message
    /// itself says it (``Code/invalidArgument``, ``Code/newerVersion``, ``Code/other``).
    var advice: String? {
        switch code {
        case .busy:
            "Another process holds the store (a second jifang agent, serve, poll or a backup): retry when it is done."
        case .full:
            "The disk holding \(path) is full: free space there, then retry."
        case .readOnly:
            "The store cannot be written: check the permissions of \(path), its -wal and -shm files and its "
                + "folder, and that its file system is mounted read-write."
        case .constraint:
            "The store already holds such a record, or a record it names is not in the store: check the names "
                + "and ids given."
        case .corrupt:
            "The file is damaged: keep it for inspection and restore the latest backup of the store "
                + "(`jifang backup restore ID --to PATH`, or copy the newest backup file into place)."
        case .notFound:
            "Check the path, create its folder, or pass --database with the store's path."
        case .unavailable:
            "Check that the file and its folder exist and that this user may read and write them."
        case .notJifangStore:
            "Point Jifang at its own database file or at a new path."
        case .invalidArgument, .newerVersion, .other:
            nil
        }
    }
}
