import GRDB
import GRDBSQLite

/// The one place the store calls SQLite's C API: binding and stepping the sample insert
/// directly, which is several times faster than going through `StatementArguments` per row.
///
/// Owns its statement (not shared with GRDB's statement cache), so GRDB never sees it
/// half-bound. Use only inside the write transaction that made it.
struct SampleInsertStatement {
    private let statement: Statement
    private let connection: SQLiteConnection

    init(_ db: Database) throws {
        statement = try db.makeStatement(
            sql: """
                INSERT INTO observations_recent (time, series, value, poll) VALUES (?, ?, ?, ?)
                ON CONFLICT (time, series) DO UPDATE SET value = excluded.value, poll = excluded.poll
                """)
        connection = db.sqliteConnection!
    }

    /// Writes one sample. A NaN value binds as NULL and fails the NOT NULL constraint.
    func insert(time: Int64, series: Int64, value: Double, poll: Int64?) throws {
        let handle = statement.sqliteStatement
        sqlite3_bind_int64(handle, 1, time)
        sqlite3_bind_int64(handle, 2, series)
        sqlite3_bind_double(handle, 3, value)
        if let poll {
            sqlite3_bind_int64(handle, 4, poll)
        } else {
            sqlite3_bind_null(handle, 4)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let error = DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
                message: String(cString: sqlite3_errmsg(connection)), sql: statement.sql)
            sqlite3_reset(handle)
            throw error
        }
        sqlite3_reset(handle)
    }
}
