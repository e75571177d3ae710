import Foundation
import JifangModel
import JifangStore

/// How a device stands as far as polling knows.
public enum DeviceState: String, Sendable, Codable, CaseIterable {
    /// Its last poll was answered and is recent.
    case up
    /// Its last poll went unanswered.
    case down
    /// Its last answered poll is older than the staleness limit: the agent may not be running.
    case stale
    /// Never polled yet.
    case unpolled

    var phrase: Phrase {
        switch self {
        case .up: Phrase("up", "在线")
        case .down: Phrase("down", "离线")
        case .stale: Phrase("stale", "数据过期")
        case .unpolled: Phrase("not polled", "未轮询")
        }
    }
}

/// What the dashboard, the device API and /metrics read: the devices, their latest health and
/// findings, and the open alerts, all read together.
public struct MonitoringSnapshot: Sendable {
    public var takenAt: Date
    public var devices: [DeviceRecord]
    public var health: [String: DeviceHealth]
    public var findings: [String: [Finding]]
    public var openAlerts: [Alert]
    /// A device whose last poll is older than this is ``DeviceState/stale``.
    public var staleAfter: TimeInterval

    public func state(of device: DeviceRecord) -> DeviceState {
        guard let reachable = device.lastPollReachable, let at = device.lastPollAt else { return .unpolled }
        if !reachable { return .down }
        return takenAt.timeIntervalSince(at) > staleAfter ? .stale : .up
    }

    public func openAlerts(of device: String) -> [Alert] { openAlerts.filter { $0.condition.device == device } }
}

/// Reads snapshots from the store, reusing one for `maximumAge` so a busy dashboard costs the store
/// a few queries a second rather than a few per request.
public final class MonitoringData: Sendable {
    public let store: Store
    let maximumAge: TimeInterval
    let staleAfter: TimeInterval
    private let cached = LockedValue<MonitoringSnapshot?>(nil)

    public init(store: Store, maximumAge: TimeInterval = 1, staleAfter: TimeInterval = 900) {
        self.store = store
        self.maximumAge = maximumAge
        self.staleAfter = staleAfter
    }

    public func snapshot(now: Date = Date()) throws -> MonitoringSnapshot {
        if let snapshot = cached.withLock({ $0 }), now.timeIntervalSince(snapshot.takenAt) < maximumAge {
            return snapshot
        }
        let devices = try store.devices()
        var findings: [String: [Finding]] = [:]
        for device in devices { findings[device.name] = try store.findings(device: device.name) }
        let health = Dictionary(try store.latestHealth().map { ($0.device.name, $0) }, uniquingKeysWith: { a, _ in a })
        let snapshot = MonitoringSnapshot(
            takenAt: now, devices: devices, health: health, findings: findings,
            openAlerts: try store.alerts(openOnly: true), staleAfter: staleAfter)
        cached.withLock { $0 = snapshot }
        return snapshot
    }
}
