import JifangModel

/// Reads the `targets:` list of Inventory/backups.yaml, reporting every problem it finds.
struct BackupTargetReader {
    let devices: Set<String>?

    static let sources = ["sqlite", "postgres", "folder", "ssh", "dropFolder", "hook"]
    static let fields = ["name", "category", "device"] + sources

    func read(_ nodes: [YAMLNode]) -> [BackupTarget] {
        var targets: [BackupTarget] = []
        var seen = FirstOccurrences<String>()
        for node in nodes {
            guard let fields = node.mapping(allowed: Self.fields) else { continue }
            let nameNode = fields.required("name")
            let name = nameNode?.nonEmptyString()
            if let name, let nameNode {
                if let problem = Self.nameProblem(name) {
                    nameNode.invalid(problem)
                } else {
                    _ = seen.claim(name, at: nameNode)
                }
            }
            let category = fields.required("category")?.oneOf(BackupCategory.self)
            let present = Self.sources.filter { fields.has($0) }
            guard present.count == 1 else {
                let what = present.isEmpty ? "none is given" : "\(present.joined(separator: " and ")) are all given"
                node.invalid("give exactly one source of \(Self.sources.joined(separator: ", ")); \(what)")
                continue
            }
            guard let source = readSource(present[0], fields: fields, category: category) else { continue }
            guard let name, let category else { continue }
            targets.append(BackupTarget(name: name, category: category, source: source))
        }
        return targets
    }

    /// Target names become folder names; keep them to safe characters.
    static func nameProblem(_ name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        if name.hasPrefix(".") || !name.allSatisfy(allowed.contains) {
            return "\"\(name)\" names a folder; use letters, digits, '-', '_' and '.' (not first)"
        }
        return nil
    }

    private func readSource(_ key: String, fields: YAMLMapping, category: BackupCategory?) -> BackupSource? {
        guard let node = fields.optional(key) else { return nil }
        let isConfig = ["ssh", "dropFolder", "hook"].contains(key)
        if let category, isConfig != (category == .configuration) {
            node.invalid(
                isConfig
                    ? "\(key) fetches a device configuration; use it with category: configuration"
                    : "a configuration target needs ssh, dropFolder or hook, not \(key)")
            return nil
        }
        switch key {
        case "sqlite":
            return node.nonEmptyString().map { .sqlite(path: $0) }
        case "folder":
            return node.nonEmptyString().map { .folder(path: $0) }
        case "postgres":
            return readPostgres(node)
        default:
            guard let deviceNode = fields.required("device"), let device = deviceNode.nonEmptyString() else {
                return nil
            }
            if let devices, !devices.contains(device) {
                deviceNode.invalid("device \"\(device)\" is not in the site inventory")
                return nil
            }
            guard let method = readMethod(key, node) else { return nil }
            return .deviceConfig(device: device, method: method)
        }
    }

    private func readPostgres(_ node: YAMLNode) -> BackupSource? {
        guard
            let fields = node.mapping(allowed: ["host", "port", "database", "user", "password", "bin"])
        else { return nil }
        let database = fields.required("database").flatMap { Self.checked($0, HostSyntax.databaseProblem) }
        var host: String? = "127.0.0.1"
        if let hostNode = fields.optional("host") { host = Self.host(hostNode) }
        var port: Int? = 5432
        if let portNode = fields.optional("port") {
            port = portNode.int(in: 1...65535) { "\($0) is not a TCP port (use 1–65535)" }
        }
        let userNode = fields.optional("user")
        let user = userNode.flatMap { Self.checked($0, HostSyntax.userProblem) }
        if userNode != nil && user == nil { return nil }
        let password = fields.optional("password").flatMap(DeviceReader.secretReference)
        if fields.has("password") && password == nil { return nil }
        let bin = fields.optional("bin")?.nonEmptyString()
        guard let database, let host, let port else { return nil }
        return .postgres(
            PostgresSource(
                host: host, port: port, database: database, user: user, password: password, binDirectory: bin))
    }

    /// A host name or address; anything else (notably text starting with `-`, which ssh and
    /// pg_dump would read as an option) is reported.
    private static func host(_ node: YAMLNode) -> String? {
        guard let text = node.nonEmptyString() else { return nil }
        if let problem = HostSyntax.problem(with: text) {
            node.invalid(problem)
            return nil
        }
        return text
    }

    /// Non-empty text that `problem` accepts; otherwise the problem is reported with the value.
    private static func checked(_ node: YAMLNode, _ problem: (String) -> String?) -> String? {
        guard let text = node.nonEmptyString() else { return nil }
        if let reason = problem(text) {
            node.invalid("\"\(text)\" \(reason)")
            return nil
        }
        return text
    }

    private func readMethod(_ key: String, _ node: YAMLNode) -> ConfigFetchMethod? {
        switch key {
        case "dropFolder":
            guard let fields = node.mapping(allowed: ["path", "pattern"]) else { return nil }
            guard let path = fields.required("path")?.nonEmptyString() else { return nil }
            return .dropFolder(path: path, pattern: fields.optional("pattern")?.nonEmptyString())
        case "hook":
            guard let items = node.oneOrMany() else { return nil }
            let command = items.compactMap { $0.nonEmptyString() }
            guard command.count == items.count, !command.isEmpty else { return nil }
            return .hook(command: command)
        default:
            guard
                let fields = node.mapping(allowed: ["host", "port", "user", "command", "identity", "knownHosts"])
            else { return nil }
            let host = fields.required("host").flatMap(Self.host)
            let user = fields.required("user").flatMap { Self.checked($0, HostSyntax.userProblem) }
            let command = fields.required("command")?.nonEmptyString()
            var port: Int? = 22
            if let portNode = fields.optional("port") {
                port = portNode.int(in: 1...65535) { "\($0) is not a TCP port (use 1–65535)" }
            }
            guard let host, let user, let command, let port else { return nil }
            return .ssh(
                SSHFetch(
                    host: host, port: port, user: user, command: command,
                    identityFile: fields.optional("identity")?.nonEmptyString(),
                    knownHostsFile: fields.optional("knownHosts")?.nonEmptyString()))
        }
    }
}
