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
            let query = Query(request)
            let all = try query.flag("all")
            let device = try query.text("device")
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
            let limit = try Query(request).int("limit", default: 200, in: 1...10_000)
            return try Responses.json(try data.store.auditTrail(limit: limit))
        }
    }

    private func observations(_ request: Request, _ context: WebContext) throws -> Response {
        let query = Query(request)
        guard let name = context.parameters.get("name"), try data.store.device(named: name) != nil else {
            return Responses.jsonError("there is no device of that name", status: .notFound)
        }
        guard let metric = try query.text("metric"), !metric.isEmpty else {
            return JSONRefusal("give ?metric=, e.g. cpu.percent or if.inBps", field: "metric").response
        }
        let instance = try query.text("instance")
        let end = try query.time("to") ?? Date()
        let start = try query.time("from") ?? end.addingTimeInterval(-86_400)
        let resolutions = ["raw", Resolution.hourly.rawValue, Resolution.daily.rawValue]
        switch try query.choice("resolution", among: resolutions) ?? "raw" {
        case "raw":
            return try Responses.json(
                try data.store.observations(device: name, metric: metric, instance: instance, from: start, to: end))
        case let text:
            guard let resolution = Resolution(rawValue: text) else {
                return QueryRefusal("resolution", text, mustBe: resolutions.joined(separator: ", ")).json.response
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
