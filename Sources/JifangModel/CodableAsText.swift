/// A value that JSON and YAML hold as its text form (`2026-11-23`, `10.20.0.0/16`), read back
/// with the same parser people's input goes through.
///
/// Conforming supplies `Codable`: encoding writes `description`; decoding reads a string and
/// fails with `DecodingError.dataCorrupted` saying "TEXT is not ``textForm``" when it does not parse.
public protocol CodableAsText: Codable, CustomStringConvertible {
    /// The value `text` spells, or `nil` when it spells none.
    init?(_ text: String)

    /// What the text should be, for the decoding error: e.g. `a date (yyyy-MM-dd)`.
    static var textForm: String { get }
}

extension CodableAsText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not \(Self.textForm)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
