import Dispatch
import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangSNMP
import JifangTesting
import LibFuzzerDriver

// libfuzzer: -max_len=32768
fuzz(fuzzHealth)

/// Reads the bytes as an snmpsim recording (`oid|type|value` lines, as the tests' fixtures are)
/// and polls it as ``DevicePoller`` polls a device, without the network: the system group,
/// classification, health for a device of every kind the collector tells apart, a second poll a
/// minute later for rates, spec findings, threshold conditions and the health report.
///
/// Lines that are not a valid recording line are left out, so a mutation spoils one line rather
/// than the whole input.
func fuzzHealth(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n").filter { (try? SNMPRecording(text: String($0))) != nil }
    guard let recording = try? SNMPRecording(text: lines.joined(separator: "\n"), source: "fuzz input") else {
        fatalError("lines that each parse do not parse together")
    }
    let done = DispatchSemaphore(value: 0)
    Task {
        await poll(recording)
        done.signal()
    }
    done.wait()
}

private enum Repository {
    /// The repository's own policies, as `jifang poll` reads them.
    static let policies: PolicySet = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Policies").standardizedFileURL.path
        do {
            return try PolicySet.load(directory: directory)
        } catch {
            fatalError("cannot load the policies in \(directory): \(error)")
        }
    }()
}

private func poll(_ recording: SNMPRecording) async {
    let collector = HealthCollector()
    let system: SystemInfo
    do {
        system = try await collector.collectSystem(recording)
    } catch {
        _ = error.description
        return
    }
    // The hints DevicePoller finds with one GET.
    var hints: Set<ClassificationHint> = []
    let probes: [(OID, ClassificationHint)] = [
        (UPSMIB.upsIdentManufacturer, .upsMIB), (HostResourcesMIB.hrSystemUptime, .hostResourcesMIB),
    ]
    for (oid, hint) in probes where recording[oid].map({ !$0.isException && $0 != .null }) ?? false {
        hints.insert(hint)
    }
    let classification = Classifier(policy: Repository.policies.classification).classify(system, hints: hints)
    let device = Device(name: "fuzz", address: "127.0.0.1")
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    // The first poll gives the second its interface counters; `.other` reads every subtree but
    // the UPS ones, `.ups` those.
    let first = await collector.collect(
        recording, device: device, system: system, kind: .other, previous: nil, polledAt: start)
    var reports: [DeviceReport] = []
    for kind in Set([classification.identity.kind, .other, .ups]) {
        var second = await collector.collect(
            recording, device: device, system: system, kind: kind, previous: first, polledAt: start + 60)
        second.identity = classification.identity
        second.findings = SpecEvaluator(policy: Repository.policies.specs)
            .evaluate(kind: kind, reported: second.facts, declared: device.declaredFacts)
        let conditions = ThresholdEvaluator(policy: Repository.policies.thresholds)
            .evaluate(current: second, previous: first, consecutiveFailures: 0)
        reports.append(DeviceReport(health: second, openAlerts: conditions))
    }
    _ = HealthReport(devices: reports).render()
    do {
        _ = try JSONEncoder.jifang.encode(reports)
    } catch {
        _ = "\(error)"
    }
}
