import Foundation
import JifangCompliance
import JifangStore

/// Reads the scorecards the evaluator kept with each stored evaluation.
struct StoredScorecards {
    let store: Store

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// The scorecard of evaluation `record`, `nil` when it was stored without one.
    func scorecard(_ record: EvaluationRecord) throws -> Scorecard? {
        guard let data = try store.evaluationScorecard(id: record.id) else { return nil }
        return try Self.decoder.decode(Scorecard.self, from: data)
    }

    /// The evaluation of `unit` for `period`, with its scorecard.
    func find(period: String, unit: String) throws -> (record: EvaluationRecord, card: Scorecard?)? {
        guard let record = try store.evaluationRecords(period: period, unit: unit).first else { return nil }
        return (record, try scorecard(record))
    }

    /// Every evaluation of `period`, with scorecards where kept.
    func all(period: String) throws -> [(record: EvaluationRecord, card: Scorecard?)] {
        try store.evaluationRecords(period: period).map { ($0, try scorecard($0)) }
    }
}
