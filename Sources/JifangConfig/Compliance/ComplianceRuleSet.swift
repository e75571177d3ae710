import JifangModel

/// The rules of Policies/rules.yaml with the weight of each area.
public struct ComplianceRuleSet: Sendable, Hashable, Codable {
    public var rules: [ComplianceRule]
    /// Weight of each area in the unit's score; areas not listed weigh 1.
    public var areaWeights: [ComplianceArea: Double]

    public init(rules: [ComplianceRule], areaWeights: [ComplianceArea: Double] = [:]) {
        self.rules = rules
        self.areaWeights = areaWeights
    }

    public func weight(of area: ComplianceArea) -> Double { areaWeights[area] ?? 1 }
}
