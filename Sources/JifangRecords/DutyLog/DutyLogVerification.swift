import JifangModel

/// What `jifang log verify` found: the chain is intact, or the problems in chain order.
public struct DutyLogVerification: Sendable, Hashable, Codable {
    /// How an entry fails the chain, as far as the chain can tell.
    public enum Kind: String, Sendable, Codable {
        /// The entry's fields no longer give its hash: changed after it was written.
        case edited
        /// The entry does not link to the one before it and entries are missing in between.
        case removed
        /// The entry links to an entry that is elsewhere in the log.
        case reordered
        /// The entry does not link to the one before it, which was changed and re-hashed.
        case relinked
        /// The newest entries are gone: the log ends before the recorded head.
        case truncated
        /// An entry a supervisor signed off is gone or differs from what was signed.
        case reviewMismatch = "review-mismatch"
    }

    public struct Problem: Sendable, Hashable, Codable {
        public var kind: Kind
        /// The first entry affected (for `removed`, the entry after the gap).
        public var entry: Int64?
        public var day: CalendarDay?
        public var message: String
    }

    /// Entries checked.
    public var entries: Int
    /// The last entry's hash, to note down or compare with a copy.
    public var headHash: String?
    public var problems: [Problem]
    public var isIntact: Bool { problems.isEmpty }
}
