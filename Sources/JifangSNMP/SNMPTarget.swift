import JifangModel

/// Which SNMP version a target speaks, with its resolved credentials.
///
/// Secrets are already read here; `description` never prints them.
public enum SNMPVersion: Sendable, Hashable, CustomStringConvertible {
    case v1(community: String)
    case v2c(community: String)
    case v3(SNMPv3Security)

    public var description: String {
        switch self {
        case .v1: "v1"
        case .v2c: "v2c"
        case .v3(let security): "v3 \(security)"
        }
    }

    /// Whether GETBULK exists in this version (v2c and v3).
    public var supportsBulk: Bool {
        if case .v1 = self { return false }
        return true
    }
}

/// SNMPv3 user-based security: the user, its protocols and passphrases.
///
/// The security level follows from what is given: no auth protocol is noAuthNoPriv, an auth
/// protocol alone is authNoPriv, both are authPriv. `description` never contains a passphrase.
public struct SNMPv3Security: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var authProtocol: SNMPAuthProtocol?
    public var authPassphrase: String?
    public var privProtocol: SNMPPrivProtocol?
    public var privPassphrase: String?
    public var contextName: String

    public init(
        user: String, authProtocol: SNMPAuthProtocol? = nil, authPassphrase: String? = nil,
        privProtocol: SNMPPrivProtocol? = nil, privPassphrase: String? = nil, contextName: String = ""
    ) {
        self.user = user
        self.authProtocol = authProtocol
        self.authPassphrase = authPassphrase
        self.privProtocol = privProtocol
        self.privPassphrase = privPassphrase
        self.contextName = contextName
    }

    /// `noAuthNoPriv`, `authNoPriv` or `authPriv`.
    public var securityLevel: String {
        switch (authProtocol, privProtocol) {
        case (nil, _): "noAuthNoPriv"
        case (_, nil): "authNoPriv"
        default: "authPriv"
        }
    }

    public var description: String {
        var text = "user \(user) \(securityLevel)"
        if let auth = authProtocol { text += " \(auth.rawValue)" }
        if let priv = privProtocol { text += "/\(priv.rawValue)" }
        return text
    }
}

/// Where and how to reach one agent.
public struct SNMPTarget: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4/IPv6 address or a host name (names are resolved when the session opens).
    public var host: String
    public var port: Int
    public var version: SNMPVersion
    /// How long to wait for each attempt.
    public var timeout: Duration
    /// Retransmissions after the first attempt.
    public var retries: Int

    public init(host: String, port: Int = 161, version: SNMPVersion, timeout: Duration = .seconds(2), retries: Int = 1)
    {
        self.host = host
        self.port = port
        self.version = version
        self.timeout = timeout
        self.retries = retries
    }

    /// net-snmp's peer name: `udp:host:port`, with IPv6 addresses in brackets.
    var peerName: String {
        host.contains(":") ? "udp6:[\(host)]:\(port)" : "udp:\(host):\(port)"
    }

    var timeoutSeconds: Double {
        let parts = timeout.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    var timeoutMicroseconds: Int {
        max(1, Int(timeoutSeconds * 1_000_000))
    }

    /// `udp:127.0.0.1:1161 (v2c)`; never contains a community or passphrase.
    public var description: String {
        let version: String =
            switch self.version {
            case .v1: "v1"
            case .v2c: "v2c"
            case .v3(let security): "v3 user \(security.user)"
            }
        return "\(peerName) (\(version))"
    }
}

/// PDU counts on one session.
public struct SNMPStatistics: Sendable, Hashable {
    /// Request PDUs handed to the network (retransmissions not counted).
    public var requests: Int
    /// Response PDUs received.
    public var responses: Int
    /// Requests that got no answer after every retry.
    public var timeouts: Int

    public init(requests: Int = 0, responses: Int = 0, timeouts: Int = 0) {
        self.requests = requests
        self.responses = responses
        self.timeouts = timeouts
    }

    public static func + (lhs: SNMPStatistics, rhs: SNMPStatistics) -> SNMPStatistics {
        SNMPStatistics(
            requests: lhs.requests + rhs.requests, responses: lhs.responses + rhs.responses,
            timeouts: lhs.timeouts + rhs.timeouts)
    }
}
