extension AgentScheduler {
    /// What the configuration backups after one poll cycle did, for the agent's log.
    public struct BackupPass: Sendable, CustomStringConvertible {
        public var cycle: Int
        /// One per configuration target of a polled device, in inventory order.
        public var outcomes: [BackupOutcome]

        public init(cycle: Int, outcomes: [BackupOutcome]) {
            self.cycle = cycle
            self.outcomes = outcomes
        }

        public var description: String {
            func count(_ result: BackupOutcome.Result) -> Int { outcomes.filter { $0.result == result }.count }
            return
                "cycle \(cycle) configurations: \(count(.done)) changed and backed up, \(count(.unchanged)) unchanged, "
                + "\(count(.notDue)) not checked, \(count(.failed)) failed"
        }
    }
}
