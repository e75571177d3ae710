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
        try fixture.store.addAPIToken(digest: "abc123", username: "ops", label: "prometheus", by: .init("admin"))
        #expect(try fixture.store.account(tokenDigest: "abc123")?.username == "ops")
        #expect(try fixture.store.account(tokenDigest: "abc124") == nil)
    }
}
