import Foundation
import JifangModel

extension BackupAgent {
    /// Backs up the configuration of every target whose device was just polled and whose SNMP
    /// change marker or fingerprint moved since its last backup (Art. 141: after every change).
    ///
    /// Meant to run after a poll cycle has been recorded. A device never backed up is fetched
    /// once; after that an SSH login or hook runs only when SNMP reports a change (a drop folder
    /// is read every time: it is local and cheap). A device whose fingerprint cannot be read is
    /// skipped, not fetched every cycle; `jifang backup run` still fetches it. Each run writes
    /// its register row and duty-log event as ``run(targets:force:snmp:)`` does.
    ///
    /// - Parameters:
    ///   - polled: names of the devices the cycle reached.
    ///   - concurrency: targets checked at the same time. Fetches block a thread each, so they
    ///     run on threads of their own, not on the cooperative pool the next poll cycle uses.
    /// - Returns: one outcome per configuration target of a polled device, in inventory order.
    public func backUpChangedConfigurations(polled: Set<String>, concurrency: Int = 4) async -> [BackupOutcome] {
        let targets = inventory.targets.filter { target in
            guard case .deviceConfig(let device, _) = target.source else { return false }
            return polled.contains(device)
        }
        var outcomes = [BackupOutcome?](repeating: nil, count: targets.count)
        await withTaskGroup(of: (Int, BackupOutcome).self) { group in
            var next = 0
            func start() {
                guard next < targets.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await self.backUpIfChanged(targets[index])) }
            }
            for _ in 0..<min(max(1, concurrency), targets.count) { start() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                start()
            }
        }
        return outcomes.compactMap { $0 }
    }

    private func backUpIfChanged(_ target: BackupTarget) async -> BackupOutcome {
        guard case .deviceConfig(let name, let method) = target.source,
            let device = devices.first(where: { $0.name == name })
        else {
            return BackupOutcome(
                target: target.name, kind: .config, result: .notDue, message: "its device is not in the inventory")
        }
        let observed = await fingerprint(device)
        var pushed = false
        if case .dropFolder = method { pushed = true }
        let versions: [BackupRecord]
        do {
            versions = try registered(target.name, "its versions") {
                try store.backups(target: target.name, kind: .config)
            }
        } catch {
            return BackupOutcome(target: target.name, kind: .config, result: .failed, message: error.description)
        }
        let backedUp = versions.contains { $0.status == .good || $0.status == .pruned }
        if observed == nil, backedUp, !pushed {
            return BackupOutcome(
                target: target.name, kind: .config, result: .notDue,
                message: "\(name): no SNMP change marker or fingerprint could be read; not fetched")
        }
        return await Self.onOwnThread { self.backUpConfiguration(target, observed: observed) }
    }

    /// Runs blocking work on a dispatch thread and awaits its result.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
