import JifangModel

/// Reads the `devices:` list of an inventory, reporting every problem it finds.
struct DeviceReader {
    /// Unit ids a device may name; `nil` when the inventory declares no units.
    let knownUnits: Set<String>?

    static let fields = [
        "name", "address", "port", "community", "version", "v3", "unit", "location", "owner", "kind", "facts",
        "timeout", "retries",
    ]
    static let v3Fields = ["user", "auth", "priv"]
    static let keyFields = ["protocol", "secret"]
    static let versions = ["v1", "v2c", "v3"]

    func read(_ nodes: [YAMLNode]) -> [Device] {
        var devices: [Device] = []
        var seen = FirstOccurrences<String>()
        for node in nodes {
            guard let fields = node.mapping(allowed: Self.fields) else { continue }
            let nameNode = fields.required("name")
            let name = nameNode?.nonEmptyString()
            if let name, let nameNode { _ = seen.claim(name, at: nameNode) }
            let device = readDevice(fields, name: name)
            if let device { devices.append(device) }
        }
        return devices
    }

    private func readDevice(_ fields: YAMLMapping, name: String?) -> Device? {
        let address = fields.required("address").flatMap { node -> String? in
            guard let text = node.nonEmptyString() else { return nil }
            if let problem = HostSyntax.problem(with: text) {
                node.invalid(problem)
                return nil
            }
            return text
        }
        var port: Int? = 161
        if let node = fields.optional("port") {
            port = node.int(in: 1...65535) { "\($0) is not a UDP port (use 1–65535)" }
        }
        let credentials = readCredentials(fields)
        var unit: String?
        if let node = fields.optional("unit") {
            unit = node.nonEmptyString()
            if let unit, let knownUnits, !knownUnits.contains(unit) {
                let known = knownUnits.sorted().joined(separator: ", ")
                node.invalid("unit \"\(unit)\" is not declared under units: (declared: \(known))")
            }
        }
        let location = fields.optional("location")?.string()
        let owner = fields.optional("owner")?.string()
        let kind = fields.optional("kind")?.oneOf(DeviceKind.self)
        let facts = fields.optional("facts").map(readFacts) ?? DeviceFacts()
        var timeout: Double? = 2
        if let node = fields.optional("timeout"), let value = node.double() {
            timeout = value
            if !(value > 0 && value <= 60) {
                node.invalid("\(value) seconds is not a usable timeout (use more than 0 and at most 60)")
                timeout = nil
            }
        }
        var retries: Int? = 1
        if let node = fields.optional("retries") {
            retries = node.int(in: 0...10) { "\($0) retries is outside 0–10" }
        }
        guard let name, let address, let port, let credentials, let timeout, let retries else { return nil }
        return Device(
            name: name, address: address, port: port, credentials: credentials, unit: unit, location: location,
            owner: owner, declaredKind: kind, declaredFacts: facts, timeoutSeconds: timeout, retries: retries)
    }

