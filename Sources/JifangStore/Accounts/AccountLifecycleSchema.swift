import Foundation
import GRDB

/// Migration `v8-account-lifecycle`: accounts linked to staff explicitly, API tokens with an id,
/// an expiry and revocation.
///
/// Existing stores: an account whose username is a staff id is linked to that member, since
/// that match is unambiguous; an account whose display name merely equals a staff member's name
/// is not linked (a name can be chosen to look like a colleague), so it must be linked by hand
/// with `jifang users link`. Tokens made before this step get an expiry of
/// ``legacyTokenLifetimeDays`` days from the upgrade, so scripts keep working while their
/// tokens are replaced, and no token lives for ever.
enum AccountLifecycleSchema {
    /// Days existing tokens keep working after the upgrade; the default `tokenExpiryDays`.
    static let legacyTokenLifetimeDays = 90

    static func migrate(_ db: Database, now: Date = Date()) throws {
        try db.execute(
            sql: """
                ALTER TABLE accounts ADD COLUMN staff_id TEXT;
                UPDATE accounts SET staff_id = username WHERE username IN (SELECT id FROM staff);
                CREATE INDEX accounts_staff_id ON accounts(staff_id);
                -- Rebuilt to give each token a stable id that can be listed and revoked without the secret.
                CREATE TABLE api_tokens_v8 (
                    id INTEGER PRIMARY KEY,
                    digest TEXT NOT NULL UNIQUE,
                    username TEXT NOT NULL REFERENCES accounts(username) ON UPDATE CASCADE ON DELETE CASCADE,
                    label TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                """)
        let expiry = now.addingTimeInterval(Double(legacyTokenLifetimeDays) * 86_400)
        try db.execute(
            sql: """
                INSERT INTO api_tokens_v8 (digest, username, label, created_at, expires_at)
                    SELECT digest, username, label, created_at, ? FROM api_tokens ORDER BY created_at, digest
                """,
            arguments: [expiry.storeMillis])
        try db.execute(
            sql: """
                DROP TABLE api_tokens;
                ALTER TABLE api_tokens_v8 RENAME TO api_tokens;
                CREATE INDEX api_tokens_username ON api_tokens(username);
                """)
    }
}
