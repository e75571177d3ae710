import Foundation
import JifangConfig
import JifangServer
import Testing

struct PasswordHasherTests {
    @Test func hashesAreSaltedAndVerify() throws {
        let hasher = PasswordHasher(rounds: 210_000)
        let first = try hasher.hash("Jifang#2025pass")
        let second = try hasher.hash("Jifang#2025pass")
        #expect(first != second, "each hash has its own salt")
        #expect(first.hasPrefix("pbkdf2-sha256$210000$"))
        #expect(hasher.verify("Jifang#2025pass", against: first))
        #expect(!hasher.verify("Jifang#2025pasS", against: first))
        #expect(!hasher.verify("Jifang#2025pass", against: "pbkdf2-sha256$1$AA==$AA=="), "too few rounds is refused")
    }

    @Test func art118RulesNameWhatIsMissing() {
        let rules = PasswordRules(policy: AccountPolicy())
        #expect(rules.problems("Abcdef1!x").isEmpty)
        #expect(rules.problems("Abcde1!x") == [.tooShort(minimum: 9)], "8 characters is not more than 8")
        #expect(rules.problems("abcdefgh1!") == [.noUppercase])
        #expect(rules.problems("ABCDEFGH1!") == [.noLowercase])
        #expect(rules.problems("Abcdefghi!") == [.noDigit])
        #expect(rules.problems("Abcdefghi1") == [.noSymbol])
        #expect(rules.problems("Zhang.San#2025", username: "zhang.san") == [.containsUsername])
    }

    @Test func theAccountsPolicyRefusesShortPasswordLengths() throws {
        let policy = try AccountPolicy.parse(yaml: "passwordExpiryDays: 60\nloginAttempts: 4\n")
        #expect(policy.passwordExpiryDays == 60 && policy.loginAttempts == 4 && policy.minimumPasswordLength == 9)
        #expect(throws: ConfigErrors.self) { try AccountPolicy.parse(yaml: "minimumPasswordLength: 8\n") }
        let shipped = try AccountPolicy.load(path: PackagePathsForPolicies.accounts)
        #expect(shipped.minimumPasswordLength >= 9)
    }
}

enum PackagePathsForPolicies {
    static var accounts: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Policies/accounts.yaml").path
    }
}
