/// The backup schedule and retention rules (Policies/backups.yaml; Art. 141–143).
///
/// Databases, logs and documents are due once per calendar month; configurations after every
/// change; a disc image for each quarter once it has ended; an archive package for each year
/// once it has ended. Periods begin at midnight at `utcOffsetSeconds` east of UTC.
public struct BackupPolicy: Sendable, Hashable, Codable {
    public var utcOffsetSeconds: Int
    /// Categories backed up once per month.
    public var monthlyCategories: Set<BackupCategory>
    /// Days into a month after which a missing monthly backup is overdue rather than due.
    public var graceDays: Int
    /// Good monthly backups kept in the repository per target; older ones are pruned (the
    /// quarter's disc and the year's archive keep them).
    public var keepBackups: Int
    /// Configuration versions kept in the repository per device.
    public var keepConfigVersions: Int
    /// Largest disc image, in bytes (a single-layer DVD by default).
    public var discCapacityBytes: Int64
    /// Regular expressions for configuration lines that change without a change of
    /// configuration (timestamps, uptime); they are masked before comparing versions.
    public var volatilePatterns: [String]
    /// Regular expressions for secrets in configurations; the first capture group (or the whole
    /// match) is masked in diffs shown to people.
    public var secretPatterns: [String]
    /// Vendor objects that change when a device's configuration changes (e.g. Cisco's
    /// ccmHistoryRunningLastChanged), read before the fingerprint tables.
    public var changeOIDs: [String]
    /// Table columns whose contents fingerprint a configuration when no vendor object answers
    /// (interfaces, addresses, VLANs, routes).
    public var fingerprintColumns: [String]

    public init(
        utcOffsetSeconds: Int = 8 * 3600,
        monthlyCategories: Set<BackupCategory> = [.database, .logs, .documents], graceDays: Int = 5,
        keepBackups: Int = 12, keepConfigVersions: Int = 100, discCapacityBytes: Int64 = 4_700_000_000,
        volatilePatterns: [String] = [], secretPatterns: [String] = [], changeOIDs: [String] = [],
        fingerprintColumns: [String] = []
    ) {
        self.utcOffsetSeconds = utcOffsetSeconds
        self.monthlyCategories = monthlyCategories
        self.graceDays = graceDays
        self.keepBackups = keepBackups
        self.keepConfigVersions = keepConfigVersions
        self.discCapacityBytes = discCapacityBytes
        self.volatilePatterns = volatilePatterns
        self.secretPatterns = secretPatterns
        self.changeOIDs = changeOIDs
        self.fingerprintColumns = fingerprintColumns
    }
}
