import JifangModel

extension SpecPolicy {
    /// Reads and validates a spec file such as Policies/specs.yaml.
    public static func load(path: String) throws(ConfigErrors) -> SpecPolicy {
        try finish(YAMLDocument(path: path))
    }

    /// Validates spec text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "specs.yaml") throws(ConfigErrors) -> SpecPolicy {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> SpecPolicy {
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> SpecPolicy? {
        guard let root = document.root?.mapping(allowed: DeviceKind.allCases.map(\.rawValue)) else { return nil }
        var clauses: [SpecClause] = []
        var seen = FirstOccurrences<String>()
        for (key, list) in root.entries {
            guard let kind = DeviceKind(rawValue: key), let items = list.sequence() else { continue }
            for item in items {
                guard let (clause, idNode) = readClause(item, kind: kind) else { continue }
                guard seen.claim(clause.id, at: idNode) else { continue }
                clauses.append(clause)
            }
        }
        return SpecPolicy(clauses: clauses)
    }

    private static let clauseFields = [
        "id", "article", "title", "fact", "comparator", "value", "values", "unit", "missing",
    ]

    private static func readClause(_ node: YAMLNode, kind: DeviceKind) -> (SpecClause, YAMLNode)? {
        guard let fields = node.mapping(allowed: clauseFields) else { return nil }
        let idNode = fields.required("id")
        let id = idNode?.nonEmptyString()
        let article = fields.required("article")?.nonEmptyString()
        let title = fields.required("title").flatMap(readTitle)
        let missing = fields.required("missing")?.nonEmptyString()
        let factNode = fields.required("fact")
        var fact: String?
        if let factNode, let name = factNode.nonEmptyString() {
            if FactKey.all.contains(name) {
                fact = name
            } else {
                factNode.invalid("\"\(name)\" is not a fact name; known facts: " + FactKey.all.joined(separator: ", "))
            }
        }
        var unit: SpecUnit?
        if let unitNode = fields.optional("unit"), let symbol = unitNode.nonEmptyString() {
            unit = SpecUnit.named(symbol)
            if unit == nil {
                unitNode.invalid(
                    "\"\(symbol)\" is not a known unit; use one of "
                        + SpecUnit.all.map(\.symbol).joined(separator: ", "))
                return nil
            }
        }
        guard let comparatorNode = fields.required("comparator") else { return nil }
        guard let fact, let comparator = readComparator(comparatorNode, fields, fact: fact, unit: &unit) else {
            return nil
        }
        guard let id, let idNode, let article, let title, let missing else { return nil }
        let clause = SpecClause(
            id: id, kind: kind, article: article, title: title, fact: fact, comparator: comparator, unit: unit,
            missing: missing)
        return (clause, idNode)
    }

    private static func readTitle(_ node: YAMLNode) -> BilingualText? {
        guard let fields = node.mapping(allowed: ["en", "zh"]) else { return nil }
        let en = fields.required("en")?.nonEmptyString()
        let zh = fields.required("zh")?.nonEmptyString()
        guard let en, let zh else { return nil }
        return BilingualText(en: en, zh: zh)
    }

    /// The comparator with its value(s), checked against what the fact is.
    private static func readComparator(
        _ node: YAMLNode, _ fields: YAMLMapping, fact: String, unit: inout SpecUnit?
    ) -> SpecComparator? {
        guard let name = node.nonEmptyString() else { return nil }
        guard SpecComparator.names.contains(name) else {
            node.invalid("\"\(name)\" is not a comparator; use one of " + SpecComparator.names.joined(separator: ", "))
            return nil
        }
        let quantity = SpecUnit.factQuantities[fact]
        let numeric =
            ["atLeast", "atMost", "lessThan", "between"].contains(name)
            || (name == "equals" && quantity != nil)
        if numeric {
            guard let quantity else {
                node.invalid("\(name) compares numbers, but \(fact) is not a number")
                return nil
            }
            if let given = unit, given.quantity != quantity {
                let fitting = SpecUnit.all.filter { $0.quantity == quantity }.map(\.symbol).joined(separator: ", ")
                fields.optional("unit")?.invalid("\(given) does not measure \(fact); use one of \(fitting)")
                return nil
            }
            unit = unit ?? SpecUnit.base(of: quantity)
        } else if unit != nil {
            fields.optional("unit")?.invalid("\(name) does not compare numbers; remove the unit")
            return nil
        }
        switch name {
        case "atLeast", "atMost", "lessThan":
            guard let value = fields.required("value")?.double() else { return nil }
            return name == "atLeast" ? .atLeast(value) : name == "atMost" ? .atMost(value) : .lessThan(value)
        case "between":
            guard let valuesNode = fields.required("values"), let values = valuesNode.sequence() else { return nil }
            let numbers = values.compactMap { $0.double() }
            guard numbers.count == values.count else { return nil }
            guard numbers.count == 2, numbers[0] <= numbers[1] else {
                valuesNode.invalid("between needs two numbers, lowest first, e.g. [0, 40]")
                return nil
            }
            return .between(numbers[0], numbers[1])
        case "equals":
            guard let valueNode = fields.required("value") else { return nil }
            if quantity != nil { return valueNode.double().map { .equals(.number($0)) } }
            return DeviceReader.factValue(valueNode).map { .equals($0) }
        case "contains":
            guard let valuesNode = fields.optional("values") ?? fields.required("value"),
                let items = valuesNode.oneOrMany()
            else { return nil }
            let texts = items.compactMap { $0.nonEmptyString() }
            guard texts.count == items.count else { return nil }
            return .contains(texts)
        default:
            if let extra = fields.optional("value") ?? fields.optional("values") {
                extra.invalid("isTrue takes no value")
                return nil
            }
            return .isTrue
        }
    }
}
