import JifangConfig
import JifangModel

/// One kind of check (`check:` in rules.yaml): reads the store once for all units and judges each.
///
/// A check returns an outcome for each unit it is given; units it leaves out come back as
/// errors. Throwing marks the rule `error` for every unit with the error as the reason.
protocol ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
}

extension CheckKind {
    /// The Swift type that runs this kind of check.
    var implementation: any ComplianceCheck {
        switch self {
        case .deviceSpec: DeviceSpecCheck()
        case .assetCount: AssetCountCheck()
        case .staffing: StaffingCheck()
        case .degrees: DegreeCheck()
        case .certificates: CertificateCheck()
        case .training: TrainingCheck()
        case .deviceUptime: DeviceUptimeCheck()
        case .bindingCoverage: BindingCoverageCheck()
        case .violationsHandled: ViolationsHandledCheck()
        case .backupSchedule: BackupScheduleCheck()
        case .passwordPolicy: PasswordPolicyCheck()
        case .dutyLogDaily: DutyLogDailyCheck()
        case .faultRecords: FaultRecordsCheck()
        case .supervisorReviews: SupervisorReviewCheck()
        case .idlePowerOn: IdlePowerOnCheck()
        case .repairsAndScrapping: RepairsAndScrappingCheck()
        case .loansReturned: LoansReturnedCheck()
        case .weeklyLogKeyword: WeeklyLogKeywordCheck()
        case .firewallPresent: FirewallPresentCheck()
        case .governanceCount: GovernanceCountCheck()
        }
    }
}

extension ComplianceRule {
    func number(_ name: String, _ level: UnitLevel) -> Double? { parameter(name, level: level)?.number }
    func text(_ name: String, _ level: UnitLevel) -> String? { parameter(name, level: level)?.text }
    func list(_ name: String, _ level: UnitLevel) -> [String] { parameter(name, level: level)?.list ?? [] }
}

/// "1 item" / "3 items".
func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

func formatNumber(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
}
