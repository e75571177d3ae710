/// One problem found in a configuration file, with the file, line and field it concerns.
///
/// `description` reads `file:line: field: reason`, for example
/// `Inventory/site.yaml:14: devices[3].port: 70000 is not a UDP port (use 1–65535)`. The file is
/// named as the caller passed it to the loader. Secrets are never part of an error.
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The text is not valid YAML; `line` and `column` are where the parser stopped.
    case syntax(file: String, line: Int, column: Int, reason: String)
    /// A field the format requires is absent; `line` is the line of the mapping that lacks it.
    case missingField(file: String, line: Int, field: String)
    /// A field the format does not know, usually a typo; `allowed` lists the known ones.
    case unknownField(file: String, line: Int, field: String, allowed: [String])
    /// A value of the wrong YAML type, e.g. a list where a number belongs.
    case wrongType(file: String, line: Int, field: String, expected: String, found: String)
    /// A value of the right type that the format does not accept.
    case invalidField(file: String, line: Int, field: String, reason: String)
    /// A name that must be unique is used a second time.
    case duplicate(file: String, line: Int, field: String, value: String, firstField: String, firstLine: Int)

    public var file: String {
        switch self {
        case .unreadable(let file, _), .syntax(let file, _, _, _), .missingField(let file, _, _),
            .unknownField(let file, _, _, _), .wrongType(let file, _, _, _, _), .invalidField(let file, _, _, _),
            .duplicate(let file, _, _, _, _, _):
            file
        }
    }

    /// 1-based line, or `nil` when the whole file is concerned.
    public var line: Int? {
        switch self {
        case .unreadable: nil
        case .syntax(_, let line, _, _), .missingField(_, let line, _), .unknownField(_, let line, _, _),
            .wrongType(_, let line, _, _, _), .invalidField(_, let line, _, _), .duplicate(_, let line, _, _, _, _):
            line
        }
    }

    /// The dotted field path, e.g. `devices[3].port`; empty for file-level problems.
    public var field: String {
        switch self {
        case .unreadable, .syntax: ""
        case .missingField(_, _, let field), .unknownField(_, _, let field, _), .wrongType(_, _, let field, _, _),
            .invalidField(_, _, let field, _), .duplicate(_, _, let field, _, _, _):
            field
        }
    }

    /// What is wrong and how to fix it, without the location.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason):
            return reason
        case .syntax(_, _, let column, let reason):
            return "YAML syntax error at column \(column): \(reason)"
        case .missingField:
            return "required field is missing"
        case .unknownField(_, _, let field, let allowed):
            let name = Self.lastKey(of: field)
            var text = "unknown field \"\(name)\""
            if let suggestion = Self.closest(to: name, in: allowed) {
                text += " (did you mean \"\(suggestion)\"?)"
            }
            return text + "; allowed fields: " + allowed.joined(separator: ", ")
        case .wrongType(_, _, _, let expected, let found):
            return "expected \(expected), found \(found)"
        case .invalidField(_, _, _, let reason):
            return reason
        case .duplicate(_, _, _, let value, let firstField, let firstLine):
            return "\"\(value)\" is already used by \(firstField) (line \(firstLine)); it must be unique"
        }
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !field.isEmpty { text += field + ": " }
        return text + reason
    }

    /// The last key of a field path: `port` of `devices[3].port`, `env.x` of `facts["env.x"]`.
    private static func lastKey(of field: String) -> String {
        if field.hasSuffix("\"]"), let open = field.range(of: "[\"", options: .backwards) {
            return String(field[open.upperBound..<field.index(field.endIndex, offsetBy: -2)])
        }
        return field.split(separator: ".").last.map(String.init) ?? field
    }

    /// The allowed name within edit distance 2 of `name`, if exactly one is closest.
    private static func closest(to name: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
