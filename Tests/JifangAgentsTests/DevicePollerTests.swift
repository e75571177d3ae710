import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangSNMP
import JifangTesting
import Testing

/// The whole poll of one device — classification, health for its kind, spec findings — against
/// every bundled recording served by a real snmpsim agent.
@Suite(.serialized)
struct DevicePollerTests {
    static let policies = Result {
        try PolicySet.load(directory: PackagePaths.root.appendingPathComponent("Policies").path)
    }

    /// Each recording on its own loopback address, as the demo site does.
    static func site() async throws -> (SNMPSimulator, [(Recordings.Entry, Device)]) {
        let entries = try Recordings.catalogue()
        let port = LoopbackPort.freeUDP(host: "127.0.3.1")
        let endpoints = entries.indices.map { SNMPSimulator.Endpoint(host: "127.0.3.\($0 + 1)", port: port) }
        let simulator = try await SNMPSimulator.start(recordings: entries.map(\.url), endpoints: endpoints)
        let devices = zip(entries, endpoints).map { entry, endpoint in
            (
                entry,
                Device(
                    name: entry.name, address: endpoint.host, port: endpoint.port,
                    credentials: .v2c(community: .inline(entry.name)), timeoutSeconds: 5, retries: 1)
            )
        }
        return (simulator, devices)
    }

    @Test func everyRecordingIsClassifiedAndPolled() async throws {
        let (simulator, devices) = try await Self.site()
        defer { simulator.stop() }
        let poller = DevicePoller(policies: try Self.policies.get())
        let cycle = PollCycle(poller: poller, store: nil, concurrency: 8)
        let results = await cycle.run(devices.map(\.1))
        #expect(results.count == devices.count)
        for ((entry, _), result) in zip(devices, results) {
            let health = result.health
            #expect(health.reachable, "\(entry.name): \(health.error ?? "")")
            #expect(health.error == nil, "\(entry.name): \(health.error ?? "")")
            #expect(
                health.identity.kind == entry.kind,
                "\(entry.name) classified \(health.identity.kind) by \(health.identity.matchedRule ?? "no rule")")
            #expect(health.system.sysObjectID != nil, "\(entry.name)")
            #expect(health.pduCount > 0)
            // Every kind the regulation specifies gets its clauses checked, each decided or explained.
            if entry.kind != .other { #expect(!health.findings.isEmpty, "\(entry.name) has no spec findings") }
            for finding in health.findings where finding.status == .unknown {
                #expect(!finding.message.isEmpty)
            }
            switch entry.kind {
            case .ups:
                #expect(health.ups != nil, "\(entry.name) has no UPS status")
            case .router, .switch, .firewall:
                #expect(!health.interfaces.isEmpty, "\(entry.name) has no interfaces")
            default:
                break
            }
        }
    }

    @Test func upsFieldsComeFromTheRecording() async throws {
        let (simulator, devices) = try await Self.site()
        defer { simulator.stop() }
        let device = try #require(devices.first { $0.0.name == "ups-eaton-93e" }?.1)
        let outcome = await DevicePoller(policies: try Self.policies.get()).poll(device, previous: nil, failures: 0)
        let ups = try #require(outcome.health.ups)
        // upsEstimatedChargeRemaining.0 and upsOutputSource.0 as recorded.
        let charge = try #require(try Recordings.record("1.3.6.1.2.1.33.1.2.4.0", in: "ups-eaton-93e"))
        #expect(ups.batteryChargePercent == Double(charge.value))
        #expect(ups.outputSource == .online)
        #expect(outcome.health.identity.vendor == "Eaton")
    }

    @Test func aDeadDeviceIsReportedUnreachableWithAReason() async throws {
        let silent = Device(
            name: "silent", address: "127.0.3.250", port: LoopbackPort.freeUDP(host: "127.0.3.250"),
            credentials: .v2c(community: "public"), timeoutSeconds: 0.3, retries: 0)
        let outcome = await DevicePoller(policies: try Self.policies.get()).poll(silent, previous: nil, failures: 2)
        #expect(!outcome.health.reachable)
        #expect(outcome.health.error?.contains("did not answer") == true)
        // Policies/thresholds.yaml: unreachable after 3 failed polls in a row.
        #expect(outcome.conditions.map(\.type) == [.unreachable])
    }
}
