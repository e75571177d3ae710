import JifangModel

extension ClassificationPolicy {
    /// Reads and validates a classification file such as Policies/classification.yaml.
    public static func load(path: String) throws(ConfigErrors) -> ClassificationPolicy {
        let document = YAMLDocument(path: path)
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    /// Validates classification text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "classification.yaml") throws(ConfigErrors)
        -> ClassificationPolicy
    {
        let document = YAMLDocument(yaml: yaml, file: file)
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> ClassificationPolicy? {
        guard let root = document.root?.mapping(allowed: ["defaults", "rules"]) else { return nil }
        let defaults = root.optional("defaults").flatMap(readExtractions) ?? IdentityExtractions()
        var rules: [ClassificationRule] = []
        var seen = FirstOccurrences<String>()
        for node in root.required("rules")?.sequence() ?? [] {
            guard let rule = readRule(node) else { continue }
            let nameNode = node.anyMapping()?.optional("name")
            if let nameNode, !seen.claim(rule.name, at: nameNode) { continue }
            rules.append(rule)
        }
        return ClassificationPolicy(rules: rules, defaults: defaults)
    }

    private static let ruleFields = ["name", "kind", "vendor", "match", "model", "osVersion", "serial"]
    private static let matchFields = ["sysObjectID", "sysDescr", "chassis", "hint"]

    private static func readRule(_ node: YAMLNode) -> ClassificationRule? {
        guard let fields = node.mapping(allowed: ruleFields) else { return nil }
        let name = fields.required("name")?.nonEmptyString()
        let kind = fields.required("kind")?.oneOf(DeviceKind.self)
        let vendor = fields.optional("vendor")?.nonEmptyString()
        let match = fields.required("match").flatMap(readMatch)
        let extract = readExtractions(fields)
        guard let name, let kind, let match, let extract else { return nil }
        return ClassificationRule(name: name, kind: kind, vendor: vendor, match: match, extract: extract)
    }

    private static func readMatch(_ node: YAMLNode) -> ClassificationMatch? {
        guard let fields = node.mapping(allowed: matchFields) else { return nil }
        var match = ClassificationMatch()
        var valid = true
        if let prefixes = fields.optional("sysObjectID")?.oneOrMany() {
            for prefix in prefixes {
                guard let text = prefix.nonEmptyString() else {
                    valid = false
                    continue
                }
                let oid = text.hasPrefix(".") ? String(text.dropFirst()) : text
                let arcs = oid.split(separator: ".", omittingEmptySubsequences: false)
                guard arcs.count >= 2, arcs.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && UInt32($0) != nil })
                else {
                    prefix.invalid("\"\(text)\" is not a numeric OID such as 1.3.6.1.4.1.9")
                    valid = false
                    continue
                }
                match.sysObjectIDPrefixes.append(oid)
            }
        }
        if let patterns = fields.optional("sysDescr")?.oneOrMany() {
            let compiled = patterns.map { $0.pattern() }
            valid = valid && !compiled.contains(nil)
            match.sysDescr = compiled.compactMap { $0 }
        }
        if let patterns = fields.optional("chassis")?.oneOrMany() {
            let compiled = patterns.map { $0.pattern() }
            valid = valid && !compiled.contains(nil)
            match.chassis = compiled.compactMap { $0 }
        }
        if let hints = fields.optional("hint")?.oneOrMany() {
            let read = hints.map { $0.oneOf(ClassificationHint.self) }
            valid = valid && !read.contains(nil)
            match.hints = read.compactMap { $0 }
        }
        if fields.entries.isEmpty {
            node.invalid("a match needs at least one of " + matchFields.joined(separator: ", "))
            return nil
        }
        return valid ? match : nil
    }

    /// The `model`, `osVersion` and `serial` fields of `fields`; `nil` if any is invalid.
    private static func readExtractions(_ fields: YAMLMapping) -> IdentityExtractions? {
        var result = IdentityExtractions()
        var valid = true
        for (key, path) in [("model", \IdentityExtractions.model), ("osVersion", \.osVersion), ("serial", \.serial)] {
            guard let node = fields.optional(key) else { continue }
            let list = (node.oneOrMany() ?? []).map(readExtraction)
            valid = valid && !list.contains(nil)
            result[keyPath: path] = list.compactMap { $0 }
        }
        return valid ? result : nil
    }

    private static func readExtractions(_ node: YAMLNode) -> IdentityExtractions? {
        node.mapping(allowed: ["model", "osVersion", "serial"]).flatMap(readExtractions)
    }

    /// `chassis.model`, or `{ from: sysDescr, regex: 'Version ([^,]+)' }`.
    private static func readExtraction(_ node: YAMLNode) -> Extraction? {
        if case .scalar = node.node {
            return node.oneOf(IdentitySource.self).map { Extraction(source: $0) }
        }
        guard let fields = node.mapping(allowed: ["from", "regex"]) else { return nil }
        let source = fields.required("from")?.oneOf(IdentitySource.self)
        let pattern = fields.optional("regex").map { $0.pattern(minGroups: 1) }
        guard let source else { return nil }
        if let pattern, pattern == nil { return nil }
        return Extraction(source: source, pattern: pattern ?? nil)
    }
}
