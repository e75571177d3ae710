import Foundation
import JifangTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `jifang agent` as one daemon: polling, the web server and the ARP watch as services of one
/// group, stopped together by SIGTERM, logging JSON lines.
@Suite(.serialized)
struct AgentServicesTests {
    let sqlite = CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))

    /// Every line parsed as a JSON object with the handler's keys; a line that is not fails the test.
    private func objects(_ lines: [String]) -> [[String: Any]] {
        lines.filter { !$0.isEmpty }.compactMap { line in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            #expect(object != nil, "not a JSON line: \(line)")
            if let object {
                #expect(Set(object.keys) == ["time", "level", "label", "message", "metadata"], "\(line)")
            }
            return object
        }
    }

    @Test func agentServesHTTPRecordsPollsAndStopsEverythingOnSIGTERM() async throws {
        let snmpPort = LoopbackPort.freeUDP(host: "127.0.5.3")
        let simulator = try await SNMPSimulator.start(
            recordings: [Recordings.url("ups-eaton-93e")], endpoints: [.init(host: "127.0.5.3", port: snmpPort)])
        defer { simulator.stop() }
        let directory = try TemporaryDirectory(prefix: "jifang-cli-agent-services")
        defer { directory.remove() }
        let inventory = directory.appending("site.yaml")
        try """
        units:
          - { id: county, name: County, level: county }
        devices:
          - { name: ups, address: 127.0.5.3, port: \(snmpPort), community: ups-eaton-93e, unit: county }
        """.write(to: inventory, atomically: true, encoding: .utf8)
        let database = directory.appending("agent.sqlite").path
        let httpPort = LoopbackPort.freeTCP()
        let agent = try RunningProgram(
            PackagePaths.executable("jifang"),
            [
                "agent", "--inventory", inventory.path, "--database", database, "--interval", "1",
                "--serve", "127.0.0.1:\(httpPort)", "--log-format", "json", "--log-level", "debug",
            ],
            workingDirectory: PackagePaths.root, limit: .seconds(60))
        var seen: [String] = []
        let first = agent.awaitError { line in
            seen.append(line)
            return line.contains("cycle 1: 1 devices polled")
        }
        #expect(first != nil, "no cycle logged: \(seen)")

        let curl = CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/curl"))
        var status = ""
        for _ in 0..<50 {
            status = try curl.run(["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(httpPort)/login"])
                .stdout
            if status == "200" { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(status == "200", "the agent's web server did not answer on \(httpPort)")

        let stopping = ContinuousClock.now
        agent.send(SIGTERM)
        let result = agent.wait()
        let stopped = ContinuousClock.now - stopping
        #expect(result.status == 0, "\(result)")
        #expect(stopped < .seconds(5), "took \(stopped) to stop")

        let logged = objects(seen + result.stderr)
        let messages = logged.compactMap { $0["message"] as? String }
        #expect(messages.last == "agent stopped", "\(messages)")
        // Every cycle logged was recorded, the one SIGTERM interrupted included.
        let cycles = messages.compactMap { message -> Int? in
            guard message.hasPrefix("cycle "), message.contains("devices polled") else { return nil }
            return Int(message.dropFirst("cycle ".count).prefix { $0.isNumber })
        }
        let polls = try sqlite.run([database, "SELECT COUNT(*) FROM polls WHERE device = 'ups' AND reachable = 1"])
        #expect(polls.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(cycles.max() ?? -1)", "\(messages)")
        // Each device's poll is logged with its device, unit and poll id.
        let polled = logged.first { ($0["message"] as? String) == "device polled" }
        let metadata = try #require(polled?["metadata"] as? [String: String], "\(messages)")
        #expect(metadata["device"] == "ups" && metadata["unit"] == "county" && metadata["poll"] != nil, "\(metadata)")
        // Hummingbird logs under the server's name, through the agent's handler.
        #expect(
            logged.contains {
                ($0["label"] as? String) == "jifang" && "\($0["message"] ?? "")".contains("\(httpPort)")
            },
            "the web server logs through the agent: \(messages)")
    }

    @Test func agentWatchesTheInventoryInterfacesAndStoresWhatItSawOnSIGTERM() throws {
        let namespace: NetworkNamespace
        do {
            namespace = try NetworkNamespace()
        } catch {
            try Test.cancel("network namespaces are not permitted here (ip netns add failed: \(error))")
        }
        defer { namespace.remove() }
        let directory = try TemporaryDirectory(prefix: "jifang-cli-agent-watch")
        defer { directory.remove() }
        let inventory = directory.appending("site.yaml")
        try """
        devices: []
        bindings:
          - { ip: 10.0.0.1, mac: "02:00:00:00:00:01" }
        watch: { interfaces: [\(namespace.hostInterface)] }
        """.write(to: inventory, atomically: true, encoding: .utf8)
        let database = directory.appending("agent.sqlite").path
        let agent = try RunningProgram(
            PackagePaths.executable("jifang"),
            [
                "agent", "--inventory", inventory.path, "--database", database, "--interval", "1", "--log-format",
                "text",
            ],
            workingDirectory: PackagePaths.root, limit: .seconds(60))
        #expect(agent.awaitError { $0.contains("capturing ARP on \(namespace.hostInterface)") } != nil)
        let sender = try namespace.start(
            "python3",
            ["-c", PcapFixtures.program(WatchCommandLiveTests.spoof), "unused-output", namespace.innerInterface])
        _ = try sender.wait()
        let line = agent.awaitOutput { $0.contains("binding-violation") }
        #expect(line != nil, "\(agent.outputLines)")

        agent.send(SIGTERM)
        let result = agent.wait()
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains { $0.contains("\(namespace.hostInterface): ") && $0.contains("1 events") })
        let stored = try sqlite.run([database, "SELECT type || ' ' || mac FROM arp_events"])
        #expect(stored.stdout.contains("binding-violation 02:66:66:66:66:66"), "\(stored)")
    }

    /// With `watch: { enforce: true }` the agent locates the spoofer on the inventory's switch and
    /// shuts its access port down as Policies/bindings.yaml says, while it also polls.
    @Test func agentEnforcesTheBindingPolicyOnWhatItWatches() async throws {
        let namespace: NetworkNamespace
        do {
            namespace = try NetworkNamespace()
        } catch {
            try Test.cancel("network namespaces are not permitted here (ip netns add failed: \(error))")
        }
        defer { namespace.remove() }
        let directory = try TemporaryDirectory(prefix: "jifang-cli-agent-enforce")
        defer { directory.remove() }
        let community = EnforcementCommandTests.community
        let recording = directory.appending("\(community).snmprec")
        try EnforcementCommandTests.recording.write(to: recording, atomically: true, encoding: .utf8)
        let simulator = try await SNMPSimulator.start(
            recordings: [recording], endpoints: [.init(host: "127.0.0.1", port: LoopbackPort.freeUDP())])
        defer { simulator.stop() }
        // The shipped policies, with bindings.yaml enforcing shutdown in the unit.
        let policies = directory.appending("Policies")
        try FileManager.default.copyItem(at: PackagePaths.root.appendingPathComponent("Policies"), to: policies)
        try FileManager.default.removeItem(at: policies.appendingPathComponent("bindings.yaml"))
        try "mode: alert\nenforce: true\nuplinkMACs: 4\nunits: { \"330102\": { mode: shutdown } }\n".write(
            to: policies.appendingPathComponent("bindings.yaml"), atomically: true, encoding: .utf8)
        try """
        units: [{ id: "330102", name: 县中心, level: county }]
        devices:
          - { name: sw1, address: 127.0.0.1, port: \(simulator.endpoint.port), community: \(community), kind: switch,
              unit: "330102" }
        bindings:
          - { ip: 10.0.0.1, mac: "02:00:00:00:00:01", unit: "330102" }
        watch: { interfaces: [\(namespace.hostInterface)], enforce: true }
        """.write(to: directory.appending("site.yaml"), atomically: true, encoding: .utf8)
        let agent = try RunningProgram(
            PackagePaths.executable("jifang"),
            [
                "agent", "--inventory", "site.yaml", "--policies", "Policies", "--database", "j.sqlite",
                "--no-config-backups", "--log-format", "text",
            ],
            environment: ["USER": "admin"], workingDirectory: directory.url, limit: .seconds(60))
        #expect(agent.awaitError { $0.contains("capturing ARP on \(namespace.hostInterface)") } != nil)
        let sender = try namespace.start(
            "python3",
            ["-c", PcapFixtures.program(WatchCommandLiveTests.spoof), "unused-output", namespace.innerInterface])
        _ = try sender.wait()
        let shutdown = agent.awaitError { $0.contains("shutdown ") && $0.contains("set down") }
        #expect(shutdown?.contains("GigabitEthernet0/0/3") == true, "\(shutdown ?? "no shutdown")")
        let status = try await simulator.get("1.3.6.1.2.1.2.2.1.7.3", community: community)
        #expect(status.contains("2"), "ifAdminStatus of port 3: \(status)")

        agent.send(SIGTERM)
        let result = agent.wait()
        #expect(result.status == 0, "\(result)")
        let polls = try sqlite.run([directory.appending("j.sqlite").path, "SELECT COUNT(*) FROM polls"])
        #expect(polls.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(polls)")
    }
}
