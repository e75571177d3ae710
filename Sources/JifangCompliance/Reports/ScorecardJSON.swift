import Foundation

/// The JSON rendering (`--format json`): the ``EvaluationReport`` as is, keys sorted, dates ISO 8601.
public enum ScorecardJSON {
    public static func render(_ report: EvaluationReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
