import Foundation
import JifangConfig
import JifangModel
import JifangSNMP

/// Polls one device end to end: system group, classification, health for its kind, spec
/// findings and alert conditions.
///
/// The poller never throws: a device that does not answer comes back `reachable: false` with the
/// reason in `error`, so one bad device never spoils a cycle.
public struct DevicePoller: Sendable {
    public var policies: PolicySet
    public var secrets: SecretResolver
    public var engine: SNMPEngine
    public var collector: HealthCollector

    public init(
        policies: PolicySet, secrets: SecretResolver = SecretResolver(), engine: SNMPEngine = .shared,
        collector: HealthCollector = HealthCollector()
    ) {
        self.policies = policies
        self.secrets = secrets
        self.engine = engine
        self.collector = collector
    }

    /// What one poll produced: the health (with identity and findings filled in) and the alert
    /// conditions that hold now.
    public struct Outcome: Sendable {
        public var health: DeviceHealth
        public var conditions: [AlertCondition]
        public var duration: Double
    }

    /// Polls `device`. `previous` is its last stored health (for rates and reboot detection);
    /// `failures` counts the consecutive unreachable polls before this one; `openAlerts` holds the
    /// keys of the device's alerts open before this poll.
    public func poll(
        _ device: Device, previous: DeviceHealth?, failures: Int, openAlerts: Set<String> = [], at time: Date = Date()
    ) async -> Outcome {
        let started = ContinuousClock.now
        var health = await collect(device, previous: previous, at: time)
        if health.reachable {
            let declared = device.declaredFacts
            health.findings = SpecEvaluator(policy: policies.specs)
                .evaluate(kind: health.identity.kind, reported: health.facts, declared: declared)
        }
        let conditions = ThresholdEvaluator(policy: policies.thresholds)
            .evaluate(
                current: health, previous: previous, consecutiveFailures: health.reachable ? 0 : failures + 1,
                openAlerts: openAlerts)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Outcome(health: health, conditions: conditions, duration: seconds)
    }

    private func collect(_ device: Device, previous: DeviceHealth?, at time: Date) async -> DeviceHealth {
        let target: SNMPTarget
        do {
            target = try SNMPTarget(device: device, secrets: secrets)
        } catch {
            return DeviceHealth(device: device, polledAt: time, reachable: false, error: error.description)
        }
        let session: SNMPSession
        do {
            session = try await SNMPSession.open(target, engine: engine)
        } catch {
            return DeviceHealth(device: device, polledAt: time, reachable: false, error: error.description)
        }
        defer { Task { await session.close() } }
        do {
            let system = try await collector.collectSystem(session)
            let hints = await classificationHints(session)
            let classification = Classifier(policy: policies.classification)
                .classify(system, hints: hints, declaredKind: device.declaredKind)
            var health = await collector.collect(
                session, device: device, system: system, kind: classification.identity.kind, previous: previous,
                polledAt: time)
            health.identity = classification.identity
            health.pduCount = session.statistics.requests + session.statistics.responses
            return health
        } catch {
            var health = DeviceHealth(device: device, polledAt: time, reachable: false, error: error.description)
            health.pduCount = session.statistics.requests + session.statistics.responses
            return health
        }
    }

    /// MIBs beyond the system group that classification rules may test, found with one GET.
    private func classificationHints(_ session: SNMPSession) async -> Set<ClassificationHint> {
        let probes: [(OID, ClassificationHint)] = [
            (UPSMIB.upsIdentManufacturer, .upsMIB),
            (HostResourcesMIB.hrSystemUptime, .hostResourcesMIB),
        ]
        guard let answers = try? await session.get(probes.map(\.0)) else { return [] }
        var hints: Set<ClassificationHint> = []
        for (varbind, probe) in zip(answers, probes) where !varbind.value.isException && varbind.value != .null {
            hints.insert(probe.1)
        }
        return hints
    }
}
