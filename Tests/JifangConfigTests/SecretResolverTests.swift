import Foundation
import JifangConfig
import JifangModel
import JifangTesting
import Testing

@Suite struct SecretResolverTests {
    let secret = "s3cr3t-Passw0rd"

    @Test func readsEnvironmentVariable() throws {
        let resolver = SecretResolver(environment: ["JIFANG_AUTH": secret])
        #expect(try resolver.resolve(.environment("JIFANG_AUTH")) == secret)
    }

    @Test func readsFileAndTrimsTrailingNewline() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("auth.key").path
        try (secret + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SecretResolver(environment: [:]).resolve(.file(path)) == secret)
    }

    @Test func resolvesBothV3Keys() throws {
        let resolver = SecretResolver(environment: ["A": "auth-key", "P": "priv-key"])
        let credentials = SNMPCredentials.v3(
            user: "u", auth: .init(protocol: .sha, secret: .environment("A")),
            priv: .init(protocol: .aes, secret: .environment("P")))
        let keys = try resolver.resolveKeys(of: credentials)
        #expect(keys.auth == "auth-key" && keys.priv == "priv-key")
    }

    @Test func resolvesACommunityInlineOrByReference() throws {
        let resolver = SecretResolver(environment: ["ZQ7_COMMUNITY": secret])
        #expect(try resolver.resolve(SNMPCommunity.inline("public")) == "public")
        #expect(try resolver.resolve(SNMPCommunity.reference(.environment("ZQ7_COMMUNITY"))) == secret)
        #expect(throws: SecretError.environmentVariableNotSet("MISSING")) {
            try resolver.resolve(SNMPCommunity.reference(.environment("MISSING")))
        }
    }

    @Test func errorsNameTheSourceButNeverTheSecret() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = directory.appending("empty.key").path
        try "\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let resolver = SecretResolver(environment: ["EMPTY": "", "OTHER": secret])
        let cases: [(SecretReference, String)] = [
            (.environment("MISSING_VAR"), "the environment variable MISSING_VAR is not set"),
            (.environment("EMPTY"), "the environment variable EMPTY is empty"),
            (.file(directory.appending("nope.key").path), "cannot be read: no such file"),
            (.file(directory.path), "cannot be read: it is a directory"),
            (.file(empty), "the secret file \(empty) is empty"),
        ]
        for (reference, expected) in cases {
            do {
                _ = try resolver.resolve(reference)
                Issue.record("expected \(reference) to fail")
            } catch {
                #expect(error.description.contains(expected), "\(error)")
                #expect(!error.description.contains(secret))
            }
        }
    }
}
