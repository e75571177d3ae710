import Foundation
import JifangAgents
import JifangSNMP
import JifangTesting

/// Switches served by snmpsim from recordings the binding tests write, one community each.
///
/// Recording names are global in snmpsim's data folder, so each starts with `fwd-` and belongs to
/// these tests alone. Lines are given in any order and sorted by OID, as snmpsim requires.
struct SwitchFixture {
    let directory: TemporaryDirectory
    let simulator: SNMPSimulator

    /// Starts one simulator serving `recordings` (name → snmprec lines, sysUpTime added).
    static func start(_ recordings: [String: [String]]) async throws -> SwitchFixture {
        let directory = try TemporaryDirectory()
        var files: [URL] = []
        for (name, lines) in recordings.sorted(by: { $0.key < $1.key }) {
            let text = (lines + ["1.3.6.1.2.1.1.3.0|67|12345"]).sorted(by: OIDOrder.less).joined(separator: "\n")
            let file = directory.appending("\(name).snmprec")
            try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let host = "127.0.7.1"
        let simulator = try await SNMPSimulator.start(
            recordings: files, endpoints: [.init(host: host, port: LoopbackPort.freeUDP(host: host))])
        return SwitchFixture(directory: directory, simulator: simulator)
    }

    /// Reads the forwarding tables of recording `community`, named `device` (the community by default).
    func table(_ community: String, device: String? = nil) async throws -> ForwardingTable {
        let endpoint = simulator.endpoint
        let session = try await SNMPSession.open(
            .testAgent(host: endpoint.host, port: endpoint.port, version: .v2c(community: community)))
        do {
            let table = try await ForwardingTable.read(device: device ?? community, from: session)
            await session.close()
            return table
        } catch {
            await session.close()
            throw error
        }
    }

    /// Sets an INTEGER object of a `writecache` line, as a switch relearning a MAC would.
    func set(_ community: String, _ oid: String, to value: Int) async throws {
        try await simulator.set(oid, integer: value, community: community)
    }

    func stop() {
        simulator.stop()
        directory.remove()
    }

    /// The `dot1dTpFdbPort` OID of `mac` (colon notation).
    static func fdb(_ mac: String) -> String {
        "1.3.6.1.2.1.17.4.3.1.2." + octets(mac)
    }

    /// The `dot1qTpFdbPort` OID of `mac` in filtering database (VLAN) `fdb`.
    static func qfdb(_ fdb: Int, _ mac: String) -> String {
        "1.3.6.1.2.1.17.7.1.2.2.1.2.\(fdb)." + octets(mac)
    }

    /// `dot1dBasePortIfIndex` of bridge port `port` is `ifIndex`.
    static func bridgePort(_ port: Int, ifIndex: Int) -> String {
        "1.3.6.1.2.1.17.1.4.1.2.\(port)|2|\(ifIndex)"
    }

    static func ifName(_ ifIndex: Int, _ name: String) -> String {
        "1.3.6.1.2.1.31.1.1.1.1.\(ifIndex)|4|\(name)"
    }

    static func octets(_ mac: String) -> String {
        mac.split(separator: ":").map { String(Int($0, radix: 16)!) }.joined(separator: ".")
    }
}
