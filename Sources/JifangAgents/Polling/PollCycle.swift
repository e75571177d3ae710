import Foundation
import JifangModel
import JifangStore

/// One pass over every device: poll them with bounded concurrency and record each result in the
/// store as it arrives.
///
/// Each device's result is written in its own transaction, so a crash in the middle of a cycle
/// keeps every device already recorded. A store error for one device is reported in that
/// device's result and does not stop the others.
public struct PollCycle: Sendable {
    public var poller: DevicePoller
    public var store: Store?
    /// Devices polled at the same time. One engine thread drives them all; this bounds sockets
    /// and memory, not threads.
    public var concurrency: Int

    public init(poller: DevicePoller, store: Store?, concurrency: Int = 64) {
        self.poller = poller
        self.store = store
        self.concurrency = max(1, concurrency)
    }

    /// One device's outcome, with what the store wrote for it.
    public struct Result: Sendable {
        public var outcome: DevicePoller.Outcome
        public var recorded: PollResult?
        /// Why the result could not be stored, if it could not.
        public var storeError: String?

        public var health: DeviceHealth { outcome.health }
        /// Alerts open for the device after this poll (all conditions when there is no store).
        public var openAlerts: [AlertCondition] {
            guard let recorded else { return outcome.conditions }
            return (recorded.opened + recorded.stillOpen).map(\.condition)
        }
    }

    /// Polls `devices` and returns their results in the inventory's order.
    ///
    /// - Parameter progress: called once per finished device, from any task.
    public func run(
        _ devices: [Device], at time: Date = Date(), progress: (@Sendable () -> Void)? = nil
    ) async -> [Result] {
        var results = [Result?](repeating: nil, count: devices.count)
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func start() {
                guard next < devices.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await self.pollAndRecord(devices[index], at: time)) }
            }
            for _ in 0..<min(concurrency, devices.count) { start() }
            while let (index, result) = await group.next() {
                results[index] = result
                progress?()
                start()
            }
        }
        return results.map { $0! }
    }

    private func pollAndRecord(_ device: Device, at time: Date) async -> Result {
        var previous: DeviceHealth?
        var failures = 0
        var open: Set<String> = []
        var unreadable: String?
        if let store {
            do {
                previous = try store.latestHealth(device: device.name)
                failures = try store.consecutiveFailures(device: device.name)
                open = Set(try store.alerts(openOnly: true, device: device.name).map(\.condition.key))
            } catch {
                unreadable = "cannot read the previous state of \(device.name): \(error)"
            }
        }
        let outcome = await poller.poll(device, previous: previous, failures: failures, openAlerts: open, at: time)
        guard let store else { return Result(outcome: outcome, recorded: nil, storeError: nil) }
        // Recorded against a state it could not read, the poll would open alerts twice and
        // report false recoveries and reboots: it is reported as not stored instead.
        if let unreadable { return Result(outcome: outcome, recorded: nil, storeError: unreadable) }
        do {
            let recorded = try store.record(
                health: outcome.health, observations: HealthObservations.make(from: outcome.health),
                conditions: outcome.conditions, duration: outcome.duration)
            return Result(outcome: outcome, recorded: recorded, storeError: nil)
        } catch {
            return Result(outcome: outcome, recorded: nil, storeError: "\(error)")
        }
    }
}
