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
