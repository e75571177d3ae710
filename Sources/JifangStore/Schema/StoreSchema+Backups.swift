extension StoreSchema {
    /// The backup register (Art. 28: what was backed up, when, where it is kept) and the last
    /// configuration fingerprint seen per configuration target.
    ///
    /// `target` is a backup target's name from Inventory/backups.yaml, not a foreign key: the
    /// register outlives targets that are later removed from the file. `locations` is a JSON
    /// array of paths. `pid` and `host` identify the process of a `running` row, so a later
    /// `verify` can tell a crashed run from one still in progress.
    static let backups = """
        CREATE TABLE backups (
            id INTEGER PRIMARY KEY,
            target TEXT NOT NULL,
            category TEXT,
            kind TEXT NOT NULL,
            period TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            path TEXT,
            size INTEGER,
            sha256 TEXT,
            locations TEXT NOT NULL DEFAULT '[]',
            verified_at INTEGER,
            verified INTEGER,
            message TEXT,
            pid INTEGER,
            host TEXT
        );
        CREATE INDEX backups_target_started ON backups(target, started_at);
        CREATE INDEX backups_kind_period ON backups(kind, period);
        CREATE TABLE config_fingerprints (
            target TEXT PRIMARY KEY NOT NULL,
            observed TEXT NOT NULL,
            observed_at INTEGER NOT NULL,
            source TEXT NOT NULL,
            backed_up TEXT
        );

        """
}
