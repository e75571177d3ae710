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

/// A v1/v2c community: written into the inventory, or read from where a ``SecretReference`` points
/// when the device is polled.
///
/// Not `Codable`, and its `description`, `debugDescription` and mirror never show an inline value,
/// so printing, logging or dumping a ``Device`` does not reveal the community.
public enum SNMPCommunity: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The community itself, as written in the inventory.
    case inline(String)
    /// An environment variable or file holding the community, read at poll time.
    case reference(SecretReference)

    /// A literal is an inline community (tests and examples write `.v2c(community: "public")`).
    public init(stringLiteral value: String) { self = .inline(value) }

    /// `env:NAME` or `file:PATH` for a reference; never the inline value.
    public var description: String {
        switch self {
        case .inline: "(inline community)"
        case .reference(let reference): reference.description
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
}

/// How to talk SNMP to one device: v1/v2c communities inline or by reference, v3 secrets by
/// reference only.
///
/// Not `Codable`: credentials are never stored or exported (``DeviceProfile`` is what is).
public enum SNMPCredentials: Sendable, Hashable {
    case v1(community: SNMPCommunity)
    case v2c(community: SNMPCommunity)
    /// SNMPv3 USM. The security level follows from which protocols are given:
    /// neither is noAuthNoPriv, `auth` alone is authNoPriv, both is authPriv.
    case v3(user: String, auth: V3Key?, priv: V3PrivKey?)

    public struct V3Key: Sendable, Hashable {
        public var `protocol`: SNMPAuthProtocol
        public var secret: SecretReference
        public init(protocol: SNMPAuthProtocol, secret: SecretReference) {
            self.protocol = `protocol`
            self.secret = secret
        }
    }

    public struct V3PrivKey: Sendable, Hashable {
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
