import CNetSNMP
import JifangModel

#if canImport(Glibc)
    import Glibc
#endif

/// net-snmp library set-up and session opening. With ``PDU`` and ``SNMPEngine`` the only code
/// that handles net-snmp pointers.
enum NetSNMP {
    /// Runs `jf_netsnmp_init` exactly once per process (Swift initialises globals atomically).
    static let initialized: Bool = {
        jf_netsnmp_init("jifang")
        return true
    }()

    /// Opens a net-snmp single session; for SNMPv3 this probes the agent's engine ID and so
    /// blocks for up to timeout × (retries + 1). net-snmp 5.9 would otherwise probe inside the
    /// first send, on the engine thread, stalling every other session.
    static func open(_ target: SNMPTarget) -> Result<SessionHandle, SNMPError> {
        _ = initialized
        var session = netsnmp_session()
        snmp_sess_init(&session)
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
            let copy = strdup(text)!
            owned.append(copy)
            return copy
        }
        session.peername = cString(target.peerName)
        session.timeout = target.timeoutMicroseconds
        session.retries = Int32(clamping: target.retries)
        switch target.version {
        case .v1(let community), .v2c(let community):
            if case .v1 = target.version {
                session.version = Int(SNMP_VERSION_1)
            } else {
                session.version = Int(SNMP_VERSION_2c)
            }
            let bytes = cString(community)
            bytes.withMemoryRebound(to: UInt8.self, capacity: community.utf8.count) {
                session.community = $0
            }
            session.community_len = community.utf8.count
        case .v3(let security):
            let code = jf_session_set_v3(
                &session, cString(security.user), security.authProtocol?.netSNMPCode ?? 0,
                cString(security.authPassphrase ?? ""), security.privProtocol?.netSNMPCode ?? 0,
                cString(security.privPassphrase ?? ""), cString(security.contextName))
            if let reason = v3SetupFailure(code, security) {
                return .failure(.sessionFailed(target: target.description, reason: reason))
            }
        }
        guard let handle = snmp_sess_open(&session) else {
            return .failure(openFailure(session.s_snmp_errno, target))
        }
        let probe = jf_sess_probe_engine(handle)
        if probe != 0 {
            snmp_sess_close(handle)
            return .failure(openFailure(probe, target))
        }
        return .success(SessionHandle(pointer: handle))
    }

    static func close(_ handle: SessionHandle) {
        snmp_sess_close(handle.pointer)
    }

    /// net-snmp's message for one of its `SNMPERR_*` codes.
    static func apiError(_ code: Int32) -> String {
        snmp_api_errstring(code).map { String(cString: $0) } ?? "net-snmp error \(code)"
    }

    private static func openFailure(_ code: Int32, _ target: SNMPTarget) -> SNMPError {
        let reason = apiError(code)
        switch code {
        case SNMPERR_TIMEOUT:
            return .timeout(target: target.description, seconds: target.timeoutSeconds, retries: target.retries)
        case SNMPERR_UNKNOWN_USER_NAME, SNMPERR_AUTHENTICATION_FAILURE, SNMPERR_DECRYPTION_ERR,
            SNMPERR_UNSUPPORTED_SEC_LEVEL, SNMPERR_USM_UNKNOWNSECURITYNAME, SNMPERR_USM_AUTHENTICATIONFAILURE,
            SNMPERR_USM_DECRYPTIONERROR, SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL, SNMPERR_USM_UNKNOWNENGINEID:
            return .authenticationFailed(target: target.description, reason: reason)
        default:
            return .sessionFailed(target: target.description, reason: reason)
        }
    }

    private static func v3SetupFailure(_ code: Int32, _ security: SNMPv3Security) -> String? {
        switch code {
        case 0: nil
        case -1: "this net-snmp library does not support the auth protocol \(security.authProtocol?.rawValue ?? "")"
        case -2:
            security.authProtocol == nil
                ? "a privacy protocol needs an auth protocol as well"
                : "this net-snmp library does not support the privacy protocol \(security.privProtocol?.rawValue ?? "")"
        case -3: "the auth passphrase cannot be turned into a key (it must have at least 8 characters)"
        default: "the privacy passphrase cannot be turned into a key (it must have at least 8 characters)"
        }
    }
}

/// An open net-snmp single session (`void *` from `snmp_sess_open`). Only the engine thread
/// uses it after opening, which is what makes handing it across threads sound.
struct SessionHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

extension SNMPAuthProtocol {
    /// The code `jf_session_set_v3` expects.
    fileprivate var netSNMPCode: Int32 {
        switch self {
        case .md5: 1
        case .sha: 2
        case .sha224: 3
        case .sha256: 4
        case .sha384: 5
        case .sha512: 6
        }
    }
}

extension SNMPPrivProtocol {
    fileprivate var netSNMPCode: Int32 {
        switch self {
        case .des: 1
        case .aes: 2
        case .aes192: 3
        case .aes256: 4
        }
    }
}
