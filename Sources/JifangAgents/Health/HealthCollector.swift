import Foundation
import JifangModel
import JifangSNMP

/// Polls one device's health over SNMP, in two phases so classification can run in between:
/// ``collectSystem(_:)`` reads the system group and ENTITY-MIB, then ``collect(_:device:system:kind:previous:polledAt:)``
/// reads everything else for the kind the caller decided.
///
/// Missing subtrees (noSuchObject, empty walks, v1 `noSuchName`) are normal and leave values `nil`.
/// A timeout or transport failure stops the poll: the result keeps what was read, carries the
/// error sentence, and stays `reachable`. A value outside what its MIB allows never stops it: the
/// value is dropped and listed in `decodeProblems`, with the section it came from, and every other
/// section is decoded as usual. `identity`, `findings` and `pduCount` are left for the caller.
public struct HealthCollector: Sendable {
    /// GETBULK repetitions per request during walks.
    public var maxRepetitions: Int
    /// Vendor profiles to choose from by `sysObjectID`.
    public var profiles: [VendorHealthProfile]

    public init(maxRepetitions: Int = 25, profiles: [VendorHealthProfile] = VendorHealthProfiles.all) {
        self.maxRepetitions = maxRepetitions
        self.profiles = profiles
    }

    /// The system group (one GET) and `entPhysicalTable`. Throws when the device does not answer;
    /// the caller then records it unreachable.
    public func collectSystem(_ reader: some SNMPReader) async throws(SNMPError) -> SystemInfo {
        var system = SystemDecoder.decode(try await reader.get(SNMPv2MIB.systemScalars))
        do {
            system.entities = EntityDecoder.decode(
                try await reader.table(EntityMIB.columns, maxRepetitions: maxRepetitions))
        } catch .agentError {
            // An agent without ENTITY-MIB may answer with an error status; that is not a failure.
        }
        return system
    }

