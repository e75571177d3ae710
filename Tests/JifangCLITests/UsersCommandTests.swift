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
