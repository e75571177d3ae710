import Foundation
import GRDB
import JifangModel

extension Store {
    /// Stores the evaluations of one period in one transaction, replacing earlier ones of the same
    /// period and unit.
    public func saveEvaluations(_ evaluations: [StoredEvaluation]) throws {
        try write("store \(evaluations.count) evaluations") { db in
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO evaluations (period, unit, level, score, rank, ranked_among, evaluated_at, scorecard,
                        evaluated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let result = try db.makeStatement(
                sql: "INSERT INTO evaluation_results (evaluation, rule, status) VALUES (?, ?, ?)")
            let delete = try db.makeStatement(sql: "DELETE FROM evaluations WHERE period = ? AND unit = ?")
            for evaluation in evaluations {
                try delete.execute(arguments: [evaluation.period, evaluation.unit])
                try insert.execute(arguments: [
                    evaluation.period, evaluation.unit, evaluation.level.rawValue, evaluation.score, evaluation.rank,
                    evaluation.rankedAmong, evaluation.evaluatedAt.storeMillis,
                    evaluation.scorecard.map { String(decoding: $0, as: UTF8.self) }, evaluation.evaluatedBy,
                ])
                let id = db.lastInsertedRowID
                for (rule, status) in evaluation.statuses.sorted(by: { $0.key < $1.key }) {
                    try result.execute(arguments: [id, rule, status])
                }
            }
        }
    }

    /// The stored evaluations of `periods` (e.g. `["2026H1", "2025H2"]`), with their rule statuses.
    public func evaluations(periods: [String]) throws -> [StoredEvaluation] {
        try read("read the evaluation history") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM evaluations WHERE period IN (SELECT value FROM json_each(?)) ORDER BY period, unit
                    """, arguments: [Self.jsonArray(periods)])
            var statuses: [Int64: [String: String]] = [:]
            let resultRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.evaluation, r.rule, r.status FROM evaluation_results r JOIN evaluations e ON e.id = r.evaluation
                    WHERE e.period IN (SELECT value FROM json_each(?))
                    """, arguments: [Self.jsonArray(periods)])
            for row in resultRows {
                let table = "evaluation_results"
                let evaluation = try row.decode(Int64.self, "evaluation", in: table)
                statuses[evaluation, default: [:]][try row.decode(String.self, "rule", in: table)] =
                    try row.decode(String.self, "status", in: table)
            }
            return try rows.map { row in
                let table = "evaluations"
                return StoredEvaluation(
                    period: try row.decode(String.self, "period", in: table),
                    unit: try row.decode(String.self, "unit", in: table),
                    level: try row.decode(UnitLevel.self, "level", in: table),
                    score: try row.decodeIfPresent(Double.self, "score", in: table),
                    rank: try row.decodeIfPresent(Int.self, "rank", in: table),
                    rankedAmong: try row.decodeIfPresent(Int.self, "ranked_among", in: table),
                    evaluatedAt: try row.decodeTime("evaluated_at", in: table),
                    statuses: statuses[try row.decode(Int64.self, "id", in: table)] ?? [:])
            }
        }
    }
}
