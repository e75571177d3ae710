import Foundation
import JifangConfig
import JifangModel
import JifangSNMP
import JifangStore
import JifangTesting
import Testing

@testable import JifangAgents

/// A net-snmp host that sends legal-but-extreme and out-of-range values, polled through the real
/// poller next to a well-behaved server, both served by snmpsim.
///
/// Fixtures/hostile-host.snmprec is written by hand (not from snmpsim-data): hrProcessorLoad as a
/// Counter64 of 2^63−1, storage allocation units as a Counter64 of 2^63−1, five flash rows of
/// 2147483647 × 2147483647 bytes, ifHighSpeed as a Counter64 of 2^63−1 (and one at the Gauge32
/// limit), an ENTITY-SENSOR value in yotta degrees and one with precision −2147483648, and
/// memBuffer as a Counter64 of 2^63−1. Each of these trapped (and so ended every device's poll)
/// before values were range-checked.
@Suite(.serialized)
struct HostileValuesTests {
    static let policies = Result {
        try PolicySet.load(directory: PackagePaths.root.appendingPathComponent("Policies").path)
    }

    static func hostileRecording() throws -> URL {
        try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/hostile-host.snmprec")
    }

    @Test func aHostileDeviceNeitherEndsThePollNorSpoilsItsNeighbour() async throws {
        let host = "127.0.8.1"
        let simulator = try await SNMPSimulator.start(
            recordings: [try Self.hostileRecording(), Recordings.url("server-linux-centos7")],
            endpoints: [.init(host: host, port: LoopbackPort.freeUDP(host: host))])
        defer { simulator.stop() }
        let devices = ["hostile-host", "server-linux-centos7"].map { community in
            Device(
                name: community, address: host, port: simulator.endpoint.port,
                credentials: .v2c(community: .inline(community)), timeoutSeconds: 5, retries: 1)
        }
        let store = try TemporaryDirectory(prefix: "jifang-hostile")
        defer { store.remove() }
        let cycle = PollCycle(
            poller: DevicePoller(policies: try Self.policies.get()),
            store: try Store(path: store.appending("jifang.sqlite").path))
        let results = await cycle.run(devices)
        #expect(results.count == 2)

        let normal = results[1]
        #expect(normal.health.reachable && normal.health.error == nil, "\(normal.health.error ?? "")")
        #expect(normal.health.decodeProblems == nil, "\(normal.health.decodeProblems ?? [])")
        #expect(normal.storeError == nil)
        #expect(normal.health.identity.kind == .server)

        let hostile = results[0]
        let health = hostile.health
        #expect(health.reachable && health.error == nil, "\(health.error ?? "")")
        #expect(hostile.storeError == nil, "\(hostile.storeError ?? "")")
        let problems = health.decodeProblems ?? []
        func dropped(_ section: String, _ object: String) -> DecodeProblem? {
            problems.first { $0.section == section && $0.object.hasPrefix(object) }
        }
        // Each out-of-range value is dropped with the object it came in and why.
        let load = try #require(dropped("hrProcessorTable", "1.3.6.1.2.1.25.3.3.1.2.196608"), "\(problems)")
        #expect(load.value == "9223372036854775807" && load.reason == "outside 0…100")
        let units = try #require(dropped("hrStorageTable", "1.3.6.1.2.1.25.2.3.1.4.31"), "\(problems)")
        #expect(units.reason == "outside 1…2147483647")
        let flash = try #require(dropped("hrStorageTable", "flash rows"), "\(problems)")
        #expect(flash.reason == "overflows 64 bits")
        #expect(dropped("ifXTable", "1.3.6.1.2.1.31.1.1.1.15.2") != nil, "\(problems)")
        let precision = try #require(dropped("entPhySensorTable", "1.3.6.1.2.1.99.1.1.1.3.2"), "\(problems)")
        #expect(precision.value == "-2147483648" && precision.reason == "outside -8…9")
        #expect(dropped("UCD-SNMP-MIB", "1.3.6.1.4.1.2021.4.14.0") != nil, "\(problems)")
        #expect(problems.count == 6, "\(problems)")

        // Everything else in the same sections still decodes.
        #expect(health.cpuPercent == 12, "the sane processor's load")
        #expect(!health.storage.contains { $0.description == "/" })
        #expect(health.storage.filter { $0.kind == .flash }.count == 5)
        #expect(health.storage.contains { $0.kind == .ram && $0.sizeBytes == 1_021_976 * 1024 })
        #expect(health.facts[FactKey.flashBytes] == nil, "a sum past 2^64 bytes is no fact")
        #expect(health.interfaces.first { $0.name == "eth0" }?.speedBps == 4_294_967_295, "ifSpeed, saturated")
        #expect(health.interfaces.first { $0.name == "eth1" }?.speedBps == 4_294_967_295_000_000)
        let sensors = Dictionary(uniqueKeysWithValues: health.sensors.map { ($0.description, $0) })
        #expect(sensors["CPU die"]?.value == nil && sensors["CPU die"]?.unit == nil)
        #expect(sensors["Board"]?.value == 41.2)
        // 30 yotta-degrees is within the MIB: kept, and its alert is worded without trapping.
        let yotta = try #require(sensors["Ambient inlet"]?.value)
        #expect(abs(yotta - 30e24) / 30e24 < 1e-12)
        let heat = try #require(hostile.openAlerts.first { $0.type == .temperature })
        #expect(heat.message == "Ambient inlet reads 3e+25 °C, at or above the critical level of 70 °C")
        // UCD without a usable memBuffer counts buffers as used.
        #expect(health.memoryPercent == Double(1_021_976 - 63_676 - 207_212) / 1_021_976 * 100)

        // The report and the JSON show what was dropped.
        let report = DeviceReport(health: health, openAlerts: hostile.openAlerts)
        #expect(HealthReport(devices: [report]).render().contains("dropped: hrProcessorTable"))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder.jifang.encode(report)) as? [String: Any]
        #expect((json?["decodeProblems"] as? [[String: Any]])?.count == 6)
        let stored = try #require(
            try Store(path: store.appending("jifang.sqlite").path).latestHealth(device: "hostile-host"))
        #expect(stored.decodeProblems == health.decodeProblems)
    }

    /// Item 12 of issue 15: every request answered, well-formed and with the request ID echoed, but
    /// with UPS-MIB values in place of whatever was asked.
    @Test func aResponderAnsweringOtherOIDsIsAFailedPollNotAHealthyUPS() async throws {
        let foreign = [
            VarBind(oid: UPSMIB.upsIdentManufacturer, value: .octetString(Array("Eaton".utf8))),
            VarBind(oid: UPSMIB.upsBatteryStatus, value: .integer(2)),
            VarBind(oid: UPSMIB.upsEstimatedChargeRemaining, value: .integer(100)),
            VarBind(oid: UPSMIB.upsOutputSource, value: .integer(3)),
        ]
        let liar = try UDPResponder(
            .reply { bytes in
                guard let request = BERMessage(bytes: bytes) else { return nil }
                return request.response(request.varbinds.indices.map { foreign[$0 % foreign.count] }).bytes
            })
        defer { liar.stop() }
        let device = Device(
            name: "liar", address: "127.0.0.1", port: liar.port, credentials: .v2c(community: "public"),
            timeoutSeconds: 2, retries: 0)
        let outcome = await DevicePoller(policies: try Self.policies.get()).poll(device, previous: nil, failures: 0)
        let health = outcome.health
        #expect(health.identity.kind != .ups)
        #expect(health.ups == nil)
        #expect(!health.reachable, "no answer it gave can be used")
        let error = try #require(health.error)
        #expect(error.contains("answered OIDs it was not asked for"), "\(error)")
        #expect(error.contains("udp:127.0.0.1:\(liar.port)"))
        #expect(!error.contains("did not answer"), "it answered; the answers were refused")
        #expect(
            HealthReport(devices: [DeviceReport(health: health)]).render().contains(
                "answered OIDs it was not asked for"))
    }

    @Test func thresholdWordingNeverTrapsOnExtremeNumbers() {
        for value in [9.223372036854775807e18, -9.3e18, .infinity, -.infinity, .nan, 1e300, 3e25] {
            #expect(!ThresholdEvaluator.number(value).isEmpty)
            #expect(!ThresholdEvaluator.duration(value).isEmpty)
        }
        #expect(ThresholdEvaluator.number(9.223372036854775807e18) == "9.22337e+18")
        #expect(ThresholdEvaluator.number(95) == "95")
        #expect(ThresholdEvaluator.number(41.25) == "41.2")
    }
}
