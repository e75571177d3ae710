import Foundation
import GRDB
import JifangModel

extension Store {
    /// Appends samples in one transaction; a sample for a series and time already stored
    /// replaces it, so a batch sent twice (store and forward) is stored once.
    ///
    /// - Parameter poll: the poll the samples came from, kept with each sample for traceability;
    ///   `nil` for samples that did not come from a poll.
    /// - Returns: the number of samples written.
    /// - Throws: ``StoreError`` when a sample names a device the store does not know, or its value
    ///   is not a number; then nothing of the batch is kept.
    @discardableResult
    public func insert(_ observations: [Observation], poll: Int64? = nil) throws -> Int {
        try write("store \(observations.count) observations") { db in
            try insertObservations(db, observations, poll: poll)
        }
    }

    /// Writes samples inside the caller's transaction.
    func insertObservations(_ db: Database, _ observations: [Observation], poll: Int64?) throws -> Int {
        guard !observations.isEmpty else { return 0 }
        var known = seriesCache.snapshot()
        var created: [SeriesKey: Int64] = [:]
        let statement = try SampleInsertStatement(db)
        var last: (key: SeriesKey, id: Int64)?
        var newest = Int64.min
        for observation in observations {
            let key = SeriesKey(device: observation.device, metric: observation.metric, instance: observation.instance)
            let series: Int64
            if let last, last.key == key {
                series = last.id
            } else if let id = known[key] {
                series = id
            } else {
                series = try seriesID(db, key)
                known[key] = series
                created[key] = series
            }
            last = (key, series)
            let time = observation.time.storeMillis
            newest = max(newest, time)
            try statement.insert(time: time, series: series, value: observation.value, poll: poll)
        }
        try compactObservationsIfDue(db, newest: newest)
        if !created.isEmpty {
            let cache = seriesCache
            let committed = created
            db.afterNextTransaction { _ in cache.add(committed) }
        }
        return observations.count
    }

    /// The id of a series, created when new.
    private func seriesID(_ db: Database, _ key: SeriesKey) throws -> Int64 {
        let arguments: StatementArguments = [key.device, key.metric, key.instance]
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM series WHERE device = ? AND metric = ? AND instance = ?"),
            arguments: arguments)
        {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO series (device, metric, instance) VALUES (?, ?, ?)")
            .execute(arguments: arguments)
        return db.lastInsertedRowID
    }

    /// Samples of one metric of one device with `from <= time < to`, by instance then time.
    ///
    /// - Parameter instance: one part (interface, sensor), or `nil` for every instance.
    public func observations(
        device: String, metric: String, instance: String? = nil, from: Date = .distantPast, to: Date = .distantFuture
    ) throws -> [Observation] {
        try read("read observations of \(device) \(metric)") { db in
            var seriesFilter = "s.device = ? AND s.metric = ?"
            var seriesArguments: StatementArguments = [device, metric]
            if let instance {
                seriesFilter += " AND s.instance = ?"
                seriesArguments += [instance]
            }
            let range: StatementArguments = [from.clampedMillis, to.clampedMillis]
            // Both tables may hold a series' samples; the recent one is at most two hours long.
            let sql = """
                SELECT device, metric, instance, time, value FROM (
                    SELECT s.device, s.metric, s.instance, o.time, o.value
                    FROM series s JOIN observations o ON o.series = s.id
                    WHERE \(seriesFilter) AND o.time >= ? AND o.time < ?
                    UNION ALL
                    SELECT s.device, s.metric, s.instance, r.time, r.value
                    FROM series s JOIN observations_recent r ON r.series = s.id
                    WHERE \(seriesFilter) AND r.time >= ? AND r.time < ?
                ) ORDER BY instance, time
                """
            return try Row.fetchAll(db, sql: sql, arguments: seriesArguments + range + seriesArguments + range)
                .map { try Self.observation($0) }
        }
    }

    /// The most recent sample of every series, of one device or of all, by device, metric, instance.
    public func latestObservations(device: String? = nil) throws -> [Observation] {
        try read("read the latest observations") { db in
            let filter = device == nil ? "" : "WHERE s.device = ?"
            let arguments: StatementArguments = device.map { [$0] } ?? []
            // SQLite returns the other columns of the row that holds max(time).
            let sql = """
                SELECT device, metric, instance, max(time) AS time, value FROM (
                    SELECT s.device, s.metric, s.instance, o.time, o.value
                    FROM series s JOIN observations o
                      ON o.series = s.id AND o.time = (SELECT max(time) FROM observations WHERE series = s.id)
                    \(filter)
                    UNION ALL
                    SELECT s.device, s.metric, s.instance, r.time, r.value
                    FROM series s JOIN observations_recent r ON r.series = s.id
                    \(filter)
                ) GROUP BY device, metric, instance ORDER BY device, metric, instance
                """
            return try Row.fetchAll(db, sql: sql, arguments: arguments + arguments).map { try Self.observation($0) }
        }
    }

    /// A sample joined with its series; the value is from `observations` (or `_recent`), the
    /// names from `series`, so an error names the column as the query selects it.
    private static func observation(_ row: Row) throws -> Observation {
        Observation(
            device: try row.decode(String.self, "device", in: "series"),
            metric: try row.decode(String.self, "metric", in: "series"),
            instance: try row.decode(String.self, "instance", in: "series"),
            time: try row.decodeTime("time", in: "observations"),
            value: try row.decode(Double.self, "value", in: "observations"))
    }
}

extension Date {
    /// A query bound in milliseconds: the same conversion as every stored time (``storeMillis``),
    /// so a bound beyond the years 0001…9999 (`distantPast`, `now - 1e300`) is held at the edge
    /// all stored times lie within, and NaN (`now - hours * 3600` with `hours` NaN) is the epoch.
    var clampedMillis: Int64 { storeMillis }
}
