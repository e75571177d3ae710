import JifangModel

extension ThresholdPolicy {
    /// Reads and validates a thresholds file such as Policies/thresholds.yaml.
    public static func load(path: String) throws(ConfigErrors) -> ThresholdPolicy {
        try finish(YAMLDocument(path: path))
    }

    /// Validates thresholds text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "thresholds.yaml") throws(ConfigErrors) -> ThresholdPolicy {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> ThresholdPolicy {
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> ThresholdPolicy? {
        guard let root = document.root?.mapping(allowed: AlertType.allCases.map(\.rawValue)) else { return nil }
        var policy = ThresholdPolicy()
        policy.cpu = root.optional(AlertType.cpu.rawValue).flatMap { levels($0, range: 0...100, unit: "%") }
        policy.memory = root.optional(AlertType.memory.rawValue).flatMap { levels($0, range: 0...100, unit: "%") }
        policy.temperature = root.optional(AlertType.temperature.rawValue).flatMap {
            levels($0, range: -50...150, unit: "°C")
        }
        policy.upsOnBattery = root.optional(AlertType.upsOnBattery.rawValue).flatMap(severityOnly)
        policy.reboot = root.optional(AlertType.reboot.rawValue).flatMap(severityOnly)
        if let node = root.optional(AlertType.upsBatteryLow.rawValue),
            let fields = node.mapping(allowed: ["belowPercent", "severity"])
        {
            let percent = fields.required("belowPercent").flatMap { percentNode -> Double? in
                guard let value = percentNode.double() else { return nil }
                guard (0...100).contains(value) else {
                    percentNode.invalid("\(value) is not a percentage (0–100)")
                    return nil
                }
                return value
            }
            let severity = fields.required("severity")?.oneOf(AlertSeverity.self)
            if let percent, let severity { policy.upsBatteryLow = (percent, severity) }
        }
        if let node = root.optional(AlertType.unreachable.rawValue),
            let fields = node.mapping(allowed: ["afterFailures", "severity"])
        {
            let failures = fields.required("afterFailures")?.int(in: 1...1000) {
                "\($0) is not a number of polls (use 1 or more)"
            }
            let severity = fields.required("severity")?.oneOf(AlertSeverity.self)
            if let failures, let severity { policy.unreachable = (failures, severity) }
        }
        if let node = root.optional(AlertType.interfaceDown.rawValue),
            let fields = node.mapping(allowed: ["severity", "when", "names", "types"])
        {
            let severity = fields.required("severity")?.oneOf(AlertSeverity.self)
            let names = fields.optional("names")?.oneOrMany()?.compactMap { $0.nonEmptyString() } ?? []
            let types =
                fields.optional("types")?.oneOrMany()?.compactMap { typeNode in
                    typeNode.int(in: 1...65535) { "\($0) is not an IANAifType number" }
                } ?? []
            let when = fields.optional("when")?.oneOf(InterfaceDownRule.Trigger.self) ?? .wentDown
            if let severity {
                policy.interfaceDown = InterfaceDownRule(severity: severity, when: when, names: names, types: types)
            }
        }
        return policy
    }

    private static func levels(_ node: YAMLNode, range: ClosedRange<Double>, unit: String) -> ThresholdLevels? {
        guard let fields = node.mapping(allowed: ["warning", "critical"]) else { return nil }
        func level(_ key: String) -> Double? {
            guard let levelNode = fields.optional(key), let value = levelNode.double() else { return nil }
            guard range.contains(value) else {
                levelNode.invalid("\(value) \(unit) is outside \(range.lowerBound)–\(range.upperBound) \(unit)")
                return nil
            }
            return value
        }
        let levels = ThresholdLevels(warning: level("warning"), critical: level("critical"))
        if levels.warning == nil && levels.critical == nil {
            if !fields.has("warning") && !fields.has("critical") {
                node.invalid("give a warning level, a critical level, or both")
            }
            return nil
        }
        if let warning = levels.warning, let critical = levels.critical, warning > critical {
            fields.optional("warning")?.invalid("the warning level \(warning) is above the critical level \(critical)")
            return nil
        }
        return levels
    }

    private static func severityOnly(_ node: YAMLNode) -> AlertSeverity? {
        node.mapping(allowed: ["severity"])?.required("severity")?.oneOf(AlertSeverity.self)
    }
}
