import Foundation
import Hummingbird
import JifangModel
import JifangStore

/// The REST API under /api/v1: JSON for scripts and other systems, described by the OpenAPI
/// document at /api/v1/openapi.json. Authenticate with `Authorization: Bearer <token>` (see
/// `jifang users token`) or a browser session.
public struct APIModule: WebModule {
    let data: MonitoringData
    /// The whole OpenAPI document, built from every module once routes are known.
    let document: @Sendable () -> OpenAPIValue

    public func register(on routes: SecuredRoutes) {
        routes.get("/api/v1/openapi.json", .viewMonitoring) { _, _ in try Responses.json(document()) }
        routes.get("/api/v1/devices", .viewMonitoring) { _, _ in
            let snapshot = try data.snapshot()
            return try Responses.json(snapshot.devices.map { APIDevice($0, snapshot) })
        }
        routes.get("/api/v1/devices/{name}", .viewMonitoring) { _, context in
            let snapshot = try data.snapshot()
            guard let name = context.parameters.get("name"), let device = try data.store.device(named: name) else {
                return Responses.jsonError("there is no device of that name", status: .notFound)
            }
            return try Responses.json(
                APIDeviceDetail(
                    device: APIDevice(device, snapshot), health: try data.store.latestHealth(device: name),
                    findings: try data.store.findings(device: name),
                    openAlerts: try data.store.alerts(openOnly: true, device: name).map(APIAlert.init)))
        }
        routes.get("/api/v1/alerts", .viewMonitoring) { request, _ in
            let all = request.uri.queryParameters.get("all") == "true"
            let device = request.uri.queryParameters.get("device")
            return try Responses.json(try data.store.alerts(openOnly: !all, device: device).map(APIAlert.init))
        }
        routes.get("/api/v1/findings", .viewMonitoring) { _, _ in
            let snapshot = try data.snapshot()
            return try Responses.json(
                snapshot.devices.map { APIDeviceFindings(device: $0.name, findings: snapshot.findings[$0.name] ?? []) })
        }
        routes.get("/api/v1/devices/{name}/observations", .viewMonitoring) { request, context in
            try observations(request, context)
        }
        routes.get("/api/v1/audit", .viewAuditTrail) { request, _ in
            let limit = request.uri.queryParameters.get("limit").flatMap(Int.init) ?? 200
            return try Responses.json(try data.store.auditTrail(limit: min(max(limit, 1), 10_000)))
        }
    }

    private func observations(_ request: Request, _ context: WebContext) throws -> Response {
        let query = request.uri.queryParameters
        guard let name = context.parameters.get("name"), try data.store.device(named: name) != nil else {
            return Responses.jsonError("there is no device of that name", status: .notFound)
        }
        guard let metric = query.get("metric"), !metric.isEmpty else {
            return Responses.jsonError("give ?metric=, e.g. cpu.percent or if.inBps", status: .badRequest)
        }
        let formatter = ISO8601DateFormatter()
        func date(_ key: String) -> Date?? {
            guard let text = query.get(key) else { return .some(nil) }
            return formatter.date(from: text).map { .some($0) } ?? nil
        }
        guard let from = date("from"), let to = date("to") else {
            return Responses.jsonError("from and to are ISO 8601 times, e.g. 2025-06-01T00:00:00Z", status: .badRequest)
        }
        let instance = query.get("instance")
        let end = to ?? Date()
        let start = from ?? end.addingTimeInterval(-86_400)
        switch query.get("resolution") ?? "raw" {
        case "raw":
            return try Responses.json(
                try data.store.observations(device: name, metric: metric, instance: instance, from: start, to: end))
        case let text:
            guard let resolution = Resolution(rawValue: text) else {
                return Responses.jsonError("resolution is raw, hourly or daily", status: .badRequest)
            }
            return try Responses.json(
                try data.store.rollups(
                    device: name, metric: metric, instance: instance, resolution: resolution, from: start, to: end))
        }
    }
}

extension APIModule {
    public var openAPIPaths: [String: OpenAPIValue] { OpenAPIDocument.monitoringPaths }
}
