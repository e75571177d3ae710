import GRDB

/// The operations records: asset register, duty log (hash-chained, append-only), technical
/// documents and loans, staff and governance records.
///
/// Duty-log rows hold plain ids of polls, alerts and events rather than foreign keys: a log entry
/// never changes, so retention deleting a poll must not rewrite (and so break) the entry that
/// cites it.
extension StoreSchema {
    static func migrateRecords(_ db: Database) throws {
        try db.execute(sql: assets + dutyLog + documents + staff)
    }

    private static let assets = """
        CREATE TABLE assets (
            tag TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            unit TEXT,
            location TEXT,
            rack TEXT,
            responsible TEXT,
            vendor TEXT,
            model TEXT,
            serial TEXT,
            os_version TEXT,
            interface_count INTEGER,
            purchase_date TEXT,
            warranty_end TEXT,
            price REAL,
            device TEXT UNIQUE,
            notes TEXT,
            state_since TEXT,
            last_power_on TEXT
        );
        CREATE TABLE asset_changes (
            id INTEGER PRIMARY KEY,
            asset TEXT NOT NULL REFERENCES assets(tag) ON UPDATE CASCADE,
            time INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            field TEXT,
            before TEXT,
            after TEXT,
            note TEXT
        );
        CREATE INDEX asset_changes_asset ON asset_changes(asset, id);
        CREATE TABLE asset_power_on_runs (
            id INTEGER PRIMARY KEY,
            asset TEXT NOT NULL REFERENCES assets(tag) ON UPDATE CASCADE,
            day TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            note TEXT
        );
        CREATE TABLE repair_tickets (
            id INTEGER PRIMARY KEY,
            asset TEXT NOT NULL REFERENCES assets(tag) ON UPDATE CASCADE,
            opened_on TEXT NOT NULL,
            fault TEXT NOT NULL,
            caused_by TEXT,
            reported_by TEXT NOT NULL,
            closed_on TEXT,
            cost REAL,
            result TEXT,
            returned_to TEXT
        );
        CREATE UNIQUE INDEX repair_tickets_open ON repair_tickets(asset) WHERE closed_on IS NULL;
        CREATE TABLE scrap_records (
            asset TEXT PRIMARY KEY NOT NULL REFERENCES assets(tag) ON UPDATE CASCADE,
            day TEXT NOT NULL,
            reason TEXT NOT NULL,
            handed_to TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        );

        """

    private static let dutyLog = """
        CREATE TABLE duty_log (
            id INTEGER PRIMARY KEY,
            unit TEXT,
            day TEXT NOT NULL,
            time INTEGER NOT NULL,
            category TEXT NOT NULL,
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            source TEXT NOT NULL,
            device TEXT,
            event INTEGER UNIQUE,
            poll INTEGER,
            alert INTEGER,
            corrects INTEGER,
            symptom TEXT,
            cause TEXT,
            handling TEXT,
            participants TEXT,
            result TEXT,
            recorded_at INTEGER NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX duty_log_day ON duty_log(day, unit);
        CREATE INDEX duty_log_corrects ON duty_log(corrects);
        -- Append-only: corrections are new entries. Dropping these triggers is possible, which is
        -- why the log is also a hash chain.
        CREATE TRIGGER duty_log_no_update BEFORE UPDATE ON duty_log
            BEGIN SELECT RAISE(ABORT, 'the duty log is append-only; add a correcting entry instead'); END;
        CREATE TRIGGER duty_log_no_delete BEFORE DELETE ON duty_log
            BEGIN SELECT RAISE(ABORT, 'the duty log is append-only; entries cannot be deleted'); END;
        -- The chain's head, so removing the newest entries shows too.
        CREATE TABLE duty_log_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_entry INTEGER NOT NULL,
            last_hash TEXT NOT NULL,
            count INTEGER NOT NULL
        );
        CREATE TABLE duty_log_reviews (
            id INTEGER PRIMARY KEY,
            unit TEXT,
            from_day TEXT NOT NULL,
            to_day TEXT NOT NULL,
            supervisor TEXT NOT NULL,
            signed_at INTEGER NOT NULL,
            comment TEXT,
            digest TEXT NOT NULL,
            log_entry INTEGER NOT NULL
        );
        CREATE TABLE duty_log_review_entries (
            review INTEGER NOT NULL REFERENCES duty_log_reviews(id),
            entry INTEGER NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (review, entry)
        ) WITHOUT ROWID;
        CREATE INDEX duty_log_review_entries_entry ON duty_log_review_entries(entry);
        CREATE TABLE records_settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        INSERT INTO records_settings (key, value) VALUES ('utc_offset_seconds', '28800');

        """

    private static let documents = """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            category TEXT NOT NULL,
            keeper TEXT NOT NULL,
            asset TEXT REFERENCES assets(tag) ON UPDATE CASCADE,
            price REAL,
            state TEXT NOT NULL,
            notes TEXT
        );
        CREATE TABLE loans (
            id INTEGER PRIMARY KEY,
            document TEXT NOT NULL REFERENCES documents(id) ON UPDATE CASCADE,
            title TEXT NOT NULL,
            borrower TEXT NOT NULL,
            lent_on TEXT NOT NULL,
            due TEXT NOT NULL,
            lent_by TEXT NOT NULL,
            returned_on TEXT,
            condition TEXT,
            compensation REAL,
            received_by TEXT
        );
        CREATE UNIQUE INDEX loans_open ON loans(document) WHERE returned_on IS NULL;
        CREATE TABLE loan_renewals (
            id INTEGER PRIMARY KEY,
            loan INTEGER NOT NULL REFERENCES loans(id),
            day TEXT NOT NULL,
            new_due TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        );

        """

    private static let staff = """
        CREATE TABLE staff (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            unit TEXT,
            roles TEXT NOT NULL,
            degree TEXT,
            certificate_number TEXT,
            certificate_level TEXT,
            certificate_issued_on TEXT,
            joined_on TEXT,
            left_on TEXT
        );
        CREATE TABLE trainings (
            id INTEGER PRIMARY KEY,
            person TEXT NOT NULL REFERENCES staff(id) ON UPDATE CASCADE,
            day TEXT NOT NULL,
            hours REAL NOT NULL,
            title TEXT NOT NULL,
            organiser TEXT
        );
        CREATE TABLE governance (
            id INTEGER PRIMARY KEY,
            unit TEXT,
            kind TEXT NOT NULL,
            day TEXT NOT NULL,
            title TEXT NOT NULL,
            reference TEXT,
            notes TEXT
        );

        """
}