    private func readCredentials(_ fields: YAMLMapping) -> SNMPCredentials? {
        var version = "v2c"
        if let node = fields.optional("version") {
            guard let text = node.string() else { return nil }
            guard Self.versions.contains(text.lowercased()) else {
                node.invalid("\"\(text)\" is not an SNMP version (use v1, v2c or v3)")
                return nil
            }
            version = text.lowercased()
        }
        if version == "v3" {
            if let community = fields.optional("community") {
                community.invalid("a community is not used with SNMP v3; remove it or set version to v1 or v2c")
            }
            guard let v3 = fields.required("v3")?.concealedMapping(allowed: Self.v3Fields) else { return nil }
            let user = v3.required("user")?.nonEmptyString()
            let auth = v3.optional("auth").map { readKey($0, SNMPAuthProtocol.self) }
            let priv = v3.optional("priv").map { readKey($0, SNMPPrivProtocol.self) }
            if let privNode = v3.optional("priv"), v3.optional("auth") == nil {
                privNode.invalid("privacy needs authentication; add an auth: block (SNMPv3 has no noAuthPriv level)")
                return nil
            }
            guard let user else { return nil }
            var authKey: SNMPCredentials.V3Key?
            var privKey: SNMPCredentials.V3PrivKey?
            if let auth {
                guard let (proto, secret) = auth else { return nil }
                authKey = .init(protocol: proto, secret: secret)
            }
            if let priv {
                guard let (proto, secret) = priv else { return nil }
                privKey = .init(protocol: proto, secret: secret)
            }
            return .v3(user: user, auth: authKey, priv: privKey)
        }
        if let v3 = fields.optional("v3") {
            v3.invalid("the v3 block is only used with version: v3 (this device uses \(version))")
        }
        guard let communityNode = fields.required("community") else { return nil }
        // A community is a password: a wrong type is reported without echoing it.
        guard case .scalar(let scalar) = communityNode.node, scalar.tagName != .null else {
            communityNode.wrongTypeConcealed("text")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            communityNode.invalid("must not be empty")
            return nil
        }
        let community: SNMPCommunity
        if text.hasPrefix("env:") || text.hasPrefix("file:") {
            // Read at poll time like v3 secrets, so the inventory need not hold the community.
            guard let reference = Self.secretReference(communityNode) else { return nil }
            community = .reference(reference)
        } else {
            community = .inline(text)
        }
        return version == "v1" ? .v1(community: community) : .v2c(community: community)
    }

    private func readKey<P: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ type: P.Type) -> (P, SecretReference)?
    where P.RawValue == String {
        // `auth: S3cret` (the secret where its block belongs) must not be echoed.
        guard let fields = node.concealedMapping(allowed: Self.keyFields) else { return nil }
        let proto = fields.required("protocol")?.oneOf(type)
        let secret = fields.required("secret").flatMap(Self.secretReference)
        guard let proto, let secret else { return nil }
        return (proto, secret)
    }

    /// A secret reference, refusing secrets written into the file.
    static func secretReference(_ node: YAMLNode) -> SecretReference? {
        guard case .scalar(let scalar) = node.node else {
            node.wrongTypeConcealed("a reference such as env:NAME or file:PATH")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("env:") {
            let name = String(text.dropFirst(4))
            let valid =
                name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } ?? false
                && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            guard valid else {
                node.invalid("env: must be followed by an environment variable's name (letters, digits and _)")
                return nil
            }
            return .environment(name)
        }
        if text.hasPrefix("file:") {
            let path = String(text.dropFirst(5))
            guard !path.isEmpty else {
                node.invalid("file: needs a path, e.g. file:/etc/jifang/auth.key")
                return nil
            }
            return .file(path)
        }
        // The value is never echoed: it may be the secret itself.
        node.invalid(
            "secrets are not written into the inventory; store it in an environment variable and write "
                + "env:NAME, or in a file readable only by jifang and write file:/path/to/file")
        return nil
    }

    private func readFacts(_ node: YAMLNode) -> DeviceFacts {
        guard let mapping = node.anyMapping() else { return DeviceFacts() }
        var facts = DeviceFacts()
        for (key, value) in mapping.entries {
            guard FactKey.all.contains(key) else {
                value.diagnostics.report(
                    .unknownField(file: value.file, line: value.line, field: value.path, allowed: FactKey.all))
                continue
            }
            if let fact = Self.factValue(value) { facts[key] = fact }
        }
        return facts
    }

    static func factValue(_ node: YAMLNode) -> FactValue? {
        switch node.node {
        case .scalar(let scalar):
            switch scalar.tagName {
            case .bool: return node.bool().map(FactValue.flag)
            case .int, .float: return node.double().map(FactValue.number)
            case .null:
                node.invalid("a fact needs a value; remove the line if it is not known")
                return nil
            default: return .text(scalar.string)
            }
        case .sequence(let items):
            let texts = items.compactMap(\.scalar?.string)
            guard texts.count == items.count else {
                node.wrongType("a list of plain values")
                return nil
            }
            return .list(texts)
        default:
            node.wrongType("a number, true/false, text or a list")
            return nil
        }
    }
}
