import Foundation
import JifangTesting
import Testing

/// `jifang poll --once --format json` and `jifang devices`/`alerts` run as a user runs them:
/// the built binary against the demo site served by snmpsim.
@Suite(.serialized)
struct PollCommandTests {
    static let demoRecordings = [
        "router-huawei-me60", "switch-huawei-s5720", "switch-h3c-e528", "server-linux-centos7", "ups-eaton-93e",
        "firewall-topsec-ngfw4000",
    ]

    /// The minimal inventory form the issue requires: name, address, port, community.
    static func inventory(port: Int) -> String {
        "devices:\n"
            + demoRecordings.enumerated().map { i, name in
                """
                  - name: \(name)
                    address: 127.0.4.\(i + 1)
                    port: \(port)
                    community: \(name)

                """
            }.joined()
    }

    @Test func pollOnceJSONHasEveryFieldForEveryDevice() async throws {
        let port = LoopbackPort.freeUDP(host: "127.0.4.1")
        let simulator = try await SNMPSimulator.start(
            recordings: Self.demoRecordings.map(Recordings.url),
            endpoints: Self.demoRecordings.indices.map { .init(host: "127.0.4.\($0 + 1)", port: port) })
        defer { simulator.stop() }
        let directory = try TemporaryDirectory(prefix: "jifang-cli-poll")
        defer { directory.remove() }
        let inventory = directory.appending("site.yaml")
        try Self.inventory(port: port).write(to: inventory, atomically: true, encoding: .utf8)
        let database = directory.appending("jifang.sqlite").path
        let jifang = CommandRunner(executable: PackagePaths.executable("jifang"), workingDirectory: PackagePaths.root)

        let output = try jifang.run([
            "poll", "--once", "--inventory", inventory.path, "--format", "json", "--database", database,
        ])
        #expect(output.status == 0, "\(output)")
        let devices = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(devices.count == Self.demoRecordings.count)
        let required = [
            "name", "address", "reachable", "kind", "vendor", "model", "osVersion", "serial", "sysDescr", "sysObjectID",
            "uptimeSeconds", "interfaces", "cpuPercent", "memoryPercent", "sensors", "ups", "firewall", "findings",
        ]
        for device in devices {
            for key in required { #expect(device.keys.contains(key), "\(device["name"] ?? "?") lacks \(key)") }
            #expect(device["reachable"] as? Bool == true)
            #expect(
                ["router", "switch", "server", "ups", "firewall", "other"].contains(device["kind"] as? String ?? ""))
            for interface in device["interfaces"] as? [[String: Any]] ?? [] {
                for key in ["index", "name", "adminStatus", "operStatus", "speedBps"] {
                    #expect(interface.keys.contains(key))
                }
            }
            for finding in device["findings"] as? [[String: Any]] ?? [] {
                #expect(["pass", "fail", "unknown"].contains(finding["status"] as? String ?? ""))
            }
        }
        let byName = Dictionary(uniqueKeysWithValues: devices.map { ($0["name"] as! String, $0) })
        let ups = try #require(byName["ups-eaton-93e"]?["ups"] as? [String: Any])
        for key in ["batteryChargePercent", "runtimeMinutes", "outputSource", "loadPercent", "inputVoltage"] {
            #expect(ups.keys.contains(key))
        }
        #expect(ups["outputSource"] as? String == "online")
        // A value the device does not report is null, never invented: the router recording has no CPU data.
        #expect(byName["router-huawei-me60"]?["cpuPercent"] is NSNull)
        #expect(byName["router-huawei-me60"]?["ups"] is NSNull)
        #expect(byName["switch-huawei-s5720"]?["kind"] as? String == "switch")
        #expect(byName["firewall-topsec-ngfw4000"]?["kind"] as? String == "firewall")

        // The poll went into the store: `devices` reads it back.
        let stored = try jifang.run(["devices", "--format", "json", "--database", database])
        #expect(stored.status == 0, "\(stored)")
        let storedDevices = try JSONSerialization.jsonObject(with: Data(stored.stdout.utf8)) as? [[String: Any]]
        #expect(storedDevices?.count == Self.demoRecordings.count)
        let alerts = try jifang.run(["alerts", "--all", "--format", "json", "--database", database])
        #expect(alerts.status == 0, "\(alerts)")
    }

    @Test func aDeviceThatDoesNotAnswerIsNullNotAnError() throws {
        let directory = try TemporaryDirectory(prefix: "jifang-cli-dead")
        defer { directory.remove() }
        let inventory = directory.appending("site.yaml")
        let port = LoopbackPort.freeUDP(host: "127.0.4.200")
        try """
        devices:
          - name: gone
            address: 127.0.4.200
            port: \(port)
            community: public
            timeout: 0.3
            retries: 0
        """.write(to: inventory, atomically: true, encoding: .utf8)
        let jifang = CommandRunner(executable: PackagePaths.executable("jifang"), workingDirectory: PackagePaths.root)
        let output = try jifang.run([
            "poll", "--once", "--inventory", inventory.path, "--format", "json", "--no-store",
        ])
        #expect(output.status == 0, "\(output)")
        let devices = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]]
        let gone = try #require(devices?.first)
        #expect(gone["reachable"] as? Bool == false)
        #expect((gone["error"] as? String)?.contains("did not answer") == true)
        #expect(gone["uptimeSeconds"] is NSNull)
        #expect(gone["kind"] as? String == "other")
    }
}
