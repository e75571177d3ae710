import Crypto
import Foundation
import _CryptoExtras

/// Salted, slow password hashing with PBKDF2-HMAC-SHA256 (swift-crypto, BoringSSL underneath).
///
/// Hashes are self-describing strings, `pbkdf2-sha256$<rounds>$<salt>$<key>` with base64 salt and
/// key, so the round count can rise later without invalidating stored passwords.
public struct PasswordHasher: Sendable {
    /// Rounds for new hashes. 310,000 follows OWASP's advice for PBKDF2-HMAC-SHA256; swift-crypto
    /// refuses fewer than 210,000.
    public var rounds: Int

    public init(rounds: Int = 310_000) {
        self.rounds = max(rounds, 210_000)
    }

    /// A new hash of `password` with a fresh 16-byte random salt.
    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let key = try Self.derive(password, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` matches `hash`; a malformed hash matches nothing. Compares in constant time.
    public func verify(_ password: String, against hash: String) -> Bool {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds >= 210_000,
            let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
            let key = try? Self.derive(password, salt: Array(salt), rounds: rounds)
        else { return false }
        return ConstantTime.equal(Array(key), Array(expected))
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }
}

/// Comparisons whose time does not depend on where two secrets first differ.
enum ConstantTime {
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    static func equal(_ lhs: String, _ rhs: String) -> Bool { equal(Array(lhs.utf8), Array(rhs.utf8)) }
}

/// Random tokens for sessions, CSRF and API access: 32 bytes from the system's secure generator,
/// base64url without padding (safe in cookies, URLs and form fields).
enum RandomToken {
    static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of a token, hex; what the store keeps of API tokens.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
