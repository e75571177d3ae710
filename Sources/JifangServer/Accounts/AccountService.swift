import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// Creating accounts, changing passwords and checking sign-ins, with Art. 118's rules and the audit
/// trail; shared by the web UI and `jifang users`.
public struct AccountService: Sendable {
    public let store: Store
    public let policy: AccountPolicy
    public let hasher: PasswordHasher

    public init(store: Store, policy: AccountPolicy, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.policy = policy
        self.hasher = hasher
    }

    /// Checks every field, then stores the account; on any problem nothing is stored.
    ///
    /// - Throws: ``AccountFormErrors`` naming each bad field, or a `StoreError`.
    @discardableResult
    public func create(
        username: String, displayName: String, role: AccountRole, language: UILanguage = .english, password: String,
        staffID: String? = nil, by actor: Store.Actor, at now: Date = Date()
    ) throws -> Account {
        var errors = AccountFormErrors()
        if !Self.isValidUsername(username) {
            errors.add("username", .english("use 2–32 lower-case letters, digits, '.', '-' or '_'"))
        } else if try store.account(named: username) != nil {
            errors.add("username", .english("the username \(username) is taken"))
        }
        if displayName.trimmingCharacters(in: .whitespaces).isEmpty || displayName.count > 64 {
            errors.add("displayName", .english("give the person's name (1–64 characters)"))
        }
        let problems = PasswordRules(policy: policy).problems(password, username: username)
        if !problems.isEmpty { errors.add("password", .password(problems)) }
        if let staffID, try !isStaffID(staffID) {
            errors.add("staffID", .english("no staff member has the id \(staffID)"))
        }
        if !errors.isEmpty { throw errors }
        let account = Account(
            username: username, displayName: displayName.trimmingCharacters(in: .whitespaces), role: role,
            language: language, passwordHash: try hasher.hash(password), passwordChangedAt: now, createdAt: now,
            staffID: staffID)
        try store.createAccount(account, by: actor, at: now)
        return account
    }

    /// Sets a new password after checking Art. 118's rules; `current`, when given, must match first.
    public func changePassword(
        username: String, current: String?, new password: String, by actor: Store.Actor, at now: Date = Date()
    ) throws {
        guard let account = try store.account(named: username) else {
            throw AccountFormErrors(["username": .english("there is no account \(username)")])
        }
        var errors = AccountFormErrors()
        if let current, !hasher.verify(current, against: account.passwordHash) {
            errors.add("current", .english("the current password is not right"))
        }
        let problems = PasswordRules(policy: policy).problems(password, username: username)
        if !problems.isEmpty { errors.add("password", .password(problems)) }
        if let current, current == password { errors.add("password", .english("choose a password you have not used")) }
        if !errors.isEmpty { throw errors }
        try store.setPassword(username: username, hash: try hasher.hash(password), by: actor, at: now)
    }

    /// The enabled account whose password matches, or `nil`.
    public func authenticate(username: String, password: String) throws -> Account? {
        guard let account = try store.account(named: username), !account.disabled else {
            // Spend the same time as a real check so response times do not reveal which usernames exist.
            _ = hasher.verify(password, against: Self.decoyHash)
            return nil
        }
        return hasher.verify(password, against: account.passwordHash) ? account : nil
    }

    /// Whether the account's password is older than the policy allows.
    public func passwordExpired(_ account: Account, now: Date = Date()) -> Bool {
        now.timeIntervalSince(account.passwordChangedAt) > Double(policy.passwordExpiryDays) * 86_400
    }

    /// Whether a staff member has exactly this id (a name does not count).
    func isStaffID(_ id: String) throws -> Bool {
        try store.staff().contains { $0.id == id }
    }

    static func isValidUsername(_ name: String) -> Bool {
        (2...32).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
            }
    }

    private static let decoyHash =
        "pbkdf2-sha256$310000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
}

/// The fields of an account form that were refused, with why; nothing was stored.
public struct AccountFormErrors: Error, Sendable, CustomStringConvertible {
    /// A reason, in a form that can be shown in either language.
    public enum Reason: Sendable {
        case english(String)
        case password([PasswordProblem])
    }

    public private(set) var fields: [String: Reason] = [:]

    public init(_ fields: [String: Reason] = [:]) { self.fields = fields }

    mutating func add(_ field: String, _ reason: Reason) { fields[field] = reason }
    var isEmpty: Bool { fields.isEmpty }

    /// The reason for one field in the reader's language.
    func message(_ field: String, _ language: Localizer.Language) -> String? {
        switch fields[field] {
        case nil: return nil
        case .english(let text): return language == .chinese ? Localizer.chineseReason(text) : text
        case .password(let problems): return problems.map { $0.message(language) }.joined(separator: "; ")
        }
    }

    public var description: String {
        fields.keys.sorted().map { "\($0): \(message($0, .english) ?? "")" }.joined(separator: "\n")
    }
}
