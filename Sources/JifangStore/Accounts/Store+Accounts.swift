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
                        password_changed_at, created_at, disabled, staff_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    account.username, account.displayName, account.role.rawValue, account.language.rawValue,
                    account.passwordHash, account.passwordChangedAt.storeMillis, account.createdAt.storeMillis,
                    account.disabled, try account.staffID.map { try checkedStaffID($0, db, for: account.username) },
                ])
            let staff = account.staffID.map { ", staff \($0)" } ?? ""
            try appendAudit(
                db, actor: actor, action: "account.create", subject: account.username,
                detail: "role \(account.role.rawValue), language \(account.language.rawValue)\(staff)", at: time)
        }
    }

    /// The account with this username, or `nil`.
    public func account(named username: String) throws -> Account? {
        try read("read the account \(username)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE username = ?", arguments: [username])
                .map { try Self.account($0) }
        }
    }

    /// Every account, by username.
    public func accounts() throws -> [Account] {
        try read("read the accounts") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY username").map { try Self.account($0) }
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

    /// Links an account to the staff member it acts as in the records (`staffID`), or unlinks it (`nil`).
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when there is no such account
    ///   or no staff member has exactly this id (a name is not taken for an id); nothing is written then.
    public func linkStaff(username: String, staffID: String?, by actor: Actor, at time: Date = Date()) throws {
        try write("link the account \(username) to staff") { db in
            let checked = try staffID.map { try checkedStaffID($0, db, for: username) }
            try updateAccount(
                db, username, sql: "staff_id = ?", [checked], actor: actor,
                action: checked == nil ? "account.unlink" : "account.link",
                detail: checked.map { "acts as staff member \($0)" } ?? "acts as no staff member", at: time)
        }
    }

    /// `id` when a staff member has exactly this id.
    private func checkedStaffID(_ id: String, _ db: Database, for username: String) throws -> String {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE id = ?", arguments: [id]) == true else {
            throw StoreError.invalidArgument(
                path: path, operation: "link the account \(username) to staff",
                reason: "no staff member has the id \(id) (see `jifang staff list`)")
        }
        return id
    }

    private func updateAccount(
        _ username: String, sql: String, _ arguments: StatementArguments, actor: Actor, action: String,
        detail: String, at time: Date
    ) throws {
        try write("update the account \(username)") { db in
            try updateAccount(
                db, username, sql: sql, arguments, actor: actor, action: action, detail: detail, at: time)
        }
    }

    private func updateAccount(
        _ db: Database, _ username: String, sql: String, _ arguments: StatementArguments, actor: Actor,
        action: String, detail: String, at time: Date
    ) throws {
        try db.execute(sql: "UPDATE accounts SET \(sql) WHERE username = ?", arguments: arguments + [username])
        guard db.changesCount == 1 else {
            throw StoreError.invalidArgument(
                path: path, operation: "update the account \(username)", reason: "there is no such account")
        }
        try appendAudit(db, actor: actor, action: action, subject: username, detail: detail, at: time)
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
                let table = "audit_log"
                return AuditEntry(
                    id: try row.decode(Int64.self, "id", in: table), time: try row.decodeTime("time", in: table),
                    actor: try row.decode(String.self, "actor", in: table),
                    action: try row.decode(String.self, "action", in: table),
                    subject: try row.decode(String.self, "subject", in: table),
                    detail: try row.decode(String.self, "detail", in: table),
                    origin: try row.decodeIfPresent(String.self, "origin", in: table))
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

    /// An `accounts` row as an account; a role or language no version wrote fails the read naming
    /// the column instead of reading as `auditor` or English: a guessed role would grant rights.
    static func account(_ row: Row) throws -> Account {
        let table = "accounts"
        return Account(
            username: try row.decode(String.self, "username", in: table),
            displayName: try row.decode(String.self, "display_name", in: table),
            role: try row.decode(AccountRole.self, "role", in: table),
            language: try row.decode(UILanguage.self, "language", in: table),
            passwordHash: try row.decode(String.self, "password_hash", in: table),
            passwordChangedAt: try row.decodeTime("password_changed_at", in: table),
            createdAt: try row.decodeTime("created_at", in: table),
            disabled: try row.decode(Bool.self, "disabled", in: table),
            staffID: try row.decodeIfPresent(String.self, "staff_id", in: table))
    }
}
