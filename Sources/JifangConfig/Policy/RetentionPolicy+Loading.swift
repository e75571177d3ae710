import JifangModel

/// Loading Policies/retention.yaml: how long observations are kept, raw and rolled up.
///
/// Raw samples are kept `rawDays`; hourly roll-ups (min, max, mean) `hourlyDays`; daily
/// roll-ups `dailyDays`. Each tier lasts at least as long as the one before it. `utcOffsetHours`
/// (optional, default 8 for China Standard Time) says where hours and days begin.
extension RetentionPolicy {
    /// Reads and validates a retention file such as Policies/retention.yaml.
    public static func load(path: String) throws(ConfigErrors) -> RetentionPolicy {
        try finish(YAMLDocument(path: path))
    }

    /// Validates retention text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "retention.yaml") throws(ConfigErrors) -> RetentionPolicy {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> RetentionPolicy {
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> RetentionPolicy? {
        guard let root = document.root?.mapping(allowed: ["rawDays", "hourlyDays", "dailyDays", "utcOffsetHours"])
        else { return nil }
        func days(_ key: String) -> (Int, YAMLNode)? {
            guard let node = root.required(key),
                let value = node.int(in: 1...36500, { "\($0) is not a number of days (use 1–36500)" })
            else { return nil }
            return (value, node)
        }
        guard let (raw, _) = days("rawDays"), let (hourly, hourlyNode) = days("hourlyDays"),
            let (daily, dailyNode) = days("dailyDays")
        else { return nil }
        if hourly < raw {
            hourlyNode.invalid(
                "hourly roll-ups (\(hourly) days) must be kept at least as long as raw samples (\(raw) days)")
            return nil
        }
        if daily < hourly {
            dailyNode.invalid(
                "daily roll-ups (\(daily) days) must be kept at least as long as hourly ones (\(hourly) days)")
            return nil
        }
        var offsetHours = 8
        if let node = root.optional("utcOffsetHours") {
            guard let hours = node.int(in: -12...14, { "\($0) is not a UTC offset in hours (use -12–14)" }) else {
                return nil
            }
            offsetHours = hours
        }
        return RetentionPolicy(
            rawDays: raw, hourlyDays: hourly, dailyDays: daily, utcOffsetSeconds: offsetHours * 3600)
    }
}
