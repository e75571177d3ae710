import Foundation
import GRDB
import JifangModel

extension Store {
    /// Stored evaluations, newest period first, then by unit; each `nil` filter means any.
    public func evaluationRecords(period: String? = nil, unit: String? = nil) throws -> [EvaluationRecord] {
        try read("read the evaluations") { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let period {
                conditions.append("period = ?")
                arguments += [period]
            }
            if let unit {
                conditions.append("unit = ?")
                arguments += [unit]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, period, unit, level, score, rank, ranked_among, evaluated_at, evaluated_by,
                        scorecard IS NOT NULL
                    FROM evaluations \(filter) ORDER BY period DESC, unit
                    """, arguments: arguments
            ).map { row in
                EvaluationRecord(
                    id: row[0], period: row[1], unit: row[2], level: UnitLevel(rawValue: row[3]) ?? .county,
                    score: row[4], rank: row[5], rankedAmong: row[6], evaluatedAt: Date(storeMillis: row[7]),
                    evaluatedBy: row[8], hasScorecard: row[9])
            }
        }
    }

    /// The scorecard JSON kept with evaluation `id`; `nil` when there is no such evaluation or
    /// it was stored without one.
    public func evaluationScorecard(id: Int64) throws -> Data? {
        try read("read evaluation \(id)") { db in
            try String.fetchOne(db, sql: "SELECT scorecard FROM evaluations WHERE id = ?", arguments: [id])
                .map { Data($0.utf8) }
        }
    }
}
