import JifangModel

/// Loading Policies/records.yaml: loan period and renewals, the idle power-on interval, and where
/// duty-log days begin. Every key is optional and defaults to the regulation's value.
extension RecordsPolicy {
    public static let fileName = "records.yaml"

    /// Reads and validates a records policy file such as Policies/records.yaml.
    public static func load(path: String) throws(ConfigErrors) -> RecordsPolicy {
        try finish(YAMLDocument(path: path))
    }

    /// Validates records policy text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "records.yaml") throws(ConfigErrors) -> RecordsPolicy {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> RecordsPolicy {
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> RecordsPolicy? {
        let keys = ["loanDays", "maxRenewals", "idlePowerOnMonths", "powerOnDueWithinDays", "utcOffsetHours"]
        guard let root = document.root?.mapping(allowed: keys) else { return nil }
        var policy = RecordsPolicy()
        var ok = true
        func int(_ key: String, _ range: ClosedRange<Int>, _ unit: String) -> Int? {
            guard let node = root.optional(key) else { return nil }
            guard
                let value = node.int(
                    in: range, { "\($0) is not \(unit) (use \(range.lowerBound)–\(range.upperBound))" })
            else {
                ok = false
                return nil
            }
            return value
        }
        if let v = int("loanDays", 1...31, "a loan period in days (the regulation allows at most one month)") {
            policy.loanDays = v
        }
        if let v = int("maxRenewals", 0...12, "a number of renewals") { policy.maxRenewals = v }
        if let v = int("idlePowerOnMonths", 1...12, "a number of months") { policy.idlePowerOnMonths = v }
        if let v = int("powerOnDueWithinDays", 0...31, "a number of days") { policy.powerOnDueWithinDays = v }
        if let v = int("utcOffsetHours", -12...14, "a UTC offset in hours") { policy.utcOffsetSeconds = v * 3600 }
        return ok ? policy : nil
    }
}
