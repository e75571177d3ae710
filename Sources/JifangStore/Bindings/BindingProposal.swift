import Foundation
import JifangModel

/// A binding proposed from a stable pair, awaiting an administrator's decision.
public struct BindingProposal: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case pending, approved, rejected
    }

    public var id: Int64
    public var pair: ObservedPair
    public var proposedAt: Date
    public var status: Status
    public var decidedAt: Date?
    public var decidedBy: String?

    public init(
        id: Int64, pair: ObservedPair, proposedAt: Date, status: Status, decidedAt: Date? = nil,
        decidedBy: String? = nil
    ) {
        self.id = id
        self.pair = pair
        self.proposedAt = proposedAt
        self.status = status
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }
}

/// What one learning pass found.
public struct BindingLearning: Sendable, Hashable, Codable {
    /// New proposals made by this pass.
    public var proposals: [BindingProposal] = []
    /// Unbound IPs seen with more than one MAC: not stable, so not proposed.
    public var conflicting: [IPv4Address] = []
    /// Unbound IPs with one MAC, but not seen for long enough yet.
    public var tooRecent: Int = 0

    public init() {}
}
