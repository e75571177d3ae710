/// A JSON value, for writing the OpenAPI document as Swift literals.
public indirect enum OpenAPIValue: Sendable, Encodable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral
{
    case string(String)
    case object([String: OpenAPIValue])
    case array([OpenAPIValue])
    case bool(Bool)
    case int(Int)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(dictionaryLiteral elements: (String, OpenAPIValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(arrayLiteral elements: OpenAPIValue...) { self = .array(elements) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        }
    }

    /// The members of an object, empty for other values.
    public var members: [String: OpenAPIValue] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// Two objects' members together (`other`'s win), e.g. a path's `get` and `post`; other values give `other`.
    public func merging(_ other: OpenAPIValue) -> OpenAPIValue {
        guard case .object(let mine) = self, case .object(let theirs) = other else { return other }
        return .object(mine.merging(theirs) { _, new in new })
    }
}
