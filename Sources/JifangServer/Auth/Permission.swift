import JifangModel

/// What a route needs; every route names one, and ``grants`` says which roles hold it.
///
/// The table is the one place the regulation's division of work is written down: administrators
/// run devices, bindings, backups, settings and accounts; auditors evaluate and read everything
/// else; technicians keep the duty log, the asset register and the lending desk.
public enum Permission: String, Sendable, CaseIterable, Codable {
    /// Anyone, signed in or not (sign-in page, style sheet).
    case `public`
    /// Any signed-in account: its own password and language.
    case ownAccount
    /// Dashboard, devices, alerts, findings, observations, the API's read side and /metrics.
    case viewMonitoring
    case manageDevices
    case manageBindings
    case manageBackups
    case manageSettings
    case manageAccounts
    case viewAuditTrail
    case viewEvaluations
    case runEvaluations
    /// Reading the duty log, the asset register and the lending desk (pages and API).
    case viewRecords
    case writeDutyLog
    case reviewDutyLog
    case manageAssets
    case manageLoans

    /// The permissions of each role.
    public static let grants: [AccountRole: Set<Permission>] = [
        .administrator: [
            .public, .ownAccount, .viewMonitoring, .manageDevices, .manageBindings, .manageBackups, .manageSettings,
            .manageAccounts, .viewAuditTrail, .viewEvaluations, .reviewDutyLog, .viewRecords,
        ],
        .auditor: [
            .public, .ownAccount, .viewMonitoring, .viewAuditTrail, .viewEvaluations, .runEvaluations, .viewRecords,
        ],
        .technician: [
            .public, .ownAccount, .viewMonitoring, .writeDutyLog, .manageAssets, .manageLoans,
            .viewRecords,
        ],
    ]

    /// Whether `role` holds this permission.
    public func isGranted(to role: AccountRole) -> Bool {
        Self.grants[role]?.contains(self) ?? false
    }
}
