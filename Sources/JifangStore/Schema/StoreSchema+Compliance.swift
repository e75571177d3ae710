/// Waivers and the history of half-yearly evaluations (Mgmt Art. 28, 30).
///
/// An evaluation is kept per period and unit; evaluating a period again replaces it, so ranking
/// flags ("top three two years running") read one row per unit and period.
extension StoreSchema {
    static let compliance = """
        CREATE TABLE waivers (
            id INTEGER PRIMARY KEY,
            rule TEXT NOT NULL,
            unit TEXT,
            justification TEXT NOT NULL,
            approver TEXT NOT NULL,
            starts_on TEXT NOT NULL,
            expires_on TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX waivers_rule ON waivers(rule, unit);
        CREATE TABLE evaluations (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL,
            unit TEXT NOT NULL,
            level TEXT NOT NULL,
            score REAL,
            rank INTEGER,
            ranked_among INTEGER,
            evaluated_at INTEGER NOT NULL,
            UNIQUE (period, unit)
        );
        CREATE TABLE evaluation_results (
            evaluation INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
            rule TEXT NOT NULL,
            status TEXT NOT NULL,
            score REAL,
            PRIMARY KEY (evaluation, rule)
        ) WITHOUT ROWID;

        """

    /// Each evaluation keeps its whole scorecard (JSON: rule results with evidence and waivers)
    /// and who ran it, so the evidence can be shown later as it was when the unit was scored.
    static let evaluationScorecards = """
        ALTER TABLE evaluations ADD COLUMN scorecard TEXT;
        ALTER TABLE evaluations ADD COLUMN evaluated_by TEXT;
        """
}
