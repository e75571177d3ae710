import Foundation
import GRDB
import JifangModel

extension Store {
    /// Rolls raw samples into hourly rows and hourly rows into daily ones before deleting them,
    /// and drops daily rows past the policy, in one transaction.
    ///
    /// Only whole hours and days are rolled up, and a bucket that already exists is merged
    /// (min of mins, count-weighted average, max of maxes), so running it again, or after late
    /// samples arrived, counts every sample exactly once.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` for a policy whose periods
    ///   are negative or not in order raw ≤ hourly ≤ daily.
    @discardableResult
    public func applyRetention(policy: RetentionPolicy, now: Date = Date()) throws -> RetentionResult {
        let operation = "apply the retention policy"
        guard 0 <= policy.rawDays, policy.rawDays <= policy.hourlyDays, policy.hourlyDays <= policy.dailyDays else {
            throw StoreError.invalidArgument(
                path: path, operation: operation,
                reason: "raw (\(policy.rawDays)), hourly (\(policy.hourlyDays)) and daily (\(policy.dailyDays)) "
                    + "days must be 0 or more and in that order")
        }
        let offset = Int64(policy.utcOffsetSeconds) * 1000
        let day: Int64 = 86_400_000
        func floor(_ millis: Int64, _ size: Int64) -> Int64 {
            let shifted = millis + offset
            return (shifted - ((shifted % size) + size) % size) - offset
        }
        let nowMillis = now.storeMillis
        let rawCutoff = floor(nowMillis - Int64(policy.rawDays) * day, Self.hourMillis)
        let hourlyCutoff = floor(nowMillis - Int64(policy.hourlyDays) * day, day)
        let dailyCutoff = floor(nowMillis - Int64(policy.dailyDays) * day, day)

        return try write(operation) { db in
            try compactObservations(db, before: rawCutoff)
            try db.execute(
                sql: Self.rollUp(
                    into: "observations_hourly", size: Self.hourMillis, offset: offset,
                    select: "min(value), avg(value), max(value), count(*)", from: "observations"),
                arguments: [rawCutoff])
            try db.execute(
                sql: "DELETE FROM observations WHERE series IN (SELECT id FROM series) AND time < ?",
                arguments: [rawCutoff])
            let rawRolledUp = db.changesCount
            try db.execute(
                sql: Self.rollUp(
                    into: "observations_daily", size: day, offset: offset,
                    select: "min(min_value), sum(avg_value * count) / sum(count), max(max_value), sum(count)",
                    from: "observations_hourly"),
                arguments: [hourlyCutoff])
            try db.execute(
                sql: "DELETE FROM observations_hourly WHERE series IN (SELECT id FROM series) AND time < ?",
                arguments: [hourlyCutoff])
            let hourlyRolledUp = db.changesCount
            try db.execute(
                sql: "DELETE FROM observations_daily WHERE series IN (SELECT id FROM series) AND time < ?",
                arguments: [dailyCutoff])
            return RetentionResult(
                rawRolledUp: rawRolledUp, hourlyRolledUp: hourlyRolledUp, dailyDeleted: db.changesCount)
        }
    }

    /// Aggregates rows older than the bound cutoff into buckets of `size` ms, merging with
    /// buckets already there. (`series IN` lets SQLite seek each series' range by primary key.)
    private static func rollUp(into table: String, size: Int64, offset: Int64, select: String, from source: String)
        -> String
    {
        """
        INSERT INTO \(table) (series, time, min_value, avg_value, max_value, count)
        SELECT series, ((time + \(offset)) / \(size)) * \(size) - \(offset) AS bucket, \(select)
        FROM \(source) WHERE series IN (SELECT id FROM series) AND time < ?
        GROUP BY series, bucket
        ON CONFLICT (series, time) DO UPDATE SET
            min_value = min(min_value, excluded.min_value),
            max_value = max(max_value, excluded.max_value),
            avg_value = (avg_value * count + excluded.avg_value * excluded.count) / (count + excluded.count),
            count = count + excluded.count
        """
    }

    /// Rolled-up buckets of one metric of one device with `from <= bucket start < to`, by
    /// instance then time.
    public func rollups(
        device: String, metric: String, instance: String? = nil, resolution: Resolution,
        from: Date = .distantPast, to: Date = .distantFuture
    ) throws -> [RollupSample] {
        try read("read \(resolution.rawValue) observations of \(device) \(metric)") { db in
            var sql = """
                SELECT s.device, s.metric, s.instance, o.time, o.min_value, o.avg_value, o.max_value, o.count
                FROM series s JOIN \(resolution.table) o ON o.series = s.id
                WHERE s.device = ? AND s.metric = ? AND o.time >= ? AND o.time < ?
                """
            var arguments: StatementArguments = [device, metric, from.clampedMillis, to.clampedMillis]
            if let instance {
                sql += " AND s.instance = ?"
                arguments += [instance]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY s.instance, o.time", arguments: arguments).map { row in
                let table = resolution.table
                return RollupSample(
                    device: try row.decode(String.self, "device", in: "series"),
                    metric: try row.decode(String.self, "metric", in: "series"),
                    instance: try row.decode(String.self, "instance", in: "series"),
                    time: try row.decodeTime("time", in: table),
                    min: try row.decode(Double.self, "min_value", in: table),
                    avg: try row.decode(Double.self, "avg_value", in: table),
                    max: try row.decode(Double.self, "max_value", in: table),
                    count: try row.decode(Int.self, "count", in: table))
            }
        }
    }
}
