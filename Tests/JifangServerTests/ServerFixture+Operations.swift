import Foundation
import JifangAgents
import JifangCompliance
import JifangConfig
import JifangModel
import JifangServer
import JifangStore
import JifangTesting

/// Bindings, backups and evaluation for the fixture: files in its directory, records in its store.
extension ServerFixture {
    static let periodEvaluated = "2026H1"

    /// The bindings, backups and evaluation modules over `directory`'s site.yaml and backups.yaml
    /// and the repository's Policies.
    static func operationsModules(_ directory: TemporaryDirectory) -> [@Sendable (WebServerParts) -> any WebModule] {
        let inventory = directory.appending("site.yaml").path
        let backups = directory.appending("backups.yaml").path
        let policies = Recordings.packageRoot.appendingPathComponent("Policies").path
        return [
            { BindingsModule(parts: $0, inventoryPath: inventory, policiesDirectory: policies) },
            { BackupsModule(parts: $0, backupsPath: backups, inventoryPath: inventory, policiesDirectory: policies) },
            { EvaluationModule(parts: $0, policiesDirectory: policies) },
        ]
    }

    /// A site inventory with two counties and an access switch `sw1` at 127.0.0.1:`switchPort`.
    static func writeSite(_ directory: TemporaryDirectory, switchPort: Int = 9, community: String = "public") throws {
        try """
        units:
          - { id: "330102", name: 上城区信息中心, level: county }
          - { id: "330105", name: 拱墅区信息中心, level: county }
        devices:
          - { name: sw1, address: 127.0.0.1, port: \(switchPort), community: \(community), kind: switch,
              unit: "330102", timeout: 0.3, retries: 0 }
          - { name: core-router, address: 127.0.0.11, port: 1161, community: public, kind: router }
        """.write(to: directory.appending("site.yaml"), atomically: true, encoding: .utf8)
    }

    /// Seeds a binding, ARP events located on sw1, a pending proposal, a port shutdown, backups
    /// (one due target, one configuration version with a masked diff) and a stored evaluation.
    static func seedOperations(_ store: Store, _ directory: TemporaryDirectory) throws {
        try writeSite(directory)
        let repository = directory.appending("repository").path
        try """
        repository: \(repository)
        targets:
          - { name: registry-db, category: database, sqlite: \(directory.appending("registry.sqlite").path) }
          - { name: server-logs, category: logs, folder: \(directory.appending("logs").path) }
          - { name: core-router-config, category: configuration, device: core-router,
              dropFolder: { path: \(directory.appending("tftp").path) } }
        """.write(to: directory.appending("backups.yaml"), atomically: true, encoding: .utf8)
        let site = try Inventory.load(path: directory.appending("site.yaml").path)
        let ups = DeviceProfile(name: "ups-1", address: "127.0.0.15", port: 1161, declaredKind: .ups)
        try store.syncInventory(units: site.units, devices: site.devices.map(\.profile) + [ups])

        let now = Date()
        let ip = IPv4Address("172.16.0.10")!
        let owner = MACAddress("00:26:0b:31:07:33")!, intruder = MACAddress("02:66:66:66:66:66")!
        try store.importBindings(
            [
                BindingEntry(
                    ip: ip, mac: owner, owner: "王芳", unit: "330102", vlan: 10, switchName: "sw1", port: "Gi0/0/3")
            ],
            source: "test")
        try store.recordARPEvents([
            LocatedARPEvent(
                ARPEvent(
                    time: now.addingTimeInterval(-3600), type: .bindingViolation, ip: ip, mac: intruder,
                    boundMAC: owner, vlan: 10, frame: 7, message: "172.16.0.10 claimed by 02:66:66:66:66:66"),
                switchName: "sw1", port: "GigabitEthernet0/0/7"),
            LocatedARPEvent(
                ARPEvent(
                    time: now.addingTimeInterval(-1800), type: .unknownStation, ip: IPv4Address("172.16.0.99"),
                    mac: MACAddress("02:00:00:00:00:99"), frame: 9, message: "unknown station 172.16.0.99"),
                switchName: "sw1", port: "GigabitEthernet0/0/9"),
        ])
        try store.recordPairs([
            ObservedPair(
                ip: IPv4Address("172.16.0.20")!, mac: MACAddress("02:00:00:00:00:20")!, vlan: 10,
                firstSeen: now.addingTimeInterval(-90_000), lastSeen: now, packets: 40)
        ])
        _ = try store.proposeBindings(stableFor: 3600)
        try store.recordPortAction(
            PortAction(
                time: now.addingTimeInterval(-600), device: "sw1", ifIndex: 3, ifName: "GigabitEthernet0/0/3",
                mac: MACAddress("02:66:66:66:66:67"), ip: IPv4Address("172.16.0.11"), previousStatus: 1,
                state: .shutdown, reason: "binding violation on 172.16.0.11"))

        // A good backup of the logs this month; the database has none (due); a configuration version.
        let month = BackupCalendar(utcOffsetSeconds: 8 * 3600).month(of: now)
        let logs = try store.beginBackup(
            target: "server-logs", category: .logs, kind: .backup, period: month, at: now.addingTimeInterval(-7200))
        try store.finishBackup(
            id: logs, status: .good, at: now.addingTimeInterval(-7000), path: "\(repository)/server-logs/x",
            size: 123_456, sha256: String(repeating: "ab", count: 32), locations: ["\(repository)/server-logs/x"],
            verified: true)
        let config = try store.beginBackup(
            target: "core-router-config", category: .configuration, kind: .config, period: month,
            at: now.addingTimeInterval(-3600))
        try store.finishBackup(
            id: config, status: .good, at: now.addingTimeInterval(-3500), size: 2048,
            sha256: String(repeating: "cd", count: 32))
        let diffs = directory.appending("repository/core-router-config/diffs")
        try FileManager.default.createDirectory(at: diffs, withIntermediateDirectories: true)
        try "--- 1\n+++ \(config)\n-snmp-agent community read ****\n+sysname core-router-2\n".write(
            to: diffs.appendingPathComponent("\(config).diff"), atomically: true, encoding: .utf8)

        let rules = try ComplianceRuleSet.load(
            path: Recordings.packageRoot.appendingPathComponent("Policies/rules.yaml").path)
        _ = try Evaluator(store: store, rules: rules).evaluate(period: Period(periodEvaluated)!, evaluatedBy: "auditor")
    }
}
