import JifangModel

/// One of the four areas the half-yearly evaluation covers (Mgmt Art. 28).
public enum ComplianceArea: String, Sendable, Hashable, Codable, CaseIterable {
    /// Network and hardware infrastructure.
    case infrastructure
    /// Application of information technology and resources.
    case itApplication = "it-application"
    /// The staff's overall quality.
    case staff
    /// Whether rules and standards are made and followed.
    case rulesAndStandards = "rules-and-standards"

    /// The term evaluators read in the Chinese report.
    public var chinese: String {
        switch self {
        case .infrastructure: "网络与硬件基础设施"
        case .itApplication: "信息技术与资源应用"
        case .staff: "队伍素质"
        case .rulesAndStandards: "制度与规范"
        }
    }
}

/// The fixed set of checks a rule can run; each is a Swift type in JifangCompliance reading the store.
///
/// Rules are data (Policies/rules.yaml); what a check *means* is code, so a rule file can tune a
/// check's parameters and weight but not invent a check the scorer cannot explain.
public enum CheckKind: String, Sendable, Hashable, Codable, CaseIterable {
    case deviceSpec = "device-spec"
    case assetCount = "asset-count"
    case staffing
    case degrees
    case certificates
    case training
    case deviceUptime = "device-uptime"
    case bindingCoverage = "binding-coverage"
    case violationsHandled = "violations-handled"
    case backupSchedule = "backup-schedule"
    case dutyLogDaily = "duty-log-daily"
    case faultRecords = "fault-records"
    case supervisorReviews = "supervisor-reviews"
    case idlePowerOn = "idle-power-on"
    case repairsAndScrapping = "repairs-and-scrapping"
    case loansReturned = "loans-returned"
    case passwordPolicy = "password-policy"
    case weeklyLogKeyword = "weekly-log-keyword"
    case firewallPresent = "firewall-present"
    case governanceCount = "governance-count"

    /// Parameters the check cannot run without; the loader reports a missing one with its line.
    public var requiredParameters: [String] {
        switch self {
        case .deviceSpec, .deviceUptime: ["kinds"]
        case .assetCount: ["kind", "minimum"]
        case .staffing: ["professionals"]
        case .degrees: ["minimum"]
        case .certificates: ["issuer"]
        case .training: ["sessions", "hours"]
        case .backupSchedule: ["schedule"]
        case .dutyLogDaily, .faultRecords, .bindingCoverage, .violationsHandled, .idlePowerOn,
            .repairsAndScrapping, .loansReturned, .passwordPolicy, .firewallPresent:
            []
        case .supervisorReviews: ["maxUnreviewedDays"]
        case .weeklyLogKeyword: ["keywords"]
        case .governanceCount: ["kind", "minimum"]
        }
    }
}

/// A parameter value: a number, a text, a list of texts, or a value per unit level.
public enum RuleParameter: Sendable, Hashable, Codable {
    case number(Double)
    case text(String)
    case list([String])
    /// A value per level, e.g. meetings: city 4, county 6.
    case byLevel([UnitLevel: RuleParameter])

    /// The value for `level`: the level's entry of a per-level value, else the value itself.
    public func value(for level: UnitLevel) -> RuleParameter? {
        if case .byLevel(let values) = self { return values[level] }
        return self
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var text: String? {
        switch self {
        case .text(let value): value
        case .number(let value): value == value.rounded() ? String(Int(value)) : String(value)
        default: nil
        }
    }

    public var list: [String]? {
        switch self {
        case .list(let values): values
        case .text(let value): [value]
        default: nil
        }
    }
}

/// One rule of the evaluation: what it requires, where the regulation says so, and how it is checked.
public struct ComplianceRule: Sendable, Hashable, Codable, Identifiable {
    /// A stable id such as `staff.training`; waivers and history refer to it.
    public var id: String
    /// The article cited, e.g. `Art. 149` or `Mgmt Art. 27`.
    public var article: String
    public var title: String
    public var titleZh: String
    public var area: ComplianceArea
    /// Relative weight within its area (XCCDF default model); positive.
    public var weight: Double
    /// The unit levels the rule applies to; other units get "not applicable".
    public var levels: [UnitLevel]
    public var check: CheckKind
    public var parameters: [String: RuleParameter]

    public init(
        id: String, article: String, title: String, titleZh: String, area: ComplianceArea, weight: Double,
        levels: [UnitLevel], check: CheckKind, parameters: [String: RuleParameter] = [:]
    ) {
        self.id = id
        self.article = article
        self.title = title
        self.titleZh = titleZh
        self.area = area
        self.weight = weight
        self.levels = levels
        self.check = check
        self.parameters = parameters
    }

    /// The parameter `name` for a unit of `level`, `nil` when the rule does not set one for it.
    public func parameter(_ name: String, level: UnitLevel) -> RuleParameter? {
        parameters[name]?.value(for: level)
    }
}
