import JifangModel

/// Inventory entries for discovered agents, as YAML a person reviews and pastes into the inventory.
///
/// An entry names the community that answered, as the operator gave it on `discover`'s command
/// line: it goes to their terminal to be pasted, and nothing is stored. A community given as
/// `env:NAME` or `file:PATH` is written as that reference.
public struct InventoryProposal: Sendable {
    public var found: [Discoverer.Found]

    public init(found: [Discoverer.Found]) {
        self.found = found
    }

    public var yaml: String {
        var lines = ["devices:"]
        var used: Set<String> = []
        for agent in found {
            var name = Self.name(for: agent)
            if used.contains(name) { name += "-" + agent.address.description.replacingOccurrences(of: ".", with: "-") }
            used.insert(name)
            let what = [agent.identity.vendor, agent.identity.model].compactMap { $0 }.joined(separator: " ")
            lines.append("  - name: \(Self.quoted(name))" + (what.isEmpty ? "" : "    # \(what)"))
            lines.append("    address: \(agent.address)")
            lines.append("    port: \(agent.port)")
            switch agent.credentials {
            case .v1(let community):
                lines += ["    version: v1", "    community: \(Self.text(community))"]
            case .v2c(let community):
                lines += ["    version: v2c", "    community: \(Self.text(community))"]
            case .v3(let user, _, _):
                lines += ["    version: v3", "    v3: { user: \(Self.quoted(user)) }"]
            }
            lines.append("    kind: \(agent.identity.kind.rawValue)")
        }
        return lines.joined(separator: "\n")
    }

    private static func name(for agent: Discoverer.Found) -> String {
        let sysName = (agent.system.sysName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !sysName.isEmpty { return sysName }
        return "\(agent.identity.kind.rawValue)-\(agent.address.description.replacingOccurrences(of: ".", with: "-"))"
    }

    /// The community as the inventory takes it: quoted inline text, or the reference.
    static func text(_ community: SNMPCommunity) -> String {
        switch community {
        case .inline(let value): quoted(value)
        case .reference(let reference): quoted(reference.description)
        }
    }

    /// Double-quoted YAML scalar, so names with colons, `#` or Chinese text survive.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
