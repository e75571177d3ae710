/// Why an SNMP operation failed, with the target it was talking to.
///
/// `target` is the target's description (`udp:127.0.0.1:1161 (v2c)`), never a secret.
public enum SNMPError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No response after every retry.
    case timeout(target: String, seconds: Double, retries: Int)
    /// The session could not be opened: bad address, unsupported v3 protocol, and so on.
    case sessionFailed(target: String, reason: String)
    /// SNMPv3 reported an unknown user, wrong digest or decryption error.
    case authenticationFailed(target: String, reason: String)
    /// The response carried a non-zero error-status (e.g. `noSuchName`, `notWritable`).
    case agentError(target: String, status: String, index: Int, oid: OID?)
    /// The reply could not be understood.
    case malformedResponse(target: String, reason: String)
    /// A walk received an OID that does not increase: the agent is looping.
    case nonIncreasingOID(target: String, previous: OID, next: OID)
    /// The agent answered OIDs the request did not ask for (see `ResponsePairing`); `asked` are the
    /// OIDs those answers stood in for, `answered` what came back.
    case unaskedOIDs(target: String, asked: [OID], answered: [OID])
    /// Sending or receiving failed at the socket level.
    case transport(target: String, reason: String)

    public var description: String {
        switch self {
        case .timeout(let target, let seconds, let retries):
            "\(target) did not answer within \(seconds.formatted) s after \(retries) \(retries == 1 ? "retry" : "retries"); "
                + "check the address, port, community or v3 user, and that the agent is running."
        case .sessionFailed(let target, let reason):
            "could not open an SNMP session to \(target): \(reason)."
        case .authenticationFailed(let target, let reason):
            "\(target) refused SNMPv3 authentication (\(reason)); check the user, protocols and passphrases."
        case .agentError(let target, let status, let index, let oid):
            "\(target) answered with error \(status) at varbind \(index)\(oid.map { " (\($0))" } ?? "")."
        case .malformedResponse(let target, let reason):
            "\(target) sent a reply Jifang cannot use: \(reason)."
        case .nonIncreasingOID(let target, let previous, let next):
            "\(target) returned \(next) after \(previous) during a walk (OIDs must increase); the walk was stopped."
        case .unaskedOIDs(let target, let asked, let answered):
            "\(target) answered OIDs it was not asked for (asked \(Self.list(asked)), answered \(Self.list(answered))); "
                + "the answer was refused."
        case .transport(let target, let reason):
            "network error talking to \(target): \(reason)."
        }
    }
}

extension SNMPError {
    /// The first three OIDs and how many more, so one bad answer cannot flood a log line.
    fileprivate static func list(_ oids: [OID]) -> String {
        let shown = oids.prefix(3).map(\.description).joined(separator: ", ")
        return oids.count > 3 ? "\(shown) and \(oids.count - 3) more" : shown
    }
}

extension Double {
    fileprivate var formatted: String {
        rounded() == self ? String(Int(self)) : String(self)
    }
}
