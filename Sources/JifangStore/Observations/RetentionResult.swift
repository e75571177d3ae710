import struct Foundation.Date

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
