import Foundation
import JifangModel

/// Loading Policies/bindings.yaml.
///
/// Fields (all optional): `mode` (`alert` or `shutdown`, default alert), `enforce` (default
/// false), `uplinkMACs` (default 4), `shutdownOn` (event types, default binding-violation and
/// gratuitous-wrong-mac), `forwardingRefreshSeconds` (default 300) and `units`, a mapping from
/// unit id to `{ mode: … }`.
extension BindingPolicy {
    public static let fileName = "bindings.yaml"

    /// Reads and validates a binding policy file such as Policies/bindings.yaml.
    public static func load(path: String) throws(ConfigErrors) -> BindingPolicy {
        try finish(YAMLDocument(path: path))
    }

    /// Validates binding policy text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = fileName) throws(ConfigErrors) -> BindingPolicy {
        try finish(YAMLDocument(yaml: yaml, file: file))
    }

    /// The policy in `directory`, or the defaults when the directory has no bindings.yaml.
    public static func load(directory: String) throws(ConfigErrors) -> BindingPolicy {
        let path = (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return BindingPolicy() }
        return try load(path: path)
    }

    private static func finish(_ document: YAMLDocument) throws(ConfigErrors) -> BindingPolicy {
        let policy = read(document)
        if let policy, document.diagnostics.errors.isEmpty { return policy }
        throw ConfigErrors(document.diagnostics.errors)
    }

    static let eventTypes = [
        "binding-violation", "unknown-station", "flip-flop", "mac-multiple-ips", "ethernet-arp-mismatch",
        "unicast-request", "gratuitous-wrong-mac", "bogon", "storm", "malformed",
    ]

    static func read(_ document: YAMLDocument) -> BindingPolicy? {
        guard
            let root = document.root?.mapping(allowed: [
                "mode", "enforce", "uplinkMACs", "shutdownOn", "forwardingRefreshSeconds", "units",
            ])
        else { return nil }
        var policy = BindingPolicy()
        if let node = root.optional("mode"), let mode = node.oneOf(BindingAction.self) { policy.mode = mode }
        if let node = root.optional("enforce"), let enforce = node.bool() { policy.enforce = enforce }
        if let node = root.optional("uplinkMACs"),
            let limit = node.int(in: 1...4096, { "\($0) is not a number of MACs per port (use 1–4096)" })
        {
            policy.uplinkMACThreshold = limit
        }
        if let node = root.optional("forwardingRefreshSeconds"),
            let seconds = node.int(in: 30...604_800, { "\($0) is not a refresh interval (use 30–604800 seconds)" })
        {
            policy.forwardingRefreshSeconds = seconds
        }
        if let nodes = root.optional("shutdownOn")?.oneOrMany() {
            var types: Set<String> = []
            for node in nodes {
                guard let type = node.string() else { continue }
                if eventTypes.contains(type) {
                    types.insert(type)
                } else {
                    node.invalid("\"\(type)\" is not an event type (use \(eventTypes.joined(separator: ", ")))")
                }
            }
            policy.shutdownOn = types
        }
        if let units = root.optional("units")?.anyMapping() {
            for (unit, node) in units.entries {
                guard let fields = node.mapping(allowed: ["mode"]),
                    let mode = fields.required("mode")?.oneOf(BindingAction.self)
                else { continue }
                policy.unitModes[unit] = mode
            }
        }
        return policy
    }
}
