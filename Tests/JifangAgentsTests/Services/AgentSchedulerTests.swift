import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting
import Logging
import Testing

/// The scheduler never drops a store write: a failed retention pass is logged, counted and reported.
@Suite struct AgentSchedulerTests {
    @Test func aFailedRetentionPassIsLoggedCountedAndReported() async throws {
        let directory = try TemporaryDirectory(prefix: "jifang-scheduler")
        defer { directory.remove() }
        let store = try Store(path: directory.appending("agent.sqlite").path)
        let policies = try PolicySet.load(directory: PackagePaths.root.appendingPathComponent("Policies").path)
        let lines = LogLines()
        let logger = lines.logger(label: "jifang.poll")
        // Raw observations kept longer than hourly ones: the store refuses to apply it.
        let broken = RetentionPolicy(rawDays: 30, hourlyDays: 7, dailyDays: 90)
        let scheduler = AgentScheduler(
            cycle: PollCycle(poller: DevicePoller(policies: policies), store: store), devices: [], store: store,
            retention: broken, interval: .seconds(300), logger: logger)
        var summaries: [AgentScheduler.CycleSummary] = []
        await scheduler.run(cycles: 1, report: { summaries.append($0) })

        let summary = try #require(summaries.first)
        #expect(summary.retentionFailure != nil)
        #expect(!summary.recordedEverything)
        #expect(summary.description.contains("retention failed"), "\(summary)")
        #expect(scheduler.failures.value == 1)
        let logged = try #require(lines.all.first { $0.contains("retention failed") }, "\(lines.all)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(logged.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "error")
        #expect((object["metadata"] as? [String: String])?["cycle"] == "1")

        // The same scheduler with the shipped policy records everything and counts nothing.
        var good = scheduler
        good.retention = policies.retention
        summaries = []
        await good.run(cycles: 1, report: { summaries.append($0) })
        #expect(summaries.first?.recordedEverything == true)
        #expect(good.failures.value == 1)
    }
}
