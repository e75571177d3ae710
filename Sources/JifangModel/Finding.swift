/// The outcome of checking one spec clause or rule against one subject.
public enum FindingStatus: String, Sendable, Codable, CaseIterable {
    case pass
    case fail
    /// The evidence needed is missing; the finding's message says which and why.
    case unknown
}

/// One clause checked against one device (or unit), with the evidence that decided it.
public struct Finding: Sendable, Hashable, Codable {
    /// The Policies/ clause id, e.g. `router.memory`.
    public var rule: String
    /// The regulation article, e.g. `Art. 55`.
    public var article: String?
    public var status: FindingStatus
    /// A sentence a person can read: what was required, what was seen.
    public var message: String
    /// The observed value, if any, as text.
    public var observed: String?
    /// Where the observed value came from: `snmp`, `declared` (inventory) or `none`.
    public var source: String?

    public init(
        rule: String, article: String? = nil, status: FindingStatus, message: String, observed: String? = nil,
        source: String? = nil
    ) {
        self.rule = rule
        self.article = article
        self.status = status
        self.message = message
        self.observed = observed
        self.source = source
    }
}
