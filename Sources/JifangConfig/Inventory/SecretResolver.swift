import Foundation
import JifangModel

/// Why a secret could not be read. Names the variable or file, never the secret.
public enum SecretError: Error, Sendable, Hashable, CustomStringConvertible {
    case environmentVariableNotSet(String)
    case environmentVariableEmpty(String)
    case fileUnreadable(path: String, reason: String)
    case fileEmpty(String)

    public var description: String {
        switch self {
        case .environmentVariableNotSet(let name):
            "the environment variable \(name) is not set; export it before starting jifang"
        case .environmentVariableEmpty(let name):
            "the environment variable \(name) is empty; set it to the secret"
        case .fileUnreadable(let path, let reason):
            "the secret file \(path) cannot be read: \(reason)"
        case .fileEmpty(let path):
            "the secret file \(path) is empty; write the secret into it"
        }
    }
}

/// Reads the secret a ``SecretReference`` points to, when a credential is about to be used.
///
/// A file's trailing line break is removed (`echo secret > file` writes one). The environment is
/// captured at initialisation so tests can supply their own.
public struct SecretResolver: Sendable {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The secret's value.
    public func resolve(_ reference: SecretReference) throws(SecretError) -> String {
        switch reference {
        case .environment(let name):
            guard let value = environment[name] else { throw .environmentVariableNotSet(name) }
            guard !value.isEmpty else { throw .environmentVariableEmpty(name) }
            return value
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .fileUnreadable(path: path, reason: Self.reason(for: error, path: path))
            }
            guard var text = String(data: data, encoding: .utf8) else {
                throw .fileUnreadable(path: path, reason: "it is not UTF-8 text")
            }
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            guard !text.isEmpty else { throw .fileEmpty(path) }
            return text
        }
    }

    /// The community itself: an inline one as written, a reference read now.
    public func resolve(_ community: SNMPCommunity) throws(SecretError) -> String {
        switch community {
        case .inline(let value): value
        case .reference(let reference): try resolve(reference)
        }
    }

    /// Resolves both keys of v3 credentials at once; v1 and v2c need nothing.
    public func resolveKeys(of credentials: SNMPCredentials) throws(SecretError) -> (auth: String?, priv: String?) {
        guard case .v3(_, let auth, let priv) = credentials else { return (nil, nil) }
        return (
            try auth.map { k throws(SecretError) in try resolve(k.secret) },
            try priv.map { k throws(SecretError) in try resolve(k.secret) }
        )
    }

    private static func reason(for error: any Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return (error as NSError).localizedDescription
    }
}
