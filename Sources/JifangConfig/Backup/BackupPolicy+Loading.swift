import JifangModel

/// Loading Policies/backups.yaml: the schedule and retention of backups (Art. 141–143).
///
/// ```yaml
/// utcOffsetHours: 8
/// monthly: { categories: [database, logs, documents], graceDays: 5 }
/// retention: { keepBackups: 12, keepConfigVersions: 100 }
/// disc: { capacityMB: 4700 }
/// configuration:
///   volatile: ['^! Last configuration change at .*']
///   secrets: ['password \S+ (\S+)']
///   changeOIDs: [1.3.6.1.4.1.9.9.43.1.1.1.0]
///   fingerprint: [1.3.6.1.2.1.2.2.1.2]
/// ```
extension BackupPolicy {
    /// Reads and validates a file such as Policies/backups.yaml.
    public static func load(path: String) throws(ConfigErrors) -> BackupPolicy {
        try finish(YAMLDocument(path: path))
    }

    /// Validates backup policy text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "backups.yaml") throws(ConfigErrors) -> BackupPolicy {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> BackupPolicy {
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> BackupPolicy? {
        guard
            let root = document.root?.mapping(allowed: [
                "utcOffsetHours", "monthly", "retention", "disc", "configuration",
            ])
        else { return nil }
        var policy = BackupPolicy()
        var ok = true
        if let node = root.optional("utcOffsetHours") {
            if let hours = node.int(in: -12...14, { "\($0) is not a UTC offset in hours (use -12–14)" }) {
                policy.utcOffsetSeconds = hours * 3600
            } else {
                ok = false
            }
        }
        if let monthly = root.optional("monthly")?.mapping(allowed: ["categories", "graceDays"]) {
            if let items = monthly.optional("categories")?.oneOrMany() {
                let categories = items.compactMap { $0.oneOf(BackupCategory.self) }
                ok = ok && categories.count == items.count
                policy.monthlyCategories = Set(categories)
            }
            if let node = monthly.optional("graceDays") {
                policy.graceDays = node.int(in: 0...27) { "\($0) days is outside 0–27" } ?? policy.graceDays
            }
        }
        if let retention = root.optional("retention")?.mapping(allowed: ["keepBackups", "keepConfigVersions"]) {
            if let node = retention.optional("keepBackups") {
                policy.keepBackups = node.int(in: 1...1000) { "keep at least 1 and at most 1000, not \($0)" } ?? 12
            }
            if let node = retention.optional("keepConfigVersions") {
                policy.keepConfigVersions =
                    node.int(in: 1...100_000) { "keep at least 1 and at most 100000, not \($0)" } ?? 100
            }
        }
        if let disc = root.optional("disc")?.mapping(allowed: ["capacityMB"]),
            let node = disc.optional("capacityMB")
        {
            if let megabytes = node.int(in: 1...1_000_000, { "\($0) MB is not a disc size" }) {
                policy.discCapacityBytes = Int64(megabytes) * 1_000_000
            }
        }
        if let config = root.optional("configuration")?.mapping(allowed: [
            "volatile", "secrets", "changeOIDs", "fingerprint",
        ]) {
            policy.volatilePatterns = patterns(config.optional("volatile"))
            policy.secretPatterns = patterns(config.optional("secrets"))
            policy.changeOIDs = oids(config.optional("changeOIDs"))
            policy.fingerprintColumns = oids(config.optional("fingerprint"))
        }
        return ok ? policy : nil
    }

    /// Regular expressions, each checked to compile so a typo is reported with its line.
    private static func patterns(_ node: YAMLNode?) -> [String] {
        guard let items = node?.oneOrMany() else { return [] }
        return items.compactMap { item in
            guard let text = item.nonEmptyString() else { return nil }
            do {
                _ = try Regex(text)
                return text
            } catch {
                item.invalid("\"\(text)\" is not a regular expression: \(error)")
                return nil
            }
        }
    }

    private static func oids(_ node: YAMLNode?) -> [String] {
        guard let items = node?.oneOrMany() else { return [] }
        return items.compactMap { item in
            guard let text = item.nonEmptyString() else { return nil }
            let parts = text.hasPrefix(".") ? text.dropFirst().split(separator: ".") : text.split(separator: ".")
            guard parts.count >= 2, parts.allSatisfy({ UInt32($0) != nil }) else {
                item.invalid("\"\(text)\" is not a numeric OID such as 1.3.6.1.2.1.2.2.1.2")
                return nil
            }
            return text
        }
    }
}
