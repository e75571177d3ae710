/// What `jifang agent` watches for ARP binding violations: the inventory's `watch:` mapping.
///
/// ```yaml
/// watch: { interfaces: [eth1, eth2], enforce: false }
/// ```
///
/// Absent, the agent watches nothing. With `enforce: true` the agent applies
/// Policies/bindings.yaml to what it sees (shutting access ports down where the policy says so).
public struct WatchSettings: Sendable, Hashable {
    /// Network interfaces captured live, in file order; names are unique.
    public var interfaces: [String]
    /// Whether events are acted on as Policies/bindings.yaml says (`false` only reports them).
    public var enforce: Bool

    public init(interfaces: [String], enforce: Bool = false) {
        self.interfaces = interfaces
        self.enforce = enforce
    }

    static let fields = ["interfaces", "enforce"]

    /// Reads `watch:`, reporting every problem at its file, line and field.
    static func read(_ node: YAMLNode) -> WatchSettings? {
        guard let fields = node.mapping(allowed: fields) else { return nil }
        var interfaces: [String] = []
        var seen = FirstOccurrences<String>()
        for item in fields.required("interfaces")?.sequence() ?? [] {
            guard let name = item.nonEmptyString() else { continue }
            if let problem = interfaceProblem(name) {
                item.invalid(problem)
                continue
            }
            if seen.claim(name, at: item) { interfaces.append(name) }
        }
        let enforce = fields.optional("enforce")?.bool() ?? false
        return WatchSettings(interfaces: interfaces, enforce: enforce)
    }

    /// Why `name` cannot be a Linux interface name (at most 15 bytes, no `/`, space or control
    /// character), or `nil`.
    static func interfaceProblem(_ name: String) -> String? {
        if name.utf8.count > 15 { return "\"\(name)\" is longer than an interface name can be (15 bytes)" }
        if name.unicodeScalars.contains(where: { $0 == "/" || $0.properties.isWhitespace || $0.value < 0x20 }) {
            return "\(name.debugDescription) is not an interface name (no '/', spaces or control characters)"
        }
        return nil
    }
}
