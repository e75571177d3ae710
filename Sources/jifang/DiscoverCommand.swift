import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangModel

/// `jifang discover CIDR`: finds SNMP agents and prints inventory entries to paste.
struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Find SNMP agents in an IPv4 range and propose inventory entries for them."
    )

    @Argument(help: "The range to scan, e.g. 192.168.10.0/24 (at most a /16).")
    var cidr: String

    @Option(name: .long, help: "Community to try (repeatable; default public).")
    var community: [String] = []

    @Option(name: .long, help: "UDP port of the agents.")
    var port: Int = 161

    @Option(name: .long, help: "Seconds to wait for each address.")
    var timeout: Double = 1

    /// The policies directory: classification.yaml.
    @OptionGroup var policyOptions: PolicyOptions

    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard let subnet = IPv4Subnet(cidr) else {
            throw ValidationError("\(cidr) is not an IPv4 range; write it as ADDRESS/PREFIX, e.g. 192.168.10.0/24.")
        }
        guard subnet.prefixLength >= 16 else {
            throw ValidationError(
                "\(cidr) has more than \(Discoverer.maximumAddresses) addresses; scan a /16 or smaller.")
        }
        guard (1...65_535).contains(port) else { throw ValidationError("--port \(port) is not a UDP port.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds.") }
    }

    func run() async throws {
        let subnet = IPv4Subnet(cidr)!
        let policySet = try PolicySet.load(directory: try policyOptions.directory)
        let discoverer = Discoverer(
            classification: policySet.classification, communities: community.isEmpty ? ["public"] : community,
            port: port,
            timeout: .milliseconds(Int(timeout * 1000)))
        let progress = ProgressBar(total: Discoverer.hosts(of: subnet).count, label: "scanning")
        let found = await discoverer.discover(subnet) { progress.advance() }
        switch output.format {
        case .json:
            let rows = found.map { DiscoveredRow(found: $0) }
            try printJSON(rows)
        case .text:
            print(InventoryProposal(found: found).yaml)
            FileHandle.standardError.write(Data("\(found.count) agents answered in \(subnet).\n".utf8))
        }
    }
}

private struct DiscoveredRow: Encodable {
    var found: Discoverer.Found
    private enum Key: String, CodingKey {
        case address, port, version, community, kind, vendor, model, sysName, sysDescr, sysObjectID
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(found.address.description, forKey: .address)
        try c.encode(found.port, forKey: .port)
        try c.encode(found.credentials.versionName, forKey: .version)
        let community: String? =
            switch found.credentials {
            // The operator's own candidate from the command line, to paste into the inventory.
            case .v1(.inline(let community)), .v2c(.inline(let community)): community
            case .v1(.reference(let reference)), .v2c(.reference(let reference)): reference.description
            case .v3: nil
            }
        try c.encode(community, forKey: .community)
        try c.encode(found.identity.kind, forKey: .kind)
        try c.encode(found.identity.vendor, forKey: .vendor)
        try c.encode(found.identity.model, forKey: .model)
        try c.encode(found.system.sysName, forKey: .sysName)
        try c.encode(found.system.sysDescr, forKey: .sysDescr)
        try c.encode(found.system.sysObjectID, forKey: .sysObjectID)
    }
}
