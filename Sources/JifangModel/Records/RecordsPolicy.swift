/// The operations-records rules that are policy rather than code (Policies/records.yaml).
public struct RecordsPolicy: Sendable, Hashable, Codable {
    /// How long a loan lasts, and how far a renewal extends it (Art. 146: at most one month).
    public var loanDays: Int
    /// How many times one loan may be renewed.
    public var maxRenewals: Int
    /// Idle equipment is powered on at least every this many months (Art. 137: monthly).
    public var idlePowerOnMonths: Int
    /// A power-on run counts as "due" this many days before it becomes overdue.
    public var powerOnDueWithinDays: Int
    /// Where duty-log days begin, seconds east of UTC (28,800 for China Standard Time).
    public var utcOffsetSeconds: Int

    public init(
        loanDays: Int = 30, maxRenewals: Int = 2, idlePowerOnMonths: Int = 1, powerOnDueWithinDays: Int = 7,
        utcOffsetSeconds: Int = 28_800
    ) {
        self.loanDays = loanDays
        self.maxRenewals = maxRenewals
        self.idlePowerOnMonths = idlePowerOnMonths
        self.powerOnDueWithinDays = powerOnDueWithinDays
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}
