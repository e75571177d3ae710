/// Where a secret lives. Jifang stores references, never the secret itself.
///
/// `description` never reveals the secret, only where it is read from, so a reference can be
/// printed and logged safely.
public enum SecretReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The value of an environment variable.
    case environment(String)
    /// The contents of a file, with a trailing newline removed.
    case file(String)

    public var description: String {
        switch self {
        case .environment(let name): "env:\(name)"
        case .file(let path): "file:\(path)"
        }
    }
}

/// SNMPv3 authentication protocols Jifang accepts.
public enum SNMPAuthProtocol: String, Sendable, Codable, CaseIterable {
    case md5 = "MD5"
    case sha = "SHA"
    case sha224 = "SHA-224"
    case sha256 = "SHA-256"
    case sha384 = "SHA-384"
    case sha512 = "SHA-512"
}

/// SNMPv3 privacy (encryption) protocols Jifang accepts.
public enum SNMPPrivProtocol: String, Sendable, Codable, CaseIterable {
    case des = "DES"
    case aes = "AES"
    case aes192 = "AES-192"
    case aes256 = "AES-256"
}

/// How to talk SNMP to one device, with secrets kept as references.
public enum SNMPCredentials: Sendable, Hashable, Codable {
    case v1(community: String)
    case v2c(community: String)
    /// SNMPv3 USM. The security level follows from which protocols are given:
    /// neither is noAuthNoPriv, `auth` alone is authNoPriv, both is authPriv.
    case v3(user: String, auth: V3Key?, priv: V3PrivKey?)

    public struct V3Key: Sendable, Hashable, Codable {
        public var `protocol`: SNMPAuthProtocol
        public var secret: SecretReference
        public init(protocol: SNMPAuthProtocol, secret: SecretReference) {
            self.protocol = `protocol`
            self.secret = secret
        }
    }

    public struct V3PrivKey: Sendable, Hashable, Codable {
        public var `protocol`: SNMPPrivProtocol
        public var secret: SecretReference
        public init(protocol: SNMPPrivProtocol, secret: SecretReference) {
            self.protocol = `protocol`
            self.secret = secret
        }
    }

    /// `v1`, `v2c` or `v3`, as people write it.
    public var versionName: String {
        switch self {
        case .v1: "v1"
        case .v2c: "v2c"
        case .v3: "v3"
        }
    }
}
