import Foundation
import JifangAgents
import JifangConfig
import JifangStore
import JifangTesting
import Logging
import ServiceLifecycle
import Testing

/// The poll scheduler as a service: a group's graceful shutdown ends it between cycles.
@Suite struct PollServiceTests {
    @Test(.timeLimit(.minutes(1))) func gracefulShutdownEndsTheWaitAfterTheCycleIsRecorded() async throws {
        let directory = try TemporaryDirectory(prefix: "jifang-poll-service")
        defer { directory.remove() }
        let store = try Store(path: directory.appending("agent.sqlite").path)
        let policies = try PolicySet.load(directory: PackagePaths.root.appendingPathComponent("Policies").path)
        let lines = LogLines()
        // Five minutes between cycles: only the shutdown can end the wait after the first.
        let scheduler = AgentScheduler(
            cycle: PollCycle(poller: DevicePoller(policies: policies), store: store), devices: [], store: store,
            retention: policies.retention, interval: .seconds(300), logger: lines.logger(label: "jifang.poll"))
        let group = ServiceGroup(
            services: [PollService(scheduler: scheduler)], logger: lines.logger(label: "jifang.agent"))
        let started = ContinuousClock.now
        var shutdown = started
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while !lines.all.contains(where: { $0.contains("cycle 1: 0 devices polled") }) {
                #expect(ContinuousClock.now - started < .seconds(20), "no cycle logged: \(lines.all)")
                try await Task.sleep(for: .milliseconds(20))
            }
            shutdown = ContinuousClock.now
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        // Measured from the shutdown, against the 300 s interval: a start-up slowed by a busy
        // machine is not what this judges.
        #expect(ContinuousClock.now - shutdown < .seconds(30), "the service waited for the next cycle")
        #expect(!lines.all.contains { $0.contains("cycle 2:") }, "\(lines.all)")
    }
}
