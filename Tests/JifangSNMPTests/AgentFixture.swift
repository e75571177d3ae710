import JifangSNMP
import JifangTesting
import Testing

/// Starts one snmpd for a whole suite and stops it when the suite ends.
struct RunningAgent: SuiteTrait, TestScoping {
    @TaskLocal static var current: SNMPDaemon?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let daemon = try await SNMPDaemon.start()
        defer { daemon.stop() }
        try await Self.$current.withValue(daemon) { try await function() }
    }
}

extension Trait where Self == RunningAgent {
    static var runningAgent: RunningAgent { RunningAgent() }
}

/// The agent of the running suite.
func agent() throws -> SNMPDaemon {
    try #require(RunningAgent.current, "the suite needs the .runningAgent trait")
}

/// A target at the suite's agent, patient as ``SNMPTarget/testAgent(host:port:version:)`` is.
func target(_ daemon: SNMPDaemon, version: SNMPVersion) -> SNMPTarget {
    .testAgent(host: daemon.host, port: daemon.port, version: version)
}

func v2c(_ daemon: SNMPDaemon, community: String = "public") -> SNMPTarget {
    target(daemon, version: .v2c(community: community))
}

enum MIB2 {
    static let system: OID = "1.3.6.1.2.1.1"
    static let sysDescr: OID = "1.3.6.1.2.1.1.1.0"
    static let sysObjectID: OID = "1.3.6.1.2.1.1.2.0"
    static let sysUpTime: OID = "1.3.6.1.2.1.1.3.0"
    static let sysContact: OID = "1.3.6.1.2.1.1.4.0"
    static let sysName: OID = "1.3.6.1.2.1.1.5.0"
    static let sysLocation: OID = "1.3.6.1.2.1.1.6.0"
    static let ifTable: OID = "1.3.6.1.2.1.2.2"
    static let ifIndex: OID = "1.3.6.1.2.1.2.2.1.1"
    static let ifDescr: OID = "1.3.6.1.2.1.2.2.1.2"
    static let ifType: OID = "1.3.6.1.2.1.2.2.1.3"
    static let ifOperStatus: OID = "1.3.6.1.2.1.2.2.1.8"
}
