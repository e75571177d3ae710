import JifangModel

/// The binding register as a person wrote it: a YAML `bindings:` list or a CSV file.
///
/// The smallest valid YAML file is
/// ```yaml
/// bindings:
///   - ip: 172.16.0.1
///     mac: "00:26:0b:31:07:33"
/// ```
/// Each entry may also give `owner`, `unit`, `vlan` (1–4094), `switch`, `port` and `action`
/// (`alert` or `shutdown`). MACs are accepted in every notation ``MACAddress`` parses. A file
/// may also be a whole inventory (`site`, `units`, `devices` are allowed and ignored here).
/// Loading checks the whole file and throws every problem found, each naming file, line and field.
public struct BindingTable: Sendable, Hashable {
    /// Entries in file order; IP addresses are unique.
    public var entries: [BindingEntry]

    public init(entries: [BindingEntry] = []) {
        self.entries = entries
    }

    /// The entry for `ip`, if the register binds it.
    public func entry(for ip: IPv4Address) -> BindingEntry? {
        entries.first { $0.ip == ip }
    }

    /// The entries as the ARP watcher's binding table.
    public var bindings: [AddressBinding] { entries.map(\.binding) }

    /// Reads `path`: CSV when the name ends in `.csv`, YAML otherwise. Errors name the file as
    /// `path` is written.
    public static func load(path: String) throws(ConfigErrors) -> BindingTable {
        if path.lowercased().hasSuffix(".csv") {
            return try BindingCSV.load(path: path)
        }
        return try parse(document: YAMLDocument(path: path))
    }

    /// Validates YAML text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "bindings.yaml") throws(ConfigErrors) -> BindingTable {
        try parse(document: YAMLDocument(yaml: yaml, file: file))
    }

    /// Validates CSV text; `file` is the name used in errors. See ``BindingCSV``.
    public static func parse(csv: String, file: String = "bindings.csv") throws(ConfigErrors) -> BindingTable {
        try BindingCSV.parse(csv, file: file)
    }

    static let topLevelFields = ["bindings", "site", "units", "devices"]

    private static func parse(document: YAMLDocument) throws(ConfigErrors) -> BindingTable {
        var table = BindingTable()
        if let root = document.root?.mapping(allowed: topLevelFields), let list = root.required("bindings")?.sequence()
        {
            table.entries = BindingReader(knownUnits: nil, knownSwitches: nil).read(list)
        }
        let errors = document.diagnostics.errors
        guard errors.isEmpty else { throw ConfigErrors(errors) }
        return table
    }
}
