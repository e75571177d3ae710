import GRDB

/// The store's schema as a sequence of named migrations.
///
/// Migrations are append-only: a released step is never edited, a change is a new `vN-…` step.
/// Times are integer milliseconds since 1970 (UTC) everywhere, so ranges compare as integers.
enum StoreSchema {
    /// Marks the file as a Jifang store in the SQLite header (`PRAGMA application_id`), "JIFG".
    static let applicationID: Int32 = 0x4A49_4647

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schema") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: inventory + polls + alertsAndEvents + observations)
        }
        migrator.registerMigration("v2-records") { db in
            try migrateRecords(db)
            try Store.backfillDutyLog(db)
        }
        migrator.registerMigration("v3-bindings") { db in
            try db.execute(sql: bindings)
        }
        migrator.registerMigration("v4-backups") { db in try db.execute(sql: backups) }
        migrator.registerMigration("v5-compliance") { db in
            try db.execute(sql: compliance)
        }
        migrator.registerMigration("v6-accounts") { db in try db.execute(sql: AccountsSchema.sql) }
        migrator.registerMigration("v7-evaluation-scorecards") { db in
            try db.execute(sql: evaluationScorecards)
        }
        migrator.registerMigration("v8-account-lifecycle") { db in try AccountLifecycleSchema.migrate(db) }
        migrator.registerMigration(scrub) { db in try scrubDeviceCredentials(db) }
        migrator.registerMigration("v10-journal") { db in try migrateJournal(db) }
        return migrator
    }

    private static let inventory = """
        CREATE TABLE units (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            parent TEXT REFERENCES units(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
        );
        CREATE TABLE devices (
            name TEXT PRIMARY KEY NOT NULL,
            address TEXT NOT NULL,
            port INTEGER NOT NULL,
            unit TEXT REFERENCES units(id) ON DELETE SET NULL,
            location TEXT,
            owner TEXT,
            declared_kind TEXT,
            kind TEXT NOT NULL,
            vendor TEXT,
            model TEXT,
            os_version TEXT,
            serial TEXT,
            sys_descr TEXT,
            sys_object_id TEXT,
            matched_rule TEXT,
            added_at INTEGER NOT NULL,
            removed_at INTEGER,
            first_seen INTEGER,
            last_seen INTEGER,
            last_poll_id INTEGER REFERENCES polls(id) ON DELETE SET NULL,
            last_poll_at INTEGER,
            last_poll_reachable INTEGER,
            last_poll_error TEXT,
            last_reachable_poll_id INTEGER REFERENCES polls(id) ON DELETE SET NULL,
            uptime_seconds REAL
        );
        CREATE INDEX devices_unit ON devices(unit);

        """

    private static let polls = """
        CREATE TABLE polls (
            id INTEGER PRIMARY KEY,
            device TEXT NOT NULL REFERENCES devices(name) ON UPDATE CASCADE ON DELETE CASCADE,
            time INTEGER NOT NULL,
            reachable INTEGER NOT NULL,
            error TEXT,
            pdu_count INTEGER NOT NULL,
            duration REAL,
            observation_count INTEGER NOT NULL,
            uptime_seconds REAL
        );
        CREATE INDEX polls_device_time ON polls(device, time);
        CREATE TABLE device_health (
            device TEXT PRIMARY KEY NOT NULL REFERENCES devices(name) ON UPDATE CASCADE ON DELETE CASCADE,
            poll INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
            json BLOB NOT NULL
        );
        CREATE TABLE findings (
            poll INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            rule TEXT NOT NULL,
            article TEXT,
            status TEXT NOT NULL,
            message TEXT NOT NULL,
            observed TEXT,
            source TEXT,
            PRIMARY KEY (poll, ordinal)
        ) WITHOUT ROWID;

        """

    private static let alertsAndEvents = """
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            device TEXT NOT NULL REFERENCES devices(name) ON UPDATE CASCADE ON DELETE CASCADE,
            type TEXT NOT NULL,
            subject TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            cleared_at INTEGER,
            opened_by_poll INTEGER REFERENCES polls(id) ON DELETE SET NULL,
            last_seen_poll INTEGER REFERENCES polls(id) ON DELETE SET NULL,
            cleared_by_poll INTEGER REFERENCES polls(id) ON DELETE SET NULL
        );
        -- At most one open alert per condition; a second would be a reconciliation bug.
        CREATE UNIQUE INDEX alerts_open_key ON alerts(key) WHERE cleared_at IS NULL;
        CREATE INDEX alerts_device_opened ON alerts(device, opened_at);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            device TEXT REFERENCES devices(name) ON UPDATE CASCADE ON DELETE SET NULL,
            type TEXT NOT NULL,
            message TEXT NOT NULL,
            poll INTEGER REFERENCES polls(id) ON DELETE SET NULL,
            alert INTEGER REFERENCES alerts(id) ON DELETE SET NULL
        );
        CREATE INDEX events_time ON events(time);
        CREATE INDEX events_device_time ON events(device, time);
        CREATE INDEX events_poll ON events(poll);
        CREATE INDEX events_alert ON events(alert);
        CREATE INDEX alerts_polls ON alerts(opened_by_poll);

        """

    /// Samples are keyed by an integer series id so a row is a few bytes plus the value.
    ///
    /// New samples land in `observations_recent`, clustered by time: a polling round appends to
    /// the end of one B-tree and dirties a handful of pages, however many series it covers.
    /// Once an hour has passed they move in bulk to `observations`, clustered by series and time,
    /// where a series' hour is one contiguous run that range queries read directly (see
    /// `Store.compactObservations`). `poll` is deliberately not a foreign key: ingest stays one
    /// B-tree write per sample, and forwarded batches may arrive before or without their poll.
    private static let observations = """
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            device TEXT NOT NULL REFERENCES devices(name) ON UPDATE CASCADE ON DELETE CASCADE,
            metric TEXT NOT NULL,
            instance TEXT NOT NULL,
            UNIQUE (device, metric, instance)
        );
        CREATE TABLE observations_recent (
            time INTEGER NOT NULL,
            series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            value REAL NOT NULL,
            poll INTEGER,
            PRIMARY KEY (time, series)
        ) WITHOUT ROWID;
        CREATE TABLE observations (
            series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            time INTEGER NOT NULL,
            value REAL NOT NULL,
            poll INTEGER,
            PRIMARY KEY (series, time)
        ) WITHOUT ROWID;
        CREATE TABLE observations_hourly (
            series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            time INTEGER NOT NULL,
            min_value REAL NOT NULL,
            avg_value REAL NOT NULL,
            max_value REAL NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (series, time)
        ) WITHOUT ROWID;
        CREATE TABLE observations_daily (
            series INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            time INTEGER NOT NULL,
            min_value REAL NOT NULL,
            avg_value REAL NOT NULL,
            max_value REAL NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (series, time)
        ) WITHOUT ROWID;

        """

    /// The IP–MAC binding register with its change history, the ARP pairs seen (for learning),
    /// proposals awaiting approval, ARP event details and port shutdowns.
    ///
    /// IPs are stored as their 32-bit number so they sort numerically; MACs as lowercase colon
    /// text. `arp_events.event` and `port_actions.event` point at the duty-log row without a
    /// foreign key, so the duty log's own layout can change without touching these tables.
    private static let bindings = """
        CREATE TABLE bindings (
            ip INTEGER PRIMARY KEY NOT NULL,
            mac TEXT NOT NULL,
            owner TEXT,
            unit TEXT,
            vlan INTEGER,
            switch TEXT,
            port TEXT,
            action TEXT,
            source TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX bindings_mac ON bindings(mac);
        CREATE TABLE binding_history (
            id INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            ip INTEGER NOT NULL,
            change TEXT NOT NULL,
            old_entry TEXT,
            new_entry TEXT,
            source TEXT NOT NULL,
            actor TEXT
        );
        CREATE INDEX binding_history_ip ON binding_history(ip, time);
        CREATE TABLE arp_pairs (
            ip INTEGER NOT NULL,
            mac TEXT NOT NULL,
            vlan INTEGER,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            packets INTEGER NOT NULL,
            PRIMARY KEY (ip, mac)
        ) WITHOUT ROWID;
        CREATE TABLE binding_proposals (
            id INTEGER PRIMARY KEY,
            ip INTEGER NOT NULL,
            mac TEXT NOT NULL,
            vlan INTEGER,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            packets INTEGER NOT NULL,
            proposed_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            decided_at INTEGER,
            decided_by TEXT
        );
        CREATE UNIQUE INDEX binding_proposals_pending ON binding_proposals(ip) WHERE status = 'pending';
        CREATE TABLE arp_events (
            event INTEGER PRIMARY KEY NOT NULL,
            time INTEGER NOT NULL,
            type TEXT NOT NULL,
            ip INTEGER,
            mac TEXT,
            bound_mac TEXT,
            vlan INTEGER,
            frame INTEGER,
            capture TEXT,
            switch TEXT,
            port TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX arp_events_time ON arp_events(time);
        CREATE TABLE port_actions (
            id INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            device TEXT NOT NULL,
            if_index INTEGER NOT NULL,
            if_name TEXT,
            mac TEXT,
            ip INTEGER,
            previous_status INTEGER,
            state TEXT NOT NULL,
            reason TEXT NOT NULL,
            released_at INTEGER,
            event INTEGER
        );
        CREATE INDEX port_actions_port ON port_actions(device, if_index);

        """
}
