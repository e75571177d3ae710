import Foundation
import GRDB
import JifangModel

/// Accounts of the web UI, their API tokens, and the audit trail of who changed what.
///
/// Every change writes its audit entry in the same transaction, so a change without its entry
/// (or an entry without its change) cannot be committed.
extension Store {
    /// Who made a change and from where, recorded with it in the audit trail.
    public struct Actor: Sendable, Hashable {
        public var name: String
        public var origin: String?
        public init(_ name: String, origin: String? = nil) {
            self.name = name
            self.origin = origin
        }
    }

    /// Adds an account.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when the username is taken;
    ///   nothing is written then.
    public func createAccount(_ account: Account, by actor: Actor, at time: Date = Date()) throws {
        try write("create the account \(account.username)") { db in
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM accounts WHERE username = ?", arguments: [account.username]) == true
            {
                throw StoreError.invalidArgument(
                    path: path, operation: "create the account \(account.username)",
                    reason: "the username \(account.username) is taken")
            }
            try db.execute(
                sql: """
                    INSERT INTO accounts (username, display_name, role, language, password_hash,
                        password_changed_at, created_at, disabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    account.username, account.displayName, account.role.rawValue, account.language.rawValue,
                    account.passwordHash, account.passwordChangedAt.storeMillis, account.createdAt.storeMillis,
                    account.disabled,
                ])
            try appendAudit(
                db, actor: actor, action: "account.create", subject: account.username,
                detail: "role \(account.role.rawValue), language \(account.language.rawValue)", at: time)
        }
    }

    /// The account with this username, or `nil`.
    public func account(named username: String) throws -> Account? {
        try read("read the account \(username)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE username = ?", arguments: [username])
                .map(Self.account)
        }
    }

    /// Every account, by username.
    public func accounts() throws -> [Account] {
        try read("read the accounts") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY username").map(Self.account)
        }
    }

    /// Replaces an account's password hash and restarts its expiry clock.
    public func setPassword(username: String, hash: String, by actor: Actor, at time: Date = Date()) throws {
        try updateAccount(
            username, sql: "password_hash = ?, password_changed_at = ?", [hash, time.storeMillis], actor: actor,
            action: "account.password", detail: "password changed", at: time)
    }

    /// Changes the language an account reads the UI in.
    public func setLanguage(username: String, language: UILanguage, by actor: Actor, at time: Date = Date()) throws {
        try updateAccount(
            username, sql: "language = ?", [language.rawValue], actor: actor, action: "account.language",
            detail: "language \(language.rawValue)", at: time)
    }

    /// Changes an account's role.
    public func setRole(username: String, role: AccountRole, by actor: Actor, at time: Date = Date()) throws {
        try updateAccount(
            username, sql: "role = ?", [role.rawValue], actor: actor, action: "account.role",
            detail: "role \(role.rawValue)", at: time)
    }

    /// Disables or re-enables an account; a disabled account cannot sign in or use tokens.
    public func setDisabled(username: String, _ disabled: Bool, by actor: Actor, at time: Date = Date()) throws {
        try updateAccount(
            username, sql: "disabled = ?", [disabled], actor: actor,
            action: disabled ? "account.disable" : "account.enable", detail: disabled ? "disabled" : "enabled",
            at: time)
    }

    private func updateAccount(
        _ username: String, sql: String, _ arguments: StatementArguments, actor: Actor, action: String,
        detail: String, at time: Date
    ) throws {
        try write("update the account \(username)") { db in
            try db.execute(sql: "UPDATE accounts SET \(sql) WHERE username = ?", arguments: arguments + [username])
            guard db.changesCount == 1 else {
                throw StoreError.invalidArgument(
                    path: path, operation: "update the account \(username)", reason: "there is no such account")
            }
            try appendAudit(db, actor: actor, action: action, subject: username, detail: detail, at: time)
        }
    }

    /// Records an API token by its digest (the caller keeps the token itself and shows it once).
    public func addAPIToken(digest: String, username: String, label: String, by actor: Actor, at time: Date = Date())
        throws
    {
        try write("add an API token for \(username)") { db in
            try db.execute(
                sql: "INSERT INTO api_tokens (digest, username, label, created_at) VALUES (?, ?, ?, ?)",
                arguments: [digest, username, label, time.storeMillis])
            try appendAudit(
                db, actor: actor, action: "token.create", subject: username, detail: "API token \(label)", at: time)
        }
    }

    /// The account an API token digest belongs to, or `nil` for an unknown digest.
    public func account(tokenDigest digest: String) throws -> Account? {
        try read("look up an API token") { db in
            try Row.fetchOne(
                db,
                sql: "SELECT a.* FROM api_tokens t JOIN accounts a ON a.username = t.username WHERE t.digest = ?",
                arguments: [digest]
            ).map(Self.account)
        }
    }

    /// Appends an entry to the audit trail on its own, for events that change no row (a refused sign-in).
    @discardableResult
    public func appendAudit(
        actor: Actor, action: String, subject: String, detail: String, at time: Date = Date()
    ) throws -> AuditEntry {
        try write("write an audit entry") { db in
            try appendAudit(db, actor: actor, action: action, subject: subject, detail: detail, at: time)
        }
    }

    /// The newest `limit` audit entries, newest first.
    public func auditTrail(limit: Int = 200) throws -> [AuditEntry] {
        try read("read the audit trail") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log ORDER BY time DESC, id DESC LIMIT ?", arguments: [limit]
            ).map { row in
                AuditEntry(
                    id: row["id"], time: Date(storeMillis: row["time"]), actor: row["actor"], action: row["action"],
                    subject: row["subject"], detail: row["detail"], origin: row["origin"])
            }
        }
    }

    @discardableResult
    func appendAudit(
        _ db: Database, actor: Actor, action: String, subject: String, detail: String, at time: Date
    ) throws -> AuditEntry {
        try db.execute(
            sql: "INSERT INTO audit_log (time, actor, action, subject, detail, origin) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [time.storeMillis, actor.name, action, subject, detail, actor.origin])
        return AuditEntry(
            id: db.lastInsertedRowID, time: Date(storeMillis: time.storeMillis), actor: actor.name, action: action,
            subject: subject, detail: detail, origin: actor.origin)
    }

    private static func account(_ row: Row) -> Account {
        Account(
            username: row["username"], displayName: row["display_name"],
            role: AccountRole(rawValue: row["role"]) ?? .auditor,
            language: UILanguage(rawValue: row["language"]) ?? .english, passwordHash: row["password_hash"],
            passwordChangedAt: Date(storeMillis: row["password_changed_at"]),
            createdAt: Date(storeMillis: row["created_at"]), disabled: row["disabled"])
    }
}
