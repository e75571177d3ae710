import Foundation
import JifangTesting
import Testing

/// `jifang agent` and `jifang discover` against snmpsim on loopback.
@Suite(.serialized)
struct AgentCommandTests {
    let jifang = CommandRunner(executable: PackagePaths.executable("jifang"), workingDirectory: PackagePaths.root)

    @Test func agentRunsCyclesAndRecordsEachPoll() async throws {
        let port = LoopbackPort.freeUDP(host: "127.0.5.1")
        let simulator = try await SNMPSimulator.start(
            recordings: [Recordings.url("ups-eaton-93e")], endpoints: [.init(host: "127.0.5.1", port: port)])
        defer { simulator.stop() }
        let directory = try TemporaryDirectory(prefix: "jifang-cli-agent")
        defer { directory.remove() }
        let inventory = directory.appending("site.yaml")
        try """
        devices:
          - { name: ups, address: 127.0.5.1, port: \(port), community: ups-eaton-93e }
        """.write(to: inventory, atomically: true, encoding: .utf8)
        let database = directory.appending("agent.sqlite").path
        let output = try jifang.run([
            "agent", "--inventory", inventory.path, "--database", database, "--interval", "1", "--cycles", "2",
        ])
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr.contains("cycle 1: 1 devices polled"), "\(output)")
        #expect(output.stderr.contains("cycle 2: 1 devices polled"), "\(output)")
        let polls = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).run([
            database, "SELECT COUNT(*) FROM polls WHERE device = 'ups' AND reachable = 1",
        ])
        #expect(polls.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2", "\(polls)")
    }

    @Test func discoverFindsAgentsAndProposesInventoryEntries() async throws {
        let port = LoopbackPort.freeUDP(host: "127.0.5.9")
        let simulator = try await SNMPSimulator.start(
            recordings: [Recordings.url("switch-huawei-s5720")],
            endpoints: [.init(host: "127.0.5.9", port: port), .init(host: "127.0.5.10", port: port)])
        defer { simulator.stop() }
        let output = try jifang.run([
            "discover", "127.0.5.8/29", "--community", "wrong", "--community", "switch-huawei-s5720", "--port",
            "\(port)",
            "--timeout", "0.5",
        ])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.hasPrefix("devices:"))
        #expect(output.stdout.contains("address: 127.0.5.9"))
        #expect(output.stdout.contains("address: 127.0.5.10"))
        #expect(output.stdout.contains("community: \"switch-huawei-s5720\""))
        #expect(output.stdout.contains("kind: switch"))
        #expect(output.stderr.contains("2 agents answered"))

        let json = try jifang.run([
            "discover", "127.0.5.8/29", "--community", "switch-huawei-s5720", "--port", "\(port)", "--timeout", "0.5",
            "--format", "json",
        ])
        let found = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(found?.count == 2)
        #expect(found?.first?["vendor"] as? String == "Huawei")
    }

    @Test func discoverRefusesARangeTooLarge() throws {
        let output = try jifang.run(["discover", "10.0.0.0/8"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("scan a /16 or smaller"))
    }
}
