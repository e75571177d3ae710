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
                        scorecard IS NOT NULL AS has_scorecard
                    FROM evaluations \(filter) ORDER BY period DESC, unit
                    """, arguments: arguments
            ).map { row in
                // A level no version wrote fails the read rather than reading as `county`, which
                // would rank the unit among the wrong peers.
                let table = "evaluations"
                return EvaluationRecord(
                    id: try row.decode(Int64.self, "id", in: table),
                    period: try row.decode(String.self, "period", in: table),
                    unit: try row.decode(String.self, "unit", in: table),
                    level: try row.decode(UnitLevel.self, "level", in: table),
                    score: try row.decodeIfPresent(Double.self, "score", in: table),
                    rank: try row.decodeIfPresent(Int.self, "rank", in: table),
                    rankedAmong: try row.decodeIfPresent(Int.self, "ranked_among", in: table),
                    evaluatedAt: try row.decodeTime("evaluated_at", in: table),
                    evaluatedBy: try row.decodeIfPresent(String.self, "evaluated_by", in: table),
                    hasScorecard: try row.decode(Bool.self, "has_scorecard", in: table))
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
