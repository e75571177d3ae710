/// Every problem found while loading one or more configuration files.
///
/// Loaders check a whole file before giving up, so a person can fix all mistakes in one pass.
/// `description` lists the errors one per line, in file and line order.
public struct ConfigErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ConfigError]

    public init(_ errors: [ConfigError]) {
        self.errors = errors.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
