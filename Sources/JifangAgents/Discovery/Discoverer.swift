import Foundation
import JifangConfig
import JifangModel
import JifangSNMP

/// Finds SNMP agents in an address range and proposes inventory entries for them.
///
/// Each address is asked for its system group with each community in turn (v2c, then v1 for
/// agents that only speak v1); the first answer wins. Addresses that stay silent cost one
/// timeout each, in parallel, so a /24 takes a few timeouts' worth of time, not 254.
public struct Discoverer: Sendable {
    public var classification: ClassificationPolicy
    public var communities: [String]
    public var port: Int
    public var timeout: Duration
    public var concurrency: Int
    public var engine: SNMPEngine

    public init(
        classification: ClassificationPolicy, communities: [String], port: Int = 161, timeout: Duration = .seconds(1),
        concurrency: Int = 128, engine: SNMPEngine = .shared
    ) {
        self.classification = classification
        self.communities = communities
        self.port = port
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.engine = engine
    }

    /// An agent that answered.
    public struct Found: Sendable {
        public var address: IPv4Address
        public var port: Int
        public var credentials: SNMPCredentials
        public var system: SystemInfo
        public var identity: DeviceIdentity
    }

    /// The largest range `discover` accepts: a /16.
    public static let maximumAddresses = 65_536

    /// Every host address of `subnet` (without network and broadcast addresses below /31).
    public static func hosts(of subnet: IPv4Subnet) -> [IPv4Address] {
        let first = subnet.network.rawValue
        let count = UInt64(1) << UInt64(32 - subnet.prefixLength)
        let last = UInt32(UInt64(first) + count - 1)
        if subnet.prefixLength >= 31 { return (first...last).map(IPv4Address.init(rawValue:)) }
        return (first + 1..<last).map(IPv4Address.init(rawValue:))
    }

    /// Probes every host of `subnet`; results are in address order.
    public func discover(_ subnet: IPv4Subnet, progress: (@Sendable () -> Void)? = nil) async -> [Found] {
        let hosts = Self.hosts(of: subnet)
        var found: [Found] = []
        await withTaskGroup(of: Found?.self) { group in
            var next = 0
            func start() {
                guard next < hosts.count else { return }
                let address = hosts[next]
                next += 1
                group.addTask { await self.probe(address) }
            }
            for _ in 0..<min(concurrency, hosts.count) { start() }
            while let result = await group.next() {
                if let result { found.append(result) }
                progress?()
                start()
            }
        }
        return found.sorted { $0.address < $1.address }
    }

    private func probe(_ address: IPv4Address) async -> Found? {
        let attempts: [(SNMPVersion, SNMPCredentials)] =
            communities.map { (.v2c(community: $0), .v2c(community: .inline($0))) }
            + communities.map { (.v1(community: $0), .v1(community: .inline($0))) }
        for (version, credentials) in attempts {
            let target = SNMPTarget(
                host: address.description, port: port, version: version, timeout: timeout, retries: 0)
            guard let session = try? await SNMPSession.open(target, engine: engine) else { continue }
            let answer = try? await session.get(SNMPv2MIB.systemScalars)
            await session.close()
            guard let answer, answer.contains(where: { !$0.value.isException }) else { continue }
            var system = SystemInfo()
            for varbind in answer {
                switch varbind.oid {
                case SNMPv2MIB.sysDescr: system.sysDescr = varbind.value.string
                case SNMPv2MIB.sysObjectID: system.sysObjectID = varbind.value.oid?.description
                case SNMPv2MIB.sysName: system.sysName = varbind.value.string
                case SNMPv2MIB.sysLocation: system.sysLocation = varbind.value.string
                default: break
                }
            }
            let identity = Classifier(policy: classification).classify(system).identity
            return Found(address: address, port: port, credentials: credentials, system: system, identity: identity)
        }
        return nil
    }
}
