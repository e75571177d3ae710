import Foundation
import JifangModel
import JifangStore

// API tokens: made with an expiry, refused once expired or revoked, or when their account is
// disabled or its password has expired (a token must not outlive the password rules).

extension AccountService {
    /// Why a presented token was refused, in words an API client can act on.
    public enum TokenRefusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unknown
        case revoked(id: Int64)
        case expired(id: Int64, at: Date)
        case accountDisabled(username: String)
        case passwordExpired(username: String)

        public var description: String {
            switch self {
            case .unknown: "the API token is not known"
            case .revoked(let id): "the API token #\(id) was revoked"
            case .expired(let id, let time):
                "the API token #\(id) expired at \(ISO8601DateFormatter().string(from: time)); make a new one with `jifang users token`"
            case .accountDisabled(let username): "the account \(username) is disabled"
            case .passwordExpired(let username):
                "the password of \(username) has expired; its tokens work again once it is changed"
            }
        }
    }

    /// Creates an API token for the account and returns it; only its digest is stored.
    ///
    /// - Parameter days: how long it works; `nil` takes the policy's `tokenExpiryDays`.
    /// - Throws: ``AccountFormErrors`` for a lifetime outside 1–3650 days, or a `StoreError`.
    public func issueToken(
        username: String, label: String, expiresInDays days: Int? = nil, by actor: Store.Actor, at now: Date = Date()
    ) throws -> (token: String, record: APIToken) {
        let days = days ?? policy.tokenExpiryDays
        guard (1...3650).contains(days) else {
            throw AccountFormErrors(["expiresDays": .english("\(days) days is out of range (use 1–3650)")])
        }
        let token = "jf_" + RandomToken.make()
        let record = try store.addAPIToken(
            digest: RandomToken.digest(token), username: username, label: label,
            expiresAt: now.addingTimeInterval(Double(days) * 86_400), by: actor, at: now)
        return (token, record)
    }

    /// Creates an API token for the account with the policy's lifetime and returns it (see
    /// ``issueToken(username:label:expiresInDays:by:at:)``).
    public func createToken(username: String, label: String, by actor: Store.Actor) throws -> String {
        try issueToken(username: username, label: label, by: actor).token
    }

    /// The account a presented API token acts for, or why it may not.
    public func check(token: String, now: Date = Date()) throws -> Result<Account, TokenRefusal> {
        guard let (record, account) = try store.apiToken(digest: RandomToken.digest(token)) else {
            return .failure(.unknown)
        }
        if record.revokedAt != nil { return .failure(.revoked(id: record.id)) }
        if now >= record.expiresAt { return .failure(.expired(id: record.id, at: record.expiresAt)) }
        if account.disabled { return .failure(.accountDisabled(username: account.username)) }
        if passwordExpired(account, now: now) { return .failure(.passwordExpired(username: account.username)) }
        return .success(account)
    }

    /// The account an API token belongs to when the token may be used now, or `nil`.
    public func account(token: String) throws -> Account? {
        if case .success(let account) = try check(token: token) { return account }
        return nil
    }
}
