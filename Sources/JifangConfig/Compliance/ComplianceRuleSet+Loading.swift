import JifangModel

/// Loading Policies/rules.yaml: the evaluation's rules as data, validated with file, line and field.
extension ComplianceRuleSet {
    public static let fileName = "rules.yaml"

    /// Reads and validates a rules file such as Policies/rules.yaml.
    public static func load(path: String) throws(ConfigErrors) -> ComplianceRuleSet {
        try finish(YAMLDocument(path: path))
    }

    /// Validates rules text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "rules.yaml") throws(ConfigErrors) -> ComplianceRuleSet {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> ComplianceRuleSet {
        let set = read(document)
        if let set, document.diagnostics.errors.isEmpty { return set }
        if document.diagnostics.errors.isEmpty {
            throw ConfigErrors([.unreadable(file: document.diagnostics.file, reason: "the file is empty")])
        }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static let ruleKeys = ["id", "article", "title", "titleZh", "area", "weight", "levels", "check", "parameters"]

    static func read(_ document: YAMLDocument) -> ComplianceRuleSet? {
        guard let root = document.root?.mapping(allowed: ["areas", "rules"]) else { return nil }
        var areaWeights: [ComplianceArea: Double] = [:]
        if let areas = root.optional("areas")?.anyMapping() {
            for (key, node) in areas.entries {
                guard let area = ComplianceArea(rawValue: key) else {
                    node.invalid(
                        "\"\(key)\" is not an area (use \(ComplianceArea.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                    continue
                }
                if let weight = positive(node) { areaWeights[area] = weight }
            }
        }
        var rules: [ComplianceRule] = []
        var seen: [String: (field: String, line: Int)] = [:]
        for node in root.required("rules")?.sequence() ?? [] {
            guard let rule = readRule(node) else { continue }
            let idNode = node.anyMapping()?.optional("id")
            if let first = seen[rule.id] {
                node.diagnostics.report(
                    .duplicate(
                        file: node.file, line: idNode?.line ?? node.line, field: idNode?.path ?? node.path,
                        value: rule.id, firstField: first.field, firstLine: first.line))
                continue
            }
            seen[rule.id] = (idNode?.path ?? node.path, idNode?.line ?? node.line)
            rules.append(rule)
        }
        return ComplianceRuleSet(rules: rules, areaWeights: areaWeights)
    }

    private static func readRule(_ node: YAMLNode) -> ComplianceRule? {
        guard let map = node.mapping(allowed: ruleKeys) else { return nil }
        let id = map.required("id")?.nonEmptyString()
        let article = map.required("article")?.nonEmptyString()
        let title = map.required("title")?.nonEmptyString()
        let titleZh = map.required("titleZh")?.nonEmptyString()
        let area = map.required("area")?.oneOf(ComplianceArea.self)
        let weight = map.required("weight").flatMap(positive)
        var levels: [UnitLevel]?
        if let levelNodes = map.required("levels")?.oneOrMany() {
            let parsed = levelNodes.compactMap { $0.oneOf(UnitLevel.self) }
            if parsed.count == levelNodes.count {
                if parsed.isEmpty {
                    map.optional("levels")?.invalid("must name at least one level")
                } else {
                    levels = parsed
                }
            }
        }
        let checkNode = map.required("check")
        let check = checkNode?.oneOf(CheckKind.self)
        var parameters: [String: RuleParameter] = [:]
        var parametersOK = true
        if let parameterNode = map.optional("parameters") {
            if let entries = parameterNode.anyMapping()?.entries {
                for (key, value) in entries {
                    if let parameter = readParameter(value) {
                        parameters[key] = parameter
                    } else {
                        parametersOK = false
                    }
                }
            } else {
                parametersOK = false
            }
        }
        if let check {
            for name in check.requiredParameters where parameters[name] == nil && parametersOK {
                let path = node.path + ".parameters.\(name)"
                node.diagnostics.report(
                    .missingField(file: node.file, line: map.optional("parameters")?.line ?? node.line, field: path))
                parametersOK = false
            }
        }
        guard let id, let article, let title, let titleZh, let area, let weight, let levels, let check, parametersOK
        else { return nil }
        return ComplianceRule(
            id: id, article: article, title: title, titleZh: titleZh, area: area, weight: weight, levels: levels,
            check: check, parameters: parameters)
    }

    private static func positive(_ node: YAMLNode) -> Double? {
        guard let value = node.double() else { return nil }
        guard value > 0 else {
            node.invalid("\(value) is not a weight (use a number above 0)")
            return nil
        }
        return value
    }

    /// A number, a text, a list of texts, or a mapping from unit level to one of those.
    private static func readParameter(_ node: YAMLNode, perLevel: Bool = true) -> RuleParameter? {
        switch node.node {
        case .scalar(let scalar):
            if scalar.tagName == .int || scalar.tagName == .float, let value = node.double() { return .number(value) }
            return node.string().map(RuleParameter.text)
        case .sequence:
            let items = node.sequence()?.compactMap { $0.string() } ?? []
            return .list(items)
        case .mapping:
            guard perLevel, let entries = node.anyMapping()?.entries else {
                node.wrongType("a number, a text or a list")
                return nil
            }
            var values: [UnitLevel: RuleParameter] = [:]
            var ok = true
            for (key, value) in entries {
                guard let level = UnitLevel(rawValue: key) else {
                    value.invalid(
                        "\"\(key)\" is not a unit level (use \(UnitLevel.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                    ok = false
                    continue
                }
                if let parameter = readParameter(value, perLevel: false) {
                    values[level] = parameter
                } else {
                    ok = false
                }
            }
            return ok ? .byLevel(values) : nil
        case .alias:
            node.wrongType("a number, a text, a list or a value per level")
            return nil
        }
    }
}