    /// Everything else for `kind`. `previous` (the last poll of this device) gives interface rates.
    public func collect(
        _ reader: some SNMPReader, device: Device, system: SystemInfo, kind: DeviceKind, previous: DeviceHealth?,
        polledAt: Date = Date()
    ) async -> DeviceHealth {
        var poll = Poll(reader: reader, maxRepetitions: maxRepetitions)
        var health = DeviceHealth(device: device, polledAt: polledAt, reachable: true)
        var problems = DecodeProblems()
        health.system = system
        health.identity.kind = kind

        // Interfaces.
        let ifTable = await poll.table(InterfaceDecoder.ifTableColumns)
        let ifXTable = await poll.table(InterfaceDecoder.ifXTableColumns)
        let etherLike = await poll.table([EtherLikeMIB.dot3StatsDuplexStatus])
        let decoded = InterfaceDecoder.decode(ifTable: ifTable, ifXTable: ifXTable, etherLike: etherLike)
        health.interfaces = decoded.interfaces
        problems.append(decoded.problems)
        if let previous, previous.reachable {
            let rebooted = (system.uptimeSeconds ?? .infinity) < (previous.system.uptimeSeconds ?? 0)
            health.interfaces = InterfaceRates.apply(
                to: decoded.interfaces, counter32: decoded.counter32, previous: previous.interfaces,
                elapsed: polledAt.timeIntervalSince(previous.polledAt), rebooted: rebooted)
        }

        // HOST-RESOURCES and UCD.
        var inputs = DeviceFactsDecoder.Inputs()
        inputs.interfaces = health.interfaces
        inputs.entities = system.entities
        let hrMemory = await poll.get([HostResourcesMIB.hrMemorySize])
        let storageTable = await poll.table(HostResourcesMIB.Storage.columns)
        let processors = await poll.walk(HostResourcesMIB.Processor.hrProcessorLoad)
        let ucd = await poll.get(UCDSNMPMIB.scalars)
        health.storage = HostResourcesDecoder.storage(storageTable, problems: &problems)
        inputs.storage = health.storage
        inputs.hostMemoryBytes = HostResourcesDecoder.memoryBytes(hrMemory)
        inputs.ucdMemoryBytes = UCDDecoder.memoryBytes(ucd)
        inputs.processorCount = HostResourcesDecoder.processorCount(processorLoad: processors)
        if kind == .server || kind == .other {
            let devices = await poll.table(HostResourcesMIB.Device.columns)
            let disks = await poll.table(HostResourcesMIB.DiskStorage.columns)
            if inputs.processorCount == 0 {
                inputs.processorCount = HostResourcesDecoder.deviceCount(
                    devices, type: HostResourcesMIB.DeviceType.processor)
            }
            let hardDisks = HostResourcesDecoder.hardDisks(disks)
            inputs.hardDiskCount = hardDisks.count
            inputs.hardDiskMinBytes = hardDisks.minBytes
        }

        // Sensors and vendor tables.
        let sensorTable = await poll.table(EntitySensorMIB.columns)
        health.sensors = EntitySensorDecoder.decode(sensorTable, entities: system.entities, problems: &problems)
        let matched = VendorHealthProfiles.matching(sysObjectID: system.sysObjectID, in: profiles)
        var vendorVarbinds: [VarBind] = []
        for profile in matched {
            let requests = profile.requests
            if !requests.scalars.isEmpty { vendorVarbinds += await poll.get(requests.scalars) }
            for column in requests.columns { vendorVarbinds += await poll.walk(column) }
        }
        let vendor = VendorHealthDecoder.decode(vendorVarbinds, profiles: matched, entities: system.entities)
        inputs.vendor = vendor
        health.sensors += vendor.sensors
        inputs.sensors = health.sensors

        // A percentage outside 0…100 is no reading; the next source is tried instead.
        let vendorCPU = vendor.cpuPercent.flatMap { problems.finite($0, in: 0...100, "vendor MIB", "CPU percent") }
        health.cpuPercent =
            vendorCPU ?? HostResourcesDecoder.cpuPercent(processorLoad: processors, problems: &problems)
            ?? UCDDecoder.cpuPercent(ucd, problems: &problems)
        let vendorMemory = vendor.memoryPercent.flatMap {
            problems.finite($0, in: 0...100, "vendor MIB", "memory percent")
        }
        health.memoryPercent =
            vendorMemory ?? UCDDecoder.memoryPercent(ucd, problems: &problems)
            ?? HostResourcesDecoder.memoryPercent(health.storage).flatMap {
                problems.finite($0, in: 0...100, "hrStorageTable", "RAM used percent")
            }

        if kind == .switch || kind == .router || kind == .other {
            inputs.qBridge = await poll.get(QBridgeMIB.scalars)
        }
        if kind == .ups {
            var upsVarbinds = await poll.get(UPSMIB.scalars)
            for column in UPSMIB.lineColumns { upsVarbinds += await poll.walk(column) }
            health.ups = UPSDecoder.rfc1628(upsVarbinds, problems: &problems)
            if health.ups == nil {
                health.ups = UPSDecoder.apc(await poll.get(APCPowerNetMIB.scalars), problems: &problems)
            }
            inputs.ups = health.ups
        }
        if vendor.sessions != nil || vendor.vpnTunnels != nil {
            health.firewall = FirewallStatus(sessions: vendor.sessions, vpnTunnels: vendor.vpnTunnels)
        }

        health.facts = DeviceFactsDecoder.decode(inputs, problems: &problems)
        health.decodeProblems = problems.all.isEmpty ? nil : problems.all
        if let error = poll.error {
            health.error = "The poll stopped early and is incomplete: \(error.description)"
        }
        return health
    }
}

/// Runs the requests of one poll; after the first timeout or transport failure it sends nothing
/// more and every further step reads as empty.
private struct Poll<Reader: SNMPReader> {
    let reader: Reader
    let maxRepetitions: Int
    var error: SNMPError?

    init(reader: Reader, maxRepetitions: Int) {
        self.reader = reader
        self.maxRepetitions = maxRepetitions
    }

    mutating func get(_ oids: [OID]) async -> [VarBind] {
        await run([]) { (reader) async throws(SNMPError) in try await reader.get(oids) }
    }

    mutating func walk(_ root: OID) async -> [VarBind] {
        let repetitions = maxRepetitions
        return await run([]) { (reader) async throws(SNMPError) in
            try await reader.walk(root, maxRepetitions: repetitions)
        }
    }

    mutating func table(_ columns: [OID]) async -> SNMPTable {
        let repetitions = maxRepetitions
        return await run(SNMPTable()) { (reader) async throws(SNMPError) in
            try await reader.table(columns, maxRepetitions: repetitions)
        }
    }

    private mutating func run<T>(_ empty: T, _ body: (Reader) async throws(SNMPError) -> T) async -> T {
        guard error == nil else { return empty }
        do {
            return try await body(reader)
        } catch .agentError {
            // SNMPv1 answers a request for an object it lacks with noSuchName: the object is missing.
            return empty
        } catch {
            self.error = error
            return empty
        }
    }
}
