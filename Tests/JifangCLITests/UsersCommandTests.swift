import Foundation
import JifangTesting
import Testing

/// `jifang users` run as a built binary against a temporary store.
@Suite(.serialized)
struct UsersCommandTests {
    func runner(password: String) -> CommandRunner {
        CommandRunner(
            executable: PackagePaths.executable("jifang"), environment: ["JIFANG_PASSWORD": password],
            workingDirectory: PackagePaths.root)
    }

    @Test func aWeakPasswordIsRefusedAndNothingIsStored() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-users")
        defer { directory.remove() }
        let database = directory.appending("jifang.sqlite").path
        let refused = try runner(password: "weakpass").run([
            "users", "add", "zhang.wei", "--role", "administrator", "--database", database,
        ])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("must contain a digit"), "\(refused)")
        let empty = try runner(password: "").run(["users", "list", "--database", database, "--format", "json"])
        #expect(empty.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || empty.stdout.contains("[]"))

        let created = try runner(password: "Jifang#Room-2025").run([
            "users", "add", "zhang.wei", "--role", "administrator", "--name", "张伟", "--database", database,
        ])
        #expect(created.status == 0, "\(created)")
        let listed = try runner(password: "").run(["users", "list", "--database", database, "--format", "json"])
        #expect(listed.stdout.contains("\"username\" : \"zhang.wei\"") && listed.stdout.contains("张伟"), "\(listed)")
        #expect(listed.stdout.contains("\"role\" : \"administrator\""))

        let token = try runner(password: "").run(["users", "token", "zhang.wei", "--database", database])
        #expect(token.status == 0 && token.stdout.hasPrefix("jf_"), "\(token)")
    }
}

/// The account lifecycle from the terminal: disable, enable, role, link, unlink, tokens, revoke.
@Suite(.serialized)
struct UsersLifecycleCommandTests {
    static let password = "Jifang#Room-2025"

    /// A store with one technician account and a registered staff member `li.si`.
    static func store() throws -> (TemporaryDirectory, String, CommandRunner) {
        let directory = try TemporaryDirectory(prefix: "jifang-users")
        let database = directory.appending("jifang.sqlite").path
        let runner = CommandRunner(
            executable: PackagePaths.executable("jifang"), environment: ["JIFANG_PASSWORD": password],
            workingDirectory: PackagePaths.root)
        let added = try runner.run(["users", "add", "wang", "--role", "technician", "--database", database])
        #expect(added.status == 0, "\(added)")
        let staff = try runner.run(["staff", "add", "li.si", "李四", "--role", "technician", "--database", database])
        #expect(staff.status == 0, "\(staff)")
        return (directory, database, runner)
    }

    static func account(_ runner: CommandRunner, _ database: String) throws -> [String: String] {
        let listed = try runner.run(["users", "list", "--database", database, "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: String]]
        return rows?.first { $0["username"] == "wang" } ?? [:]
    }

    @Test func disableEnableAndRoleChangeTheStoredAccount() throws {
        let (directory, database, runner) = try Self.store()
        defer { directory.remove() }
        #expect(try runner.run(["users", "disable", "wang", "--database", database]).status == 0)
        #expect(try Self.account(runner, database)["disabled"] == "true")
        let again = try runner.run(["users", "disable", "wang", "--database", database])
        #expect(again.status != 0 && again.stderr.contains("disabled already"), "\(again)")
        #expect(try runner.run(["users", "enable", "wang", "--database", database]).status == 0)
        #expect(try Self.account(runner, database)["disabled"] == "false")

        let role = try runner.run(["users", "role", "wang", "auditor", "--database", database])
        #expect(role.status == 0 && role.stdout.contains("now auditor"), "\(role)")
        #expect(try Self.account(runner, database)["role"] == "auditor")
        let bad = try runner.run(["users", "role", "wang", "root", "--database", database])
        #expect(bad.status != 0 && bad.stderr.contains("not a role"), "\(bad)")
        let nobody = try runner.run(["users", "disable", "nobody", "--database", database])
        #expect(nobody.status != 0 && nobody.stderr.contains("there is no account nobody"), "\(nobody)")
    }

    @Test func linkTakesAStaffIdOnlyAndUnlinkRemovesIt() throws {
        let (directory, database, runner) = try Self.store()
        defer { directory.remove() }
        let byName = try runner.run(["users", "link", "wang", "李四", "--database", database])
        #expect(byName.status != 0 && byName.stderr.contains("no staff member has the id 李四"), "\(byName)")
        #expect(try runner.run(["users", "link", "wang", "li.si", "--database", database]).status == 0)
        #expect(try Self.account(runner, database)["staff"] == "li.si")
        #expect(try runner.run(["users", "unlink", "wang", "--database", database]).status == 0)
        #expect(try Self.account(runner, database)["staff"] == "")
        let added = try runner.run([
            "users", "add", "li", "--role", "technician", "--staff", "li.si", "--database", database,
        ])
        #expect(added.status == 0 && added.stdout.contains("acting as staff member li.si"), "\(added)")
    }

    @Test func tokensAreListedWithTheirExpiryAndRevokedById() throws {
        let (directory, database, runner) = try Self.store()
        defer { directory.remove() }
        let made = try runner.run([
            "users", "token", "wang", "--label", "prometheus", "--expires-days", "7", "--database", database,
        ])
        #expect(made.status == 0 && made.stdout.hasPrefix("jf_"), "\(made)")
        #expect(try runner.run(["users", "token", "wang", "--database", database]).status == 0)
        let tooLong = try runner.run(["users", "token", "wang", "--expires-days", "99999", "--database", database])
        #expect(tooLong.status != 0 && tooLong.stderr.contains("out of range"), "\(tooLong)")

        let listed = try runner.run(["users", "tokens", "wang", "--format", "json", "--database", database])
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(tokens.count == 2, "\(listed)")
        #expect(tokens.map { $0["label"] as? String } == ["prometheus", "api"])
        #expect(tokens.allSatisfy { $0["state"] as? String == "active" })
        let week = try #require(tokens.first?["expiresAt"] as? String)
        let expiry = try #require(ISO8601DateFormatter().date(from: week))
        #expect(abs(expiry.timeIntervalSinceNow - 7 * 86_400) < 600, "--expires-days 7")
        let defaultExpiry = try #require(ISO8601DateFormatter().date(from: tokens[1]["expiresAt"] as? String ?? ""))
        #expect(abs(defaultExpiry.timeIntervalSinceNow - 90 * 86_400) < 600, "tokenExpiryDays of accounts.yaml")
        #expect(!listed.stdout.contains("jf_"), "the secret is never listed")

        let id = try #require(tokens.first?["id"] as? Int)
        #expect(try runner.run(["users", "revoke", String(id), "--database", database]).status == 0)
        let twice = try runner.run(["users", "revoke", String(id), "--database", database])
        #expect(twice.status != 0 && twice.stderr.contains("revoked already"), "\(twice)")
        let text = try runner.run(["users", "tokens", "wang", "--database", database])
        #expect(text.stdout.contains("revoked") && text.stdout.contains("active"), "\(text)")
    }
}
