/// Loading Policies/accounts.yaml. Every key is optional and defaults to ``AccountPolicy/init()``'s value;
/// `minimumPasswordLength` below 9 is refused because Art. 118 asks for more than 8 characters.
extension AccountPolicy {
    /// Reads and validates an accounts policy file such as Policies/accounts.yaml.
    public static func load(path: String) throws(ConfigErrors) -> AccountPolicy {
        try finish(YAMLDocument(path: path))
    }

    /// Validates accounts policy text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "accounts.yaml") throws(ConfigErrors) -> AccountPolicy {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> AccountPolicy {
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static func read(_ document: YAMLDocument) -> AccountPolicy? {
        let keys: [(String, ClosedRange<Int>, WritableKeyPath<AccountPolicy, Int>)] = [
            ("minimumPasswordLength", 9...128, \.minimumPasswordLength),
            ("passwordExpiryDays", 1...3650, \.passwordExpiryDays),
            ("sessionIdleMinutes", 1...1440, \.sessionIdleMinutes),
            ("sessionMaximumHours", 1...168, \.sessionMaximumHours),
            ("loginAttempts", 1...100, \.loginAttempts),
            ("loginWindowMinutes", 1...1440, \.loginWindowMinutes),
            ("tokenExpiryDays", 1...3650, \.tokenExpiryDays),
        ]
        guard let root = document.root?.mapping(allowed: keys.map(\.0)) else { return nil }
        var policy = AccountPolicy()
        var valid = true
        for (key, range, path) in keys {
            guard let node = root.optional(key) else { continue }
            let message: (Int) -> String =
                key == "minimumPasswordLength"
                ? { "\($0) is not allowed: Art. 118 asks for more than 8 characters (use 9–128)" }
                : { "\($0) is out of range (use \(range.lowerBound)–\(range.upperBound))" }
            if let value = node.int(in: range, message) {
                policy[keyPath: path] = value
            } else {
                valid = false
            }
        }
        return valid ? policy : nil
    }
}
