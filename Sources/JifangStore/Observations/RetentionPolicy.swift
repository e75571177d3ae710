import struct Foundation.Date

/// How long samples are kept at each resolution (Policies/ sets it; Art. 31 asks for traffic
/// history to plan upgrades).
///
/// Raw samples older than `rawDays` are rolled into hourly min/avg/max/count, hourly rows older
/// than `hourlyDays` into daily ones, and daily rows older than `dailyDays` are deleted.
/// Requires `0 <= rawDays <= hourlyDays <= dailyDays`.
public struct RetentionPolicy: Sendable, Hashable, Codable {
    public var rawDays: Int
    public var hourlyDays: Int
    public var dailyDays: Int
    /// Where days start, as seconds east of UTC (28,800 for China Standard Time); hours follow
    /// the same offset.
    public var utcOffsetSeconds: Int

    public init(rawDays: Int = 14, hourlyDays: Int = 90, dailyDays: Int = 1830, utcOffsetSeconds: Int = 0) {
        self.rawDays = rawDays
        self.hourlyDays = hourlyDays
        self.dailyDays = dailyDays
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// What one ``Store/applyRetention(policy:now:)`` did.
public struct RetentionResult: Sendable, Hashable {
    /// Raw samples rolled into hourly rows and deleted.
    public var rawRolledUp: Int
    /// Hourly rows rolled into daily rows and deleted.
    public var hourlyRolledUp: Int
    /// Daily rows deleted.
    public var dailyDeleted: Int

    public init(rawRolledUp: Int, hourlyRolledUp: Int, dailyDeleted: Int) {
        self.rawRolledUp = rawRolledUp
        self.hourlyRolledUp = hourlyRolledUp
        self.dailyDeleted = dailyDeleted
    }
}

/// The resolution of a rolled-up series.
public enum Resolution: String, Sendable, Codable {
    case hourly, daily

    var table: String { self == .hourly ? "observations_hourly" : "observations_daily" }
}

/// One bucket of a rolled-up series: samples with `time <= t < time + 1 hour (or day)`.
public struct RollupSample: Sendable, Hashable, Codable {
    public var device: String
    public var metric: String
    public var instance: String
    /// The start of the bucket.
    public var time: Date
    public var min: Double
    public var avg: Double
    public var max: Double
    /// How many raw samples the bucket summarises.
    public var count: Int
}
