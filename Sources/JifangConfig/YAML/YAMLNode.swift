import Yams

/// A YAML node with its field path, read through typed accessors that report problems.
///
/// Each accessor returns `nil` after recording a ``ConfigError`` naming the file, line and
/// field, so a loader can keep going and report every problem of a file.
struct YAMLNode {
    let node: Node
    /// Dotted path from the root, e.g. `devices[3].port`; empty for the root.
    let path: String
    /// The line of the field's key (or of the list item), which is where people look.
    let line: Int
    let diagnostics: ConfigDiagnostics

    var file: String { diagnostics.file }

    var isNull: Bool {
        if case .scalar(let scalar) = node { return scalar.tagName == .null }
        return false
    }

    /// What the node is, in words, for wrong-type messages.
    var found: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.tagName == .null { return "nothing" }
            if node.int != nil && scalar.tagName == .int { return "the number \(scalar.string)" }
            if scalar.tagName == .float { return "the number \(scalar.string)" }
            if scalar.tagName == .bool { return "the boolean \(scalar.string)" }
            return "the text \"\(scalar.string)\""
        }
    }

    /// What the node is, without its value: for fields that hold or point to secrets, where the
    /// value written may be the secret itself and must never reach an error message or a log.
    var foundConcealed: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar): return scalar.tagName == .null ? "nothing" : "a plain value (not shown)"
        }
    }

    /// Reports a wrong type without echoing the value; see ``foundConcealed``.
    func wrongTypeConcealed(_ expected: String) {
        diagnostics.report(
            .wrongType(file: file, line: line, field: path, expected: expected, found: foundConcealed))
    }

    /// The node as a mapping of secret-bearing fields: a wrong type and unknown keys are reported
    /// without echoing what was written, since a secret written in the wrong place must not be shown.
    func concealedMapping(allowed: [String]) -> YAMLMapping? {
        guard case .mapping = node, let mapping = anyMapping() else {
            wrongTypeConcealed("a mapping")
            return nil
        }
        for entry in mapping.entries where !allowed.contains(entry.key) {
            diagnostics.report(
                .invalidField(
                    file: file, line: entry.value.line, field: path,
                    reason: "has a field that is none of \(allowed.joined(separator: ", ")) "
                        + "(its name is not shown: it may be a secret)"))
        }
        return mapping
    }

    func invalid(_ reason: String) {
        diagnostics.report(.invalidField(file: file, line: line, field: path, reason: reason))
    }

    func wrongType(_ expected: String) {
        diagnostics.report(.wrongType(file: file, line: line, field: path, expected: expected, found: found))
    }

    /// The node as a mapping whose keys must be among `allowed`; unknown keys are reported.
    func mapping(allowed: [String]) -> YAMLMapping? {
        guard let mapping = anyMapping() else { return nil }
        for entry in mapping.entries where !allowed.contains(entry.key) {
            diagnostics.report(
                .unknownField(file: file, line: entry.value.line, field: entry.value.path, allowed: allowed))
        }
        return mapping
    }

    /// The node as a mapping with keys chosen by the file's author, such as fact names.
    func anyMapping() -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            wrongType("a mapping")
            return nil
        }
        let entries = mapping.map { pair in
            // A list or mapping as a key is named by its kind, never described: through aliases a
            // description is as large as the expanded tree (megabytes from a 400-byte file).
            let key =
                pair.key.string ?? "<\(YAMLNode(node: pair.key, path: "", line: line, diagnostics: diagnostics).found)>"
            let keyLine = pair.key.mark?.line ?? line
            // Keys such as fact names contain dots; quoting keeps the path readable.
            let childPath = key.contains(".") ? "\(path)[\"\(key)\"]" : path.isEmpty ? key : "\(path).\(key)"
            return (
                key: key, value: YAMLNode(node: pair.value, path: childPath, line: keyLine, diagnostics: diagnostics)
            )
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The node as a list of nodes.
    func sequence() -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            wrongType("a list")
            return nil
        }
        return sequence.enumerated().map { index, element in
            YAMLNode(
                node: element, path: "\(path)[\(index)]", line: element.mark?.line ?? line, diagnostics: diagnostics)
        }
    }

    /// The node as a list, accepting a single value as a list of one.
    func oneOrMany() -> [YAMLNode]? {
        if case .sequence = node { return sequence() }
        return [self]
    }

    /// Any scalar as text; numbers and booleans keep their spelling, so `id: 330102` is "330102".
    func string() -> String? {
        guard case .scalar(let scalar) = node, scalar.tagName != .null else {
            wrongType("text")
            return nil
        }
        return scalar.string
    }

    /// Text that is not empty after trimming spaces.
    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            invalid("must not be empty")
            return nil
        }
        return trimmed
    }

    func int() -> Int? {
        guard case .scalar(let scalar) = node, scalar.tagName == .int || scalar.tagName == .str,
            let value = node.int
        else {
            wrongType("a whole number")
            return nil
        }
        _ = scalar
        return value
    }

    /// A whole number within `range`; outside it, `describe` says what the number should be.
    func int(in range: ClosedRange<Int>, _ describe: (Int) -> String) -> Int? {
        guard let value = int() else { return nil }
        guard range.contains(value) else {
            invalid(describe(value))
            return nil
        }
        return value
    }

    func double() -> Double? {
        guard case .scalar(let scalar) = node,
            [.int, .float, .str].contains(scalar.tagName), let value = node.float, value.isFinite
        else {
            wrongType("a number")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard case .scalar(let scalar) = node, scalar.tagName == .bool, let value = node.bool else {
            wrongType("true or false")
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values, compared without regard to case.
    func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        guard let text = string() else { return nil }
        if let value = E.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
            return value
        }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        invalid("\"\(text)\" is not one of \(allowed)")
        return nil
    }
}

/// A mapping's entries in file order, with lookups that report missing required fields.
struct YAMLMapping {
    let owner: YAMLNode
    let entries: [(key: String, value: YAMLNode)]

    /// The value for `key`, or `nil` when absent or empty (`key:` with nothing after it).
    func optional(_ key: String) -> YAMLNode? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value for `key`; when absent or empty, a missing-field error is recorded.
    func required(_ key: String) -> YAMLNode? {
        if let value = optional(key) { return value }
        let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
        let line = entries.first(where: { $0.key == key })?.value.line ?? owner.line
        owner.diagnostics.report(.missingField(file: owner.file, line: line, field: path))
        return nil
    }

    func has(_ key: String) -> Bool { optional(key) != nil }
}

extension Node.Scalar {
    /// The resolved tag, e.g. `.int` for `161` and `.str` for `"161"`.
    var tagName: Tag.Name { Resolver.default.resolveTag(of: .scalar(self)) }
}
