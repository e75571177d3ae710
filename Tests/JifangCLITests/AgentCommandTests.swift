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

    /// With a backups file beside the inventory, one cycle keeps a first version of the polled
    /// device's configuration; `--no-config-backups` turns that off.
    @Test func agentBacksUpConfigurationsAfterACycle() async throws {
        let port = LoopbackPort.freeUDP(host: "127.0.5.2")
        let simulator = try await SNMPSimulator.start(
            recordings: [Recordings.url("switch-huawei-s5720")], endpoints: [.init(host: "127.0.5.2", port: port)])
        defer { simulator.stop() }
        let directory = try TemporaryDirectory(prefix: "jifang-cli-agent-backup")
        defer { directory.remove() }
        try """
        devices:
          - { name: core-switch, address: 127.0.5.2, port: \(port), community: switch-huawei-s5720 }
        """.write(to: directory.appending("site.yaml"), atomically: true, encoding: .utf8)
        try "sysname core-switch\nvlan batch 10 20\n".write(
            to: directory.appending("core-switch.cfg"), atomically: true, encoding: .utf8)
        try """
        repository: \(directory.appending("backups").path)
        targets:
          - name: core-switch-config
            category: configuration
            device: core-switch
            hook: [/bin/cat, \(directory.appending("core-switch.cfg").path)]
        """.write(to: directory.appending("backups.yaml"), atomically: true, encoding: .utf8)
        let database = directory.appending("agent.sqlite").path
        let arguments = [
            "agent", "--inventory", directory.appending("site.yaml").path, "--database", database, "--cycles", "1",
        ]
        let off = try jifang.run(arguments + ["--no-config-backups"])
        #expect(off.status == 0, "\(off)")
        #expect(off.stderr.contains("configuration backups off"), "\(off)")

        let output = try jifang.run(arguments)
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr.contains("core-switch-config [config] done"), "\(output)")
        #expect(output.stderr.contains("cycle 1 configurations: 1 changed and backed up"), "\(output)")
        let versions = try CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).run([
            database, "SELECT COUNT(*) FROM backups WHERE target = 'core-switch-config' AND status = 'good'",
        ])
        #expect(versions.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(versions)")

        let again = try jifang.run(arguments)
        #expect(again.stderr.contains("cycle 1 configurations: 0 changed and backed up, 1 unchanged"), "\(again)")
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
