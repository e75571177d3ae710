import Foundation
import GRDB
import JifangModel

/// The store's identity and the journal of every record that leaves the site (issue 16, item 3).
///
/// `store_identity` holds one row: the epoch, a random UUID made when this migration runs (when
/// the file is created, or when a store of an earlier version is first opened), and the site's
/// unit id once ``Store/setSite(_:replacingExisting:)`` has been called. `journal` gets one row
/// per append (and per meaningful change) of the tables listed in ``journaled``, written by
/// triggers, so it is part of the same transaction as the write and no write path can forget it.
/// `AUTOINCREMENT` keeps `seq` strictly increasing and never reused, even after rows are deleted.
/// `journal_acknowledged` is the forwarder's cursor: journal rows up to it may be pruned, later
/// ones never.
extension StoreSchema {
    static func migrateJournal(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE store_identity (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    epoch TEXT NOT NULL,
                    site TEXT,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE journal (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    row_id INTEGER NOT NULL,
                    key TEXT,
                    at INTEGER NOT NULL
                );
                CREATE TABLE journal_acknowledged (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL
                );
                INSERT INTO journal_acknowledged (id, seq) VALUES (1, 0);
                """)
        try db.execute(
            sql: "INSERT INTO store_identity (id, epoch, site, created_at) VALUES (1, ?, NULL, ?)",
            arguments: [UUID().uuidString, Date().storeMillis])
        for source in journaled {
            try db.execute(sql: source.triggers)
        }
    }

    /// The current time in integer milliseconds, in SQL, for the triggers' `at`.
    private static let nowMillis = "CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)"

    /// A table whose rows leave the site, and which of its changes are journaled.
    struct JournalSource {
        let table: String
        let kind: JournalEntry.Kind
        /// The row's integer id in SQL over `NEW`; for tables keyed by text, its rowid.
        var rowID = "NEW.id"
        /// The row's text key in SQL over `NEW`, for tables keyed by text (their rowid can change
        /// on VACUUM); `NULL` otherwise.
        var key = "NULL"
        /// When an update is journaled too (SQL over `OLD` and `NEW`); `nil` for append-only tables.
        var changed: String? = nil

        var triggers: String {
            let insert = """
                INSERT INTO journal (kind, row_id, key, at) VALUES ('\(kind.rawValue)', \(rowID), \(key), \(nowMillis));
                """
            var sql = """
                CREATE TRIGGER journal_\(table)_insert AFTER INSERT ON \(table) BEGIN \(insert) END;

                """
            if let changed {
                sql += """
                    CREATE TRIGGER journal_\(table)_update AFTER UPDATE ON \(table) WHEN \(changed)
                    BEGIN \(insert) END;

                    """
            }
            return sql
        }
    }

    /// Every journaled table. A poll's findings travel with the poll (they are written in its
    /// transaction and keyed by it); an asset's changes are journaled through `asset_changes`,
    /// which every asset write appends to, and the binding register through `binding_history`.
    /// Updates are journaled only where a record changes meaningfully: an alert's `last_seen_at`
    /// moves every poll and is not journaled, its clearing, severity or message is.
    static let journaled: [JournalSource] = [
        JournalSource(table: "polls", kind: .poll),
        JournalSource(table: "events", kind: .event),
        JournalSource(
            table: "alerts", kind: .alert,
            changed: "OLD.cleared_at IS NOT NEW.cleared_at OR OLD.severity IS NOT NEW.severity"
                + " OR OLD.message IS NOT NEW.message"),
        JournalSource(table: "duty_log", kind: .dutyLogEntry),
        JournalSource(table: "duty_log_reviews", kind: .dutyLogReview),
        JournalSource(
            table: "backups", kind: .backup,
            changed: "OLD.status IS NOT NEW.status OR OLD.finished_at IS NOT NEW.finished_at"
                + " OR OLD.verified_at IS NOT NEW.verified_at OR OLD.verified IS NOT NEW.verified"
                + " OR OLD.locations IS NOT NEW.locations OR OLD.sha256 IS NOT NEW.sha256"),
        JournalSource(table: "arp_events", kind: .arpEvent, rowID: "NEW.event"),
        JournalSource(
            table: "port_actions", kind: .portAction,
            changed: "OLD.state IS NOT NEW.state OR OLD.released_at IS NOT NEW.released_at"),
        JournalSource(table: "binding_history", kind: .bindingChange),
        JournalSource(table: "asset_changes", kind: .assetChange, key: "NEW.asset"),
        JournalSource(table: "asset_power_on_runs", kind: .assetPowerOn, key: "NEW.asset"),
        JournalSource(
            table: "repair_tickets", kind: .repairTicket, key: "NEW.asset",
            changed: "OLD.closed_on IS NOT NEW.closed_on OR OLD.result IS NOT NEW.result"),
        JournalSource(table: "scrap_records", kind: .scrapRecord, rowID: "NEW.rowid", key: "NEW.asset"),
        JournalSource(
            table: "documents", kind: .document, rowID: "NEW.rowid", key: "NEW.id",
            changed: "OLD.state IS NOT NEW.state OR OLD.keeper IS NOT NEW.keeper OR OLD.title IS NOT NEW.title"),
        JournalSource(
            table: "loans", kind: .loan,
            changed: "OLD.returned_on IS NOT NEW.returned_on OR OLD.due IS NOT NEW.due"),
        JournalSource(table: "loan_renewals", kind: .loanRenewal),
        // Staff rows are written with INSERT OR REPLACE, which fires the insert trigger.
        JournalSource(table: "staff", kind: .staff, rowID: "NEW.rowid", key: "NEW.id"),
        JournalSource(table: "trainings", kind: .training),
        JournalSource(table: "governance", kind: .governance),
        JournalSource(table: "waivers", kind: .waiver),
        // Evaluating a period again deletes the old row and inserts a new one.
        JournalSource(table: "evaluations", kind: .evaluation),
    ]
}
