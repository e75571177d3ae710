import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangTesting
import Testing

/// `retention.keepConfigVersions`: the newest versions per target stay, older ones go once their
/// quarter is on a disc, and an object another kept version shares stays.
@Suite(.serialized)
struct ConfigVersionPruningTests {
    @Test func keepsTheNewestVersionsAndSharedObjects() async throws {
        let fixture = try BackupFixture(now: "2026-05-10T10:00:00+08:00")
        var policy = try BackupPolicy.load(path: PackagePaths.root.appendingPathComponent("Policies/backups.yaml").path)
        policy.keepConfigVersions = 2
        let target = BackupTarget(
            name: "sw-config", category: .configuration,
            source: .deviceConfig(device: "sw", method: .hook(command: ["/bin/cat", fixture.path("sw.cfg")])))
        let agent = try fixture.agent([target], policy: policy)
        func version(_ text: String, at time: String) async throws -> BackupRecord {
            fixture.set(time)
            try fixture.write("sysname sw\n\(text)\n", to: "sw.cfg")
            let outcome = await agent.backUpConfiguration(target, snmp: false)
            #expect(outcome.result == .done, "\(outcome.message)")
            return try #require(outcome.record)
        }
        func statuses() throws -> [BackupStatus] {
            try fixture.store.backups(target: "sw-config", kind: .config).map(\.status)
        }
        let a1 = try await version("vlan 10", at: "2026-05-10T10:00:00+08:00")
        let b = try await version("vlan 20", at: "2026-05-11T10:00:00+08:00")
        let a2 = try await version("vlan 10", at: "2026-05-12T10:00:00+08:00")
        let c = try await version("vlan 30", at: "2026-06-01T10:00:00+08:00")
        #expect(a1.path == a2.path, "the same content is one object")
        #expect(try statuses() == [.good, .good, .good, .good], "nothing is pruned before the quarter is on a disc")

        // The quarter's disc is made: the two oldest go; A's object stays for its newer version.
        fixture.set("2026-07-01T09:00:00+08:00")
        let disc = agent.pack(.disc, period: "2026Q2")
        #expect(disc.result == .done, "\(disc.message)")
        #expect(try statuses() == [.pruned, .pruned, .good, .good])
        #expect(FileManager.default.fileExists(atPath: "\(a2.path!)/config.txt"))
        #expect(!FileManager.default.fileExists(atPath: b.path!), "an object no kept version uses is removed")
        #expect(FileManager.default.fileExists(atPath: "\(fixture.path("repo"))/sw-config/diffs/\(b.id).diff"))

        // Two new versions in the next quarter push out the rest of the second quarter.
        let d = try await version("vlan 40", at: "2026-07-02T10:00:00+08:00")
        _ = try await version("vlan 50", at: "2026-07-03T10:00:00+08:00")
        #expect(try statuses() == [.pruned, .pruned, .pruned, .pruned, .good, .good])
        #expect(!FileManager.default.fileExists(atPath: a2.path!))
        #expect(!FileManager.default.fileExists(atPath: c.path!))
        let (_, results) = try agent.verify()
        #expect(results.filter { $0.record.kind == .config }.count == 2 && results.allSatisfy(\.passed))

        // Even a retention of zero keeps the newest version.
        policy.keepConfigVersions = 0
        fixture.set("2026-10-01T09:00:00+08:00")
        #expect(try fixture.agent([target], policy: policy).pack(.disc, period: "2026Q3").result == .done)
        let kept = try fixture.store.backups(target: "sw-config", kind: .config, status: .good)
        #expect(kept.map(\.id) == [try #require(try fixture.store.backups(target: "sw-config").last?.id)])
        #expect(kept.first?.id != d.id && FileManager.default.fileExists(atPath: kept.first!.path!))
    }
}
