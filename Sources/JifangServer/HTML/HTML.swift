/// A fragment of HTML whose interpolations are escaped unless they are themselves `HTML`.
///
/// Templates are written as string literals: `"<td>\(device.name)</td>"` escapes the name, while
/// `"<div>\(row)</div>"` with `row: HTML` inserts it as is. Text from people and devices therefore
/// cannot inject markup.
public struct HTML: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var text: String

    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    /// Trusted markup, inserted without escaping. Only for markup built in this module.
    public init(unsafe markup: String) { text = markup }

    public var description: String { text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(_ html: HTML) { text += html.text }
        public mutating func appendInterpolation(_ html: [HTML]) { for part in html { text += part.text } }
        public mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        public mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        public mutating func appendInterpolation(_ value: Substring) { text += HTML.escape(String(value)) }
    }

    /// Escapes the five characters that matter in text and attribute values.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(unsafe: lhs.text + rhs.text) }
}

extension Array where Element == HTML {
    /// The fragments one after the other.
    public func joined() -> HTML { HTML(unsafe: map(\.text).joined()) }
}
