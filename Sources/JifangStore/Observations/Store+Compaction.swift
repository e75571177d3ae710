import GRDB

extension Store {
    static let hourMillis: Int64 = 3_600_000

    /// Moves samples older than the hour before `newest`'s hour from `observations_recent` to
    /// `observations`, so the time-clustered table holds between one and two hours.
    ///
    /// Runs inside the caller's transaction. Moving an hour at a time writes each series' samples
    /// of that hour as one contiguous run, which is what keeps ingest cheap: the per-series table
    /// is touched once an hour per series instead of once per sample.
    func compactObservationsIfDue(_ db: Database, newest: Int64) throws {
        guard newest != Int64.min else { return }
        let cutoff = (newest / Self.hourMillis - 1) * Self.hourMillis
        let oldest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(time) FROM observations_recent"))
        guard let oldest, oldest < cutoff else { return }
        try compactObservations(db, before: cutoff)
    }

    /// Moves every sample with `time < cutoff` to the per-series table; a sample already there
    /// (a batch sent again) is replaced.
    func compactObservations(_ db: Database, before cutoff: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO observations (series, time, value, poll)
                SELECT series, time, value, poll FROM observations_recent WHERE time < ? ORDER BY series, time
                ON CONFLICT (series, time) DO UPDATE SET value = excluded.value, poll = excluded.poll
                """,
            arguments: [cutoff])
        try db.execute(sql: "DELETE FROM observations_recent WHERE time < ?", arguments: [cutoff])
    }
}
