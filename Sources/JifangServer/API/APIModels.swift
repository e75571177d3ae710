import Foundation
import JifangModel
import JifangStore

/// A device in `GET /api/v1/devices`.
struct APIDevice: Codable, Sendable {
    var name: String
    var address: String
    var port: Int
    var unit: String?
    var location: String?
    var kind: DeviceKind
    var vendor: String?
    var model: String?
    var serial: String?
    var state: DeviceState
    var lastPollAt: Date?
    var lastPollError: String?
    var openAlerts: Int
    var failedFindings: Int

    init(_ device: DeviceRecord, _ snapshot: MonitoringSnapshot) {
        name = device.name
        address = device.address
        port = device.port
        unit = device.unit
        location = device.location
        kind = device.kind
        vendor = device.vendor
        model = device.model
        serial = device.serial
        state = snapshot.state(of: device)
        lastPollAt = device.lastPollAt
        lastPollError = device.lastPollError
        openAlerts = snapshot.openAlerts(of: device.name).count
        failedFindings = snapshot.findings[device.name]?.filter { $0.status == .fail }.count ?? 0
    }
}

/// `GET /api/v1/devices/{name}`: the summary, the latest health and findings, and open alerts.
struct APIDeviceDetail: Codable, Sendable {
    var device: APIDevice
    var health: DeviceHealth?
    var findings: [Finding]
    var openAlerts: [APIAlert]
}

/// An alert, flat.
struct APIAlert: Codable, Sendable {
    var id: Int64
    var device: String
    var type: AlertType
    var subject: String
    var severity: AlertSeverity
    var message: String
    var openedAt: Date
    var lastSeenAt: Date
    var clearedAt: Date?
    var openedByPoll: Int64?

    init(_ alert: Alert) {
        id = alert.id
        device = alert.condition.device
        type = alert.condition.type
        subject = alert.condition.subject
        severity = alert.condition.severity
        message = alert.condition.message
        openedAt = alert.openedAt
        lastSeenAt = alert.lastSeenAt
        clearedAt = alert.clearedAt
        openedByPoll = alert.openedByPoll
    }
}

/// `GET /api/v1/findings`: each device's latest findings.
struct APIDeviceFindings: Codable, Sendable {
    var device: String
    var findings: [Finding]
}
