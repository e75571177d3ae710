import struct Foundation.Date

/// What a person may do in the web UI and API; one role per account.
///
/// The raw values are what people type (`jifang users add --role technician`) and what JSON shows.
public enum AccountRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Devices, bindings, backups, settings and accounts.
    case administrator
    /// Evaluations; read-only everywhere else.
    case auditor
    /// Duty log, assets and the lending desk.
    case technician

    public static func < (lhs: AccountRole, rhs: AccountRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The language an account reads the web UI in.
public enum UILanguage: String, Sendable, Codable, CaseIterable {
    case english = "en"
    case chinese = "zh"
}

/// A person who signs in to the web UI or calls the API.
///
/// `passwordHash` is a self-describing salted key-derivation string (for example
/// `pbkdf2-sha256$310000$<salt>$<key>`), never the password.
public struct Account: Sendable, Hashable, Codable, Identifiable {
    public var username: String
    public var displayName: String
    public var role: AccountRole
    public var language: UILanguage
    public var passwordHash: String
    /// When the password was last set; with the policy's expiry days it says when it must change.
    public var passwordChangedAt: Date
    public var createdAt: Date
    /// A disabled account can neither sign in nor use its API tokens.
    public var disabled: Bool
    /// The staff member (`jifang staff` id) this account acts as in the operations records, set
    /// only by an explicit link (`jifang users link`, the Accounts page); `nil` for an account
    /// that may read the records but not write them. A matching display name never links.
    public var staffID: String?

    public var id: String { username }

    public init(
        username: String, displayName: String, role: AccountRole, language: UILanguage = .english,
        passwordHash: String, passwordChangedAt: Date, createdAt: Date, disabled: Bool = false,
        staffID: String? = nil
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.language = language
        self.passwordHash = passwordHash
        self.passwordChangedAt = passwordChangedAt
        self.createdAt = createdAt
        self.disabled = disabled
        self.staffID = staffID
    }
}

/// An API token as listed: never the token itself, which is shown once when made and then only
/// its digest is kept.
public struct APIToken: Sendable, Hashable, Codable, Identifiable {
    /// The number that names the token in `jifang users tokens` and `jifang users revoke`.
    public var id: Int64
    public var username: String
    public var label: String
    public var createdAt: Date
    /// After this moment the token is refused.
    public var expiresAt: Date
    /// When it was revoked, if it was; a revoked token is refused.
    public var revokedAt: Date?

    public init(
        id: Int64, username: String, label: String, createdAt: Date, expiresAt: Date, revokedAt: Date? = nil
    ) {
        self.id = id
        self.username = username
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the token is accepted at `now` (neither revoked nor expired); the account's own
    /// state (disabled, password expired) is checked apart.
    public func isUsable(at now: Date = Date()) -> Bool { revokedAt == nil && now < expiresAt }
}

/// One change a person made through the web UI, the API or the CLI: who, when, what, to which record.
public struct AuditEntry: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var time: Date
    /// The account that made the change, or `cli:<user>` for a terminal command.
    public var actor: String
    /// A dotted verb such as `account.create`, `account.password`, `login.failed`.
    public var action: String
    /// The record changed, e.g. the username of an account.
    public var subject: String
    /// What changed, in words; never a password or token.
    public var detail: String
    /// Where the request came from (remote address), if known.
    public var origin: String?

    public init(
        id: Int64, time: Date, actor: String, action: String, subject: String, detail: String, origin: String? = nil
    ) {
        self.id = id
        self.time = time
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.origin = origin
    }
}
