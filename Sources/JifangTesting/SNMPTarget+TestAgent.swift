import JifangSNMP

extension SNMPTarget {
    /// A target at a test agent on loopback (snmpd or snmpsim) that waits as long as a stalled CI
    /// host may need: 10 s, two retries.
    ///
    /// Such tests check what the agent answers, not how fast: it answers in milliseconds, but a
    /// 2-core host running the other suites can stand still for seconds. Tests of timeouts build
    /// their own targets.
    public static func testAgent(host: String, port: Int, version: SNMPVersion) -> SNMPTarget {
        SNMPTarget(host: host, port: port, version: version, timeout: .seconds(10), retries: 2)
    }
}
