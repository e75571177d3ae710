import Foundation
import Hummingbird
import JifangModel

/// The one way routes read a request's query string: every parameter is converted to its type
/// with the range it may take, and anything else is refused with ``QueryRefusal``, naming the
/// parameter.
///
/// A query is typed by anyone who can sign in or hold a token, so nothing read here may trap:
/// numbers go through `Int(exactly:)`-style parsing and `isFinite`, dates through parsers that
/// return `nil`, and every value is checked against a closed range before it is used in date
/// arithmetic or handed to the store. A parameter that is absent takes its default; one that is
/// present but out of range is refused rather than clamped, on pages as in the API, so that a
/// reader never sees a list silently different from the one asked for.
///
/// ``SecuredRoutes`` answers a refusal: 400 `{"error": "...", "field": "hours"}` under /api/,
/// and a 400 page saying what the parameter must be elsewhere.
struct Query: Sendable {
    let parameters: [String: String]

    init(_ request: Request) {
        var parameters: [String: String] = [:]
        // A repeated parameter keeps its last value, as `Form` does with fields.
        for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
        self.parameters = parameters
    }

    /// The raw text of `name`, or `nil` when absent or empty: an empty field of a GET form sends
    /// `name=`, which asks for the default as much as leaving it out does.
    private func raw(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }

    /// An integer in `range`; `fallback` when absent.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(QueryRefusal) -> Int {
        guard let text = raw(name) else { return fallback }
        // `Int(_:)` on text returns nil on overflow (`99999999999999999999`) rather than trapping.
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw QueryRefusal(name, text, mustBe: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A record id (a positive integer), or `nil` when absent.
    func id(_ name: String) throws(QueryRefusal) -> Int64? {
        guard raw(name) != nil else { return nil }
        return Int64(try int(name, default: 0, in: 1...Int.max))
    }

    /// A finite number in `range`; `fallback` when absent. NaN and infinities are refused.
    func double(_ name: String, default fallback: Double, in range: ClosedRange<Double>) throws(QueryRefusal)
        -> Double
    {
        guard let text = raw(name) else { return fallback }
        // Decimal only: `Double(_:)` also reads `0x1p4`, `nan` and `inf`, which no one means here.
        let decimal = text.trimmingCharacters(in: .whitespaces)
        guard decimal.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
            let value = Double(decimal), value.isFinite, range.contains(value)
        else {
            throw QueryRefusal(
                name, text, mustBe: "a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))")
        }
        return value
    }

    /// A calendar day `yyyy-MM-dd`, or `nil` when absent.
    func day(_ name: String) throws(QueryRefusal) -> CalendarDay? {
        guard let text = raw(name) else { return nil }
        guard let day = CalendarDay(text) else { throw QueryRefusal(name, text, mustBe: CalendarDay.textForm) }
        return day
    }

    /// An ISO 8601 time (`2025-06-01T00:00:00Z`) of the years 1970…9999, or `nil` when absent.
    func time(_ name: String) throws(QueryRefusal) -> Date? {
        guard let text = raw(name) else { return nil }
        guard text.utf8.count <= 64, let date = ISO8601DateFormatter().date(from: text),
            Self.times.contains(date)
        else {
            throw QueryRefusal(name, text, mustBe: "an ISO 8601 time, e.g. 2025-06-01T00:00:00Z")
        }
        return date
    }

    /// One of a type's raw values; `fallback` when absent.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, default fallback: Value)
        throws(QueryRefusal) -> Value where Value.RawValue == String
    {
        try choice(name, as: Value.self) ?? fallback
    }

    /// One of a type's raw values, or `nil` when absent.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type)
        throws(QueryRefusal) -> Value? where Value.RawValue == String
    {
        try choice(name, among: Value.allCases.map(\.rawValue)).flatMap(Value.init(rawValue:))
    }

    /// One of `values`, or `nil` when absent.
    func choice(_ name: String, among values: [String]) throws(QueryRefusal) -> String? {
        guard let text = raw(name) else { return nil }
        guard values.contains(text) else {
            throw QueryRefusal(name, text, mustBe: "one of \(values.joined(separator: ", "))")
        }
        return text
    }

    /// A value `parse` makes of the text (such as an asset state's many names), or `nil` when
    /// absent; refused as not `expectation` when `parse` gives `nil`.
    func parsed<Value>(_ name: String, mustBe expectation: String, _ parse: (String) -> Value?)
        throws(QueryRefusal) -> Value?
    {
        guard let text = raw(name) else { return nil }
        guard text.utf8.count <= 128, let value = parse(text) else {
            throw QueryRefusal(name, text, mustBe: expectation)
        }
        return value
    }

    /// A switch: `true`/`1` or `false`/`0`; `false` when absent.
    func flag(_ name: String) throws(QueryRefusal) -> Bool {
        guard let text = raw(name) else { return false }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw QueryRefusal(name, text, mustBe: "true or false")
        }
    }

    /// Free text (a device name, a metric, a notice) of at most `maximumLength` characters and no
    /// control characters, or `nil` when absent.
    func text(_ name: String, maximumLength: Int = 128) throws(QueryRefusal) -> String? {
        guard let text = raw(name) else { return nil }
        guard text.unicodeScalars.count <= maximumLength,
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw QueryRefusal(
                name, text, mustBe: "text of at most \(maximumLength) characters without control characters")
        }
        return text
    }

    /// A path on this site to send the browser to (`?next=`), or `nil` when absent or not a
    /// same-origin path (see ``SignInRules/localPath(_:)``). Never refused: a sign-in with a bad
    /// `next` still signs in, and goes to `/`.
    func localPath(_ name: String) -> String? { raw(name).flatMap(SignInRules.localPath) }

    /// A preference the reader need not get right, such as `lang`: a value that is not one of
    /// `values` is ignored (`nil`) rather than refused, since a refusal page needs a language too.
    func preference(_ name: String, among values: [String]) -> String? {
        raw(name).flatMap { values.contains($0) ? $0 : nil }
    }

    /// The times a query may name: the store keeps milliseconds since 1970 in an Int64.
    static let times = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 253_402_300_799)

    /// `24`, `8760`, `0.5`: a bound as a person writes it.
    private static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A query parameter that is not what its route takes; answered with 400 naming the parameter.
struct QueryRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter at fault, e.g. `hours`.
    var field: String
    /// What was wrong, in English for the API: `hours must be a number from 0 to 87600 (got "nan")`.
    var message: String

    init(_ field: String, _ value: String, mustBe expectation: String) {
        self.field = field
        // Bounded and with control characters shown escaped, so a hostile value is not echoed whole.
        let shown = String(value.unicodeScalars.prefix(40).map { $0.escaped(asASCII: false) }.joined())
        let more = value.unicodeScalars.count > 40 ? "…" : ""
        message = "\(field) must be \(expectation) (got \"\(shown)\(more)\")"
    }

    var description: String { message }

    /// The API's answer: `{"error": message, "field": field}` with 400.
    var json: JSONRefusal { JSONRefusal(message, field: field) }

    /// What a page says, in both languages (the parameter's rule is written in English).
    var phrase: Phrase {
        Phrase("The address is not valid: \(message).", "网址参数无效：\(message)。")
    }
}
