import Foundation
import JifangModel
import JifangStore
import Testing

/// Accounts, API token digests and the audit trail, written together in one transaction.
struct AccountsTests {
    static func account(_ name: String, role: AccountRole = .technician) -> Account {
        Account(
            username: name, displayName: "王芳", role: role, language: .chinese, passwordHash: "pbkdf2-sha256$x",
            passwordChangedAt: StoreFixture.epoch, createdAt: StoreFixture.epoch)
    }

    @Test func accountsRoundTripAndEveryChangeIsAudited() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let admin = Store.Actor("admin", origin: "127.0.0.1")
        try fixture.store.createAccount(Self.account("wang.fang"), by: admin, at: StoreFixture.epoch)
        #expect(try fixture.store.account(named: "wang.fang") == Self.account("wang.fang"))
        try fixture.store.setRole(username: "wang.fang", role: .auditor, by: admin)
        try fixture.store.setDisabled(username: "wang.fang", true, by: admin)
        let stored = try #require(try fixture.store.account(named: "wang.fang"))
        #expect(stored.role == .auditor && stored.disabled)
        let actions = try fixture.store.auditTrail().map(\.action)
        #expect(actions == ["account.disable", "account.role", "account.create"])
        #expect(try fixture.store.auditTrail().allSatisfy { $0.actor == "admin" && $0.origin == "127.0.0.1" })
    }

    @Test func aTakenUsernameIsRefusedAndNothingIsWritten() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.createAccount(Self.account("li"), by: .init("admin"))
        #expect(throws: StoreError.self) {
            try fixture.store.createAccount(Self.account("li", role: .administrator), by: .init("admin"))
        }
        #expect(try fixture.store.account(named: "li")?.role == .technician)
        #expect(try fixture.store.auditTrail().count == 1)
        #expect(throws: StoreError.self) {
            try fixture.store.setLanguage(username: "nobody", language: .english, by: .init("a"))
        }
    }

    @Test func tokensAreFoundByDigestOnly() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.createAccount(Self.account("ops"), by: .init("admin"))
        try fixture.store.addAPIToken(
            digest: "abc123", username: "ops", label: "prometheus", expiresAt: StoreFixture.epoch + 86_400,
            by: .init("admin"))
        #expect(try fixture.store.account(tokenDigest: "abc123")?.username == "ops")
        #expect(try fixture.store.account(tokenDigest: "abc124") == nil)
    }

    @Test func aTokenKeepsItsExpiryAndIsRevokedByIdOnce() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.createAccount(Self.account("ops"), by: .init("admin"))
        let expiry = StoreFixture.epoch + 30 * 86_400
        let made = try fixture.store.addAPIToken(
            digest: "d1", username: "ops", label: "prometheus", expiresAt: expiry, by: .init("admin"),
            at: StoreFixture.epoch)
        try fixture.store.addAPIToken(digest: "d2", username: "ops", label: "backup", expiresAt: expiry, by: .init("a"))
        #expect(try fixture.store.apiToken(digest: "d1")?.token == made)
        #expect(made.expiresAt == expiry && made.revokedAt == nil)
        try fixture.store.revokeAPIToken(id: made.id, by: .init("admin", origin: "terminal"))
        let listed = try fixture.store.apiTokens(username: "ops")
        #expect(listed.map(\.label) == ["prometheus", "backup"])
        #expect(listed[0].revokedAt != nil && listed[1].revokedAt == nil)
        #expect(throws: StoreError.self) { try fixture.store.revokeAPIToken(id: made.id, by: .init("admin")) }
        #expect(throws: StoreError.self) { try fixture.store.revokeAPIToken(id: 999, by: .init("admin")) }
        let actions = try fixture.store.auditTrail().map(\.action)
        #expect(actions.filter { $0 == "token.revoke" }.count == 1)
    }

    @Test func anAccountIsLinkedOnlyToAStaffIdNeverToAName() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.saveStaffMember(StaffMember(id: "wang.fang", name: "王芳", roles: [.technician]))
        try fixture.store.createAccount(Self.account("impostor"), by: .init("admin"))
        #expect(
            try fixture.store.account(named: "impostor")?.staffID == nil, "a display name equal to 王芳 links nothing")
        #expect(throws: StoreError.self) {
            try fixture.store.linkStaff(username: "impostor", staffID: "王芳", by: .init("admin"))
        }
        try fixture.store.linkStaff(username: "impostor", staffID: "wang.fang", by: .init("admin"))
        #expect(try fixture.store.account(named: "impostor")?.staffID == "wang.fang")
        try fixture.store.linkStaff(username: "impostor", staffID: nil, by: .init("admin"))
        #expect(try fixture.store.account(named: "impostor")?.staffID == nil)
        #expect(try fixture.store.auditTrail().prefix(2).map(\.action) == ["account.unlink", "account.link"])
    }

    /// A store as version 7 left it: accounts without staff links, tokens without ids or expiry.
    @Test func theMigrationLinksUsernamesEqualToStaffIdsOnlyAndGivesOldTokensAnExpiry() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.close()
        try sqlite(
            fixture.path,
            """
            DROP INDEX accounts_staff_id; ALTER TABLE accounts DROP COLUMN staff_id;
            DROP TABLE api_tokens;
            CREATE TABLE api_tokens (digest TEXT PRIMARY KEY NOT NULL, username TEXT NOT NULL
                REFERENCES accounts(username) ON UPDATE CASCADE ON DELETE CASCADE, label TEXT NOT NULL,
                created_at INTEGER NOT NULL);
            DELETE FROM grdb_migrations WHERE identifier = 'v8-account-lifecycle';
            INSERT INTO staff (id, name, roles) VALUES ('li.si', '李四', 'technician'), ('wang.fang', '王芳', 'technician');
            INSERT INTO accounts (username, display_name, role, language, password_hash, password_changed_at, created_at)
                VALUES ('li.si', 'Li', 'technician', 'zh', 'x', 0, 0), ('fake', '王芳', 'technician', 'zh', 'x', 0, 0);
            INSERT INTO api_tokens VALUES ('old-digest', 'fake', 'old', 0);
            """)
        let before = Date()
        let store = try Store(path: fixture.path)
        #expect(try store.account(named: "li.si")?.staffID == "li.si")
        #expect(try store.account(named: "fake")?.staffID == nil, "a display name equal to a colleague's is not linked")
        let old = try #require(try store.apiToken(digest: "old-digest")?.token)
        #expect(old.expiresAt > before.addingTimeInterval(89 * 86_400))
        #expect(old.expiresAt < Date().addingTimeInterval(91 * 86_400))
        #expect(old.id > 0)
    }
}
