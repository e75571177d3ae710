import Foundation

/// Why ``SNMPSimulator`` could not start or answer, with the tail of snmpsim's log where there is one.
public enum SNMPSimulatorError: Error, Sendable, CustomStringConvertible {
    /// A command-line tool is not on `PATH`.
    case toolNotFound(name: String, hint: String)
    /// A recording file or directory does not exist, or a directory holds no `.snmprec` files.
    case recordingNotFound(path: String)
    /// No recordings or no endpoints were given.
    case nothingToServe(reason: String)
    /// Another process is bound to an endpoint the simulator was asked to listen on.
    case endpointInUse(host: String, port: Int)
    /// snmpsim could not be launched at all.
    case launchFailed(reason: String)
    /// snmpsim exited before every endpoint answered.
    case exited(status: Int32, logTail: String)
    /// An endpoint did not answer an SNMP GET within the start-up timeout.
    case notAnswering(host: String, port: Int, community: String, seconds: Double, logTail: String)
    /// `snmpget` failed against a running simulator.
    case getFailed(host: String, port: Int, community: String, oid: String, output: String)
    /// `snmpset` was refused or did not echo the value (the line is not `writecache`).
    case setFailed(host: String, port: Int, community: String, oid: String, output: String)

    public var description: String {
        switch self {
        case .toolNotFound(let name, let hint):
            "\(name) is not on PATH; \(hint)."
        case .recordingNotFound(let path):
            "no SNMP recording at \(path); give .snmprec or .snmprec.bz2 files or a directory holding them."
        case .nothingToServe(let reason):
            "nothing to simulate: \(reason)."
        case .endpointInUse(let host, let port):
            "UDP \(host):\(port) is already in use by another process; pick another port or stop that process."
        case .launchFailed(let reason):
            "could not launch snmpsim-command-responder: \(reason)."
        case .exited(let status, let logTail):
            "snmpsim-command-responder exited with status \(status) during start-up. Log tail:\n\(logTail)"
        case .notAnswering(let host, let port, let community, let seconds, let logTail):
            "the simulated device \(host):\(port) (community \(community)) did not answer within "
                + "\(Int(seconds)) s. Log tail:\n\(logTail)"
        case .getFailed(let host, let port, let community, let oid, let output):
            "snmpget \(oid) from \(host):\(port) (community \(community)) failed: \(output)"
        case .setFailed(let host, let port, let community, let oid, let output):
            "snmpset \(oid) at \(host):\(port) (community \(community)) failed: \(output); "
                + "is its recording line of type `writecache`?"
        }
    }
}
