/// Tables of the web UI's accounts, API tokens and audit trail (migration `v6-accounts`).
enum AccountsSchema {
    static let sql = """
        CREATE TABLE accounts (
            username TEXT PRIMARY KEY NOT NULL,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            language TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            password_changed_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0
        );
        -- Only a digest of each token is kept: a copied database yields no usable token.
        CREATE TABLE api_tokens (
            digest TEXT PRIMARY KEY NOT NULL,
            username TEXT NOT NULL REFERENCES accounts(username) ON UPDATE CASCADE ON DELETE CASCADE,
            label TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX api_tokens_username ON api_tokens(username);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            origin TEXT
        );
        CREATE INDEX audit_log_time ON audit_log(time);

        """
}
