import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangTesting
import Testing

/// A quarter larger than `disc.capacityMB` goes on several ISO images, each with its manifest.
@Suite(.serialized)
struct DiscPlanTests {
    static func random(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }

    @Test func aQuarterTooLargeForOneDiscIsSplitAndEachDiscVerified() async throws {
        let fixture = try BackupFixture(now: "2026-05-10T10:00:00+08:00")
        var policy = try BackupPolicy.load(path: PackagePaths.root.appendingPathComponent("Policies/backups.yaml").path)
        policy.discCapacityBytes = 1_000_000
        let logs = BackupTarget(name: "server-logs", category: .logs, source: .folder(path: fixture.path("logs")))
        let documents = BackupTarget(
            name: "documents", category: .documents, source: .folder(path: fixture.path("documents")))
        let agent = try fixture.agent([logs, documents], policy: policy)
        // Three backups of about 150 kB: two fit on a disc of 1 MB beside the file system.
        try fixture.write(Self.random(150_000), to: "logs/server.log")
        try fixture.write(Self.random(150_000), to: "documents/plan.txt")
        #expect(agent.backUp(logs).result == .done)
        #expect(agent.backUp(documents).result == .done)
        fixture.set("2026-06-10T10:00:00+08:00")
        try fixture.write(Self.random(150_000), to: "logs/server.log")
        #expect(agent.backUp(logs).result == .done)

        fixture.set("2026-07-01T09:00:00+08:00")
        let outcome = agent.pack(.disc, period: "2026Q2")
        #expect(outcome.result == .done, "\(outcome.message)")
        #expect(outcome.message.contains("2 disc images"), "\(outcome.message)")
        let folder = try #require(outcome.record?.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            names == [
                "MANIFEST.json", "jifang-2026Q2-1.MANIFEST.json", "jifang-2026Q2-1.iso",
                "jifang-2026Q2-2.MANIFEST.json",
                "jifang-2026Q2-2.iso",
            ], "\(names)")

        // The quarter's manifest lists both discs; each disc's manifest is the one on the disc.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let quarter = try decoder.decode(
            BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/MANIFEST.json")))
        #expect(
            quarter.files.map(\.path).filter { $0.hasSuffix(".iso") } == ["jifang-2026Q2-1.iso", "jifang-2026Q2-2.iso"])
        #expect(quarter.source == "3 backups of 2026Q2 on 2 discs")
        var backupsOnDiscs: [String] = []
        for disc in 1...2 {
            let iso = "\(folder)/jifang-2026Q2-\(disc).iso"
            let size = (try FileManager.default.attributesOfItem(atPath: iso)[.size] as? NSNumber)?.int64Value
            #expect((size ?? .max) <= 1_000_000, "\(size ?? -1) bytes")
            let manifest = try decoder.decode(
                BackupManifest.self,
                from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/jifang-2026Q2-\(disc).MANIFEST.json")))
            #expect(manifest.source.hasPrefix("disc \(disc) of 2: "), "\(manifest.source)")
            let onDisc = Set(
                manifest.files.filter { $0.path.hasSuffix("/MANIFEST.json") }.map {
                    String($0.path.dropLast("/MANIFEST.json".count))
                })
            backupsOnDiscs += onDisc
            // Listed back from the image itself.
            let root = try Command.run("/usr/bin/xorriso", ["-indev", iso, "-ls", "/"])
            #expect(root.contains("'MANIFEST.json'"), "\(root)")
            for backup in onDisc {
                let listing = try Command.run("/usr/bin/xorriso", ["-indev", iso, "-ls", "/\(backup)/*"])
                #expect(listing.contains("MANIFEST.json"), "\(backup) is on disc \(disc): \(listing)")
            }
        }
        #expect(backupsOnDiscs.count == 3 && Set(backupsOnDiscs).count == 3, "\(backupsOnDiscs)")
        let (_, results) = try agent.verify(ids: [outcome.record!.id])
        #expect(results.count == 1 && results[0].passed, "\(results)")

        // One backup larger than a disc is refused with what to change.
        try fixture.write(Self.random(600_000), to: "logs/server.log")
        #expect(agent.backUp(logs).result == .done)
        let refused = agent.pack(.disc, period: "2026Q3")
        #expect(refused.result == .failed)
        #expect(refused.message.contains("raise disc.capacityMB"), "\(refused.message)")
    }
}
