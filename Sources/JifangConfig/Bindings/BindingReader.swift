import JifangModel

/// Reads the items of a YAML `bindings:` list into entries, reporting every problem.
struct BindingReader {
    /// Unit ids an entry's `unit` must be among; `nil` skips the check (no `units:` in the file).
    let knownUnits: Set<String>?
    /// Device names an entry's `switch` must be among; `nil` skips the check.
    let knownSwitches: Set<String>?

    func read(_ nodes: [YAMLNode]) -> [BindingEntry] {
        var entries: [BindingEntry] = []
        var seen = FirstOccurrences<IPv4Address>()
        for node in nodes {
            guard let fields = node.mapping(allowed: BindingFields.names) else { continue }
            let ipNode = fields.required("ip")
            let ip = ipNode.flatMap { check($0, BindingFields.ip) }
            let mac = fields.required("mac").flatMap { check($0, BindingFields.mac) }
            var entry = BindingEntry(ip: ip ?? .unspecified, mac: mac ?? .zero)
            entry.owner = fields.optional("owner")?.nonEmptyString()
            if let unitNode = fields.optional("unit"), let unit = unitNode.nonEmptyString() {
                if let knownUnits, !knownUnits.contains(unit) {
                    unitNode.invalid("\"\(unit)\" is not a unit of this inventory (known: \(list(knownUnits)))")
                }
                entry.unit = unit
            }
            entry.vlan = fields.optional("vlan").flatMap { check($0, BindingFields.vlan) }
            if let switchNode = fields.optional("switch"), let name = switchNode.nonEmptyString() {
                if let knownSwitches, !knownSwitches.contains(name) {
                    switchNode.invalid("\"\(name)\" is not a device of this inventory")
                }
                entry.switchName = name
            }
            entry.port = fields.optional("port")?.nonEmptyString()
            entry.action = fields.optional("action").flatMap { check($0, BindingFields.action) }
            if entry.port != nil && entry.switchName == nil {
                node.invalid("a port needs the switch it belongs to; add `switch:`")
            }
            guard let ip, mac != nil, let ipNode else { continue }
            guard seen.claim(ip, at: ipNode) else { continue }
            entries.append(entry)
        }
        return entries
    }

    private func check<T>(_ node: YAMLNode, _ parse: (String) -> Result<T, BindingFields.Refusal>) -> T? {
        guard let text = node.string() else { return nil }
        switch parse(text) {
        case .success(let value): return value
        case .failure(let refusal):
            node.invalid(refusal.reason)
            return nil
        }
    }

    private func list(_ names: Set<String>) -> String {
        names.sorted().joined(separator: ", ")
    }
}
