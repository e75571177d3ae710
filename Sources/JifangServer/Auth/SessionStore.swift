import Foundation
import JifangModel
import Synchronization

/// A signed-in browser: who, its CSRF token, and when it ends.
public struct Session: Sendable {
    public var id: String
    public var username: String
    /// Every form of this session carries this token; a POST without it is refused.
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// The account's `passwordChangedAt` when the session began (or when it changed its own
    /// password in it): once the stored value differs, the password was changed, by this server
    /// or by another process such as `jifang users passwd`, and the session is ended.
    public var passwordChangedAt: Date
}

/// Sessions of signed-in browsers, kept in memory: a restart signs everyone out, which is the safe
/// failure. Ends sessions idle past the policy's limit or older than its maximum.
public final class SessionStore: Sendable {
    private let sessions = Mutex<[String: Session]>([:])
    let idleLimit: TimeInterval
    let maximumAge: TimeInterval

    public init(idleMinutes: Int, maximumHours: Int) {
        idleLimit = Double(idleMinutes) * 60
        maximumAge = Double(maximumHours) * 3600
    }

    /// Starts a session for `account`, as it is stored now, with fresh random identifiers.
    public func create(for account: Account, now: Date = Date()) -> Session {
        let session = Session(
            id: RandomToken.make(), username: account.username, csrfToken: RandomToken.make(), createdAt: now,
            lastSeenAt: now, passwordChangedAt: account.passwordChangedAt)
        sessions.withLock { sessions in
            // Expired sessions go when new ones come, so the table cannot grow without bound.
            sessions = sessions.filter { !self.expired($0.value, now: now) }
            sessions[session.id] = session
        }
        return session
    }

    /// The live session with this id, marked as used now; `nil` if unknown or expired.
    public func session(id: String, now: Date = Date()) -> Session? {
        sessions.withLock { sessions in
            guard var session = sessions[id] else { return nil }
            if expired(session, now: now) {
                sessions[id] = nil
                return nil
            }
            session.lastSeenAt = now
            sessions[id] = session
            return session
        }
    }

    /// Records that the session's account now has the password set at `passwordChangedAt` (it was
    /// changed in this very session), so the session goes on while the account's others end.
    public func renew(id: String, passwordChangedAt: Date) {
        sessions.withLock { sessions in sessions[id]?.passwordChangedAt = passwordChangedAt }
    }

    public func end(id: String) {
        sessions.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// Ends every session of an account (after its password changes elsewhere or it is disabled).
    public func endAll(username: String, except keep: String? = nil) {
        sessions.withLock { sessions in sessions = sessions.filter { $0.value.username != username || $0.key == keep } }
    }

    private func expired(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) > idleLimit || now.timeIntervalSince(session.createdAt) > maximumAge
    }
}
