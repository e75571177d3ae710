import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// Configuration backups after a poll cycle of the agent's scheduler, against snmpsim devices
/// whose configuration objects are writable (snmpsim's `writecache`), changed by SNMP SET.
@Suite(.serialized)
struct BackupAgentAfterPollTests {
    /// A device with the system group, one interface and `extra` records.
    static func recording(sysName: String, _ extra: [String]) -> String {
        ([
            "1.3.6.1.2.1.1.1.0|4|Cisco IOS Software, C3560 Software (C3560-IPSERVICESK9-M), Version 15.0(2)SE",
            "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.563",
            "1.3.6.1.2.1.1.3.0|67|123456",
            "1.3.6.1.2.1.1.5.0|4|\(sysName)",
            "1.3.6.1.2.1.2.1.0|2|1",
            "1.3.6.1.2.1.2.2.1.1.1|2|1",
            "1.3.6.1.2.1.2.2.1.2.1|4|GigabitEthernet0/1",
            "1.3.6.1.2.1.2.2.1.3.1|2|6",
            "1.3.6.1.2.1.2.2.1.7.1|2|1",
            "1.3.6.1.2.1.2.2.1.8.1|2|1",
        ] + extra).sorted { OIDOrder.less($0, $1) }.joined(separator: "\n") + "\n"
    }

    @Test func changedDevicesAreBackedUpAfterOneCycleAndUnchangedOnesAreNot() async throws {
        let fixture = try BackupFixture()
        // Recording names are global in snmpsim's data folder: these belong to this test alone.
        let recordings = [
            (
                "cfgpoll-tables",
                Self.recording(
                    sysName: "core-switch",
                    ["1.3.6.1.2.1.31.1.1.1.18.1|4:writecache|value=uplink to province"])
            ),
            (
                "cfgpoll-vendor",
                Self.recording(sysName: "core-router", ["1.3.6.1.4.1.9.9.43.1.1.1.0|67:writecache|value=1000"])
            ),
            (
                "cfgpoll-steady",
                Self.recording(sysName: "access-switch", ["1.3.6.1.2.1.31.1.1.1.18.1|4|to core"])
            ),
        ]
        var files: [URL] = []
        for (name, text) in recordings {
            try fixture.write(text, to: "recordings/\(name).snmprec")
            files.append(fixture.directory.appending("recordings/\(name).snmprec"))
        }
        let endpoint = SNMPSimulator.Endpoint(host: "127.0.6.1", port: LoopbackPort.freeUDP(host: "127.0.6.1"))
        let simulator = try await SNMPSimulator.start(recordings: files, endpoints: [endpoint])
        defer { simulator.stop() }

        let names = ["core-switch", "core-router", "access-switch"]
        let devices = zip(names, recordings).map { name, recording in
            Device(
                name: name, address: endpoint.host, port: endpoint.port,
                credentials: .v2c(community: .inline(recording.0)),
                timeoutSeconds: 5, retries: 1)
        }
        var targets: [BackupTarget] = []
        for name in names {
            try fixture.write("sysname \(name)\ninterface GigabitEthernet0/1\n description old\n", to: "\(name).cfg")
            targets.append(
                BackupTarget(
                    name: "\(name)-config", category: .configuration,
                    source: .deviceConfig(
                        device: name, method: .hook(command: ["/bin/cat", fixture.path("\(name).cfg")]))))
        }
        let agent = try fixture.agent(targets, devices: devices)
        try fixture.store.syncInventory(units: [], devices: devices.map(\.profile))
        let policies = try PolicySet.load(directory: PackagePaths.root.appendingPathComponent("Policies").path)
        let scheduler = AgentScheduler(
            cycle: PollCycle(poller: DevicePoller(policies: policies), store: fixture.store),
            devices: devices, store: fixture.store, retention: policies.retention, interval: .seconds(300),
            backups: agent)

        func cycle() async -> [AgentScheduler.BackupPass] {
            var passes: [AgentScheduler.BackupPass] = []
            await scheduler.run(cycles: 1, report: { _ in }, backupReport: { passes.append($0) })
            return passes
        }

        // The first cycle keeps a first version of every device.
        var passes = await cycle()
        #expect(passes.count == 1)
        #expect(passes.first?.outcomes.map(\.result) == [.done, .done, .done], "\(passes.map(\.outcomes))")

        // Two devices change: one in a fingerprinted table, one by its vendor change marker.
        for name in ["core-switch", "core-router"] {
            try fixture.write(
                "sysname \(name)\ninterface GigabitEthernet0/1\n description new uplink\n", to: "\(name).cfg")
        }
        for (recording, set) in [
            ("cfgpoll-tables", ["1.3.6.1.2.1.31.1.1.1.18.1", "s", "uplink to city"]),
            ("cfgpoll-vendor", ["1.3.6.1.4.1.9.9.43.1.1.1.0", "t", "2000"]),
        ] {
            let output = try Command.run(
                "/usr/bin/snmpset", ["-m", "", "-v2c", "-c", recording, endpoint.description] + set)
            #expect(output.contains(set[2]), "\(output)")
        }

        passes = await cycle()
        let outcomes = try #require(passes.first?.outcomes)
        #expect(outcomes.map(\.result) == [.done, .done, .unchanged], "\(outcomes.map(\.message))")
        for outcome in outcomes.prefix(2) {
            let diff = try #require(outcome.diff)
            #expect(diff.contains("- description old") && diff.contains("+ description new uplink"), "\(diff)")
            let record = try #require(outcome.record)
            let file = "\(fixture.path("repo"))/\(outcome.target)/diffs/\(record.id).diff"
            #expect(try String(contentsOfFile: file, encoding: .utf8) == diff)
        }
        #expect(outcomes[2].message.contains("SNMP reports no configuration change"), "\(outcomes[2].message)")
        #expect(passes.first?.description.contains("2 changed and backed up, 1 unchanged") == true)
        for (name, count) in [("core-switch", 2), ("core-router", 2), ("access-switch", 1)] {
            let versions = try fixture.store.backups(target: "\(name)-config", kind: .config, status: .good)
            #expect(versions.count == count, "\(name): \(versions.count) versions")
        }
        let events = try fixture.store.events().filter { $0.type == BackupAgent.done }
        #expect(events.count == 5)
        #expect(events.last?.message.contains("configuration changed (+1 −1 lines)") == true)

        // Nothing changed since: a third cycle backs nothing up.
        passes = await cycle()
        #expect(passes.first?.outcomes.map(\.result) == [.unchanged, .unchanged, .unchanged])
        #expect(try fixture.store.backups(kind: .config).count == 5)
    }
}

/// Sorts snmprec lines by OID, numerically, as snmpsim requires.
enum OIDOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        func parts(_ line: String) -> [Int] {
            line.prefix { $0 != "|" }.split(separator: ".").compactMap { Int($0) }
        }
        return parts(a).lexicographicallyPrecedes(parts(b))
    }
}
