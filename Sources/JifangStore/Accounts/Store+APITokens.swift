import Foundation
import GRDB
import JifangModel

/// API tokens: kept as digests only, each with an id, an expiry and, once revoked, when.
///
/// Every change writes its audit entry in the same transaction, as account changes do.
extension Store {
    /// Records an API token by its digest (the caller keeps the token itself and shows it once).
    ///
    /// - Returns: the token as listed, with the id that names it for ``revokeAPIToken(id:by:at:)``.
    @discardableResult
    public func addAPIToken(
        digest: String, username: String, label: String, expiresAt: Date, by actor: Actor, at time: Date = Date()
    ) throws -> APIToken {
        try write("add an API token for \(username)") { db in
            try db.execute(
                sql: "INSERT INTO api_tokens (digest, username, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [digest, username, label, time.storeMillis, expiresAt.storeMillis])
            let id = db.lastInsertedRowID
            try appendAudit(
                db, actor: actor, action: "token.create", subject: username,
                detail: "API token #\(id) \(label), expires \(ISO8601DateFormatter().string(from: expiresAt))",
                at: time)
            return APIToken(
                id: id, username: username, label: label, createdAt: Date(storeMillis: time.storeMillis),
                expiresAt: Date(storeMillis: expiresAt.storeMillis))
        }
    }

    /// The token with this digest and its account, whatever their state, or `nil` for an unknown digest.
    public func apiToken(digest: String) throws -> (token: APIToken, account: Account)? {
        try read("look up an API token") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT t.id AS token_id, t.label AS token_label, t.created_at AS token_created_at,
                        t.expires_at AS token_expires_at, t.revoked_at AS token_revoked_at, a.*
                    FROM api_tokens t JOIN accounts a ON a.username = t.username WHERE t.digest = ?
                    """,
                arguments: [digest]
            ).map { row in
                let account = try Self.account(row)
                let table = "api_tokens"
                let token = APIToken(
                    id: try row.decode(Int64.self, "token_id", in: table), username: account.username,
                    label: try row.decode(String.self, "token_label", in: table),
                    createdAt: try row.decodeTime("token_created_at", in: table),
                    expiresAt: try row.decodeTime("token_expires_at", in: table),
                    revokedAt: try row.decodeTimeIfPresent("token_revoked_at", in: table))
                return (token, account)
            }
        }
    }

    /// The account an API token digest belongs to, or `nil` for an unknown digest; the token's
    /// expiry and revocation are not looked at (see ``apiToken(digest:)``).
    public func account(tokenDigest digest: String) throws -> Account? {
        try apiToken(digest: digest)?.account
    }

    /// The tokens of `username` (every account's when `nil`), oldest first.
    public func apiTokens(username: String? = nil) throws -> [APIToken] {
        try read("read the API tokens") { db in
            let filter = username == nil ? "" : "WHERE username = ?"
            return try Row.fetchAll(
                db, sql: "SELECT * FROM api_tokens \(filter) ORDER BY id",
                arguments: username.map { [$0] } ?? []
            ).map { row in
                let table = "api_tokens"
                return APIToken(
                    id: try row.decode(Int64.self, "id", in: table),
                    username: try row.decode(String.self, "username", in: table),
                    label: try row.decode(String.self, "label", in: table),
                    createdAt: try row.decodeTime("created_at", in: table),
                    expiresAt: try row.decodeTime("expires_at", in: table),
                    revokedAt: try row.decodeTimeIfPresent("revoked_at", in: table))
            }
        }
    }

    /// Revokes a token at once; it is kept, marked revoked, so listings show what it was.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when no token has this id
    ///   or it is revoked already; nothing is written then.
    public func revokeAPIToken(id: Int64, by actor: Actor, at time: Date = Date()) throws {
        try write("revoke the API token #\(id)") { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT username, label, revoked_at FROM api_tokens WHERE id = ?", arguments: [id])
            else {
                throw StoreError.invalidArgument(
                    path: path, operation: "revoke the API token #\(id)", reason: "there is no token #\(id)")
            }
            if try row.decodeTimeIfPresent("revoked_at", in: "api_tokens") != nil {
                throw StoreError.invalidArgument(
                    path: path, operation: "revoke the API token #\(id)", reason: "it is revoked already")
            }
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", arguments: [time.storeMillis, id])
            let label = try row.decode(String.self, "label", in: "api_tokens")
            let username = try row.decode(String.self, "username", in: "api_tokens")
            try appendAudit(
                db, actor: actor, action: "token.revoke", subject: username,
                detail: "API token #\(id) \(label) revoked", at: time)
        }
    }
}
