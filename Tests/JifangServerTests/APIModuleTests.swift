import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangModel
import JifangServer
import JifangStore
import Testing

@Suite(.serialized)
struct APIModuleTests {
    @Test func devicesAlertsAndFindingsAnswerWithAToken() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.server.accounts.createToken(username: "technician", label: "test", by: .init("test"))
        let headers: HTTPFields = [.authorization: "Bearer \(token)"]
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let devices = try await client.execute(uri: "/api/v1/devices", method: .get, headers: headers)
            #expect(devices.status == .ok)
            let list = try JSONSerialization.jsonObject(with: Data(buffer: devices.body)) as? [[String: Any]]
            let router = try #require(list?.first { $0["name"] as? String == "core-router" })
            #expect(router["state"] as? String == "up")
            #expect(router["openAlerts"] as? Int == 1)
            #expect(router["failedFindings"] as? Int == 1)

            let detail = try await client.execute(uri: "/api/v1/devices/ups-1", method: .get, headers: headers)
            let object = try JSONSerialization.jsonObject(with: Data(buffer: detail.body)) as? [String: Any]
            let health = object?["health"] as? [String: Any]
            #expect((health?["ups"] as? [String: Any])?["batteryChargePercent"] as? Double == 87)

            let alerts = try await client.execute(uri: "/api/v1/alerts", method: .get, headers: headers)
            #expect(String(buffer: alerts.body).contains("interface-down"))
            let observations = try await client.execute(
                uri: "/api/v1/devices/core-router/observations?metric=cpu.percent", method: .get, headers: headers)
            let samples = try JSONSerialization.jsonObject(with: Data(buffer: observations.body)) as? [[String: Any]]
            #expect(samples?.count == 7)
            let missing = try await client.execute(uri: "/api/v1/devices/nope", method: .get, headers: headers)
            #expect(missing.status == .notFound)
            let refused = try await client.execute(uri: "/api/v1/audit", method: .get, headers: headers)
            #expect(refused.status == .forbidden, "a technician's token may not read the audit trail")
            let forged = try await client.execute(
                uri: "/api/v1/devices", method: .get, headers: [.authorization: "Bearer jf_forged"])
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryAPIRoute() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.server.accounts.createToken(username: "auditor", label: "test", by: .init("test"))
        let (router, routes) = fixture.server.router()
        let list = routes.routes
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/openapi.json", method: .get, headers: [.authorization: "Bearer \(token)"])
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: Any])
            for route in list where route.path.hasPrefix("/api/v1/") {
                #expect(paths[route.path] != nil, "\(route.path) is missing from the OpenAPI document")
            }
        }
    }

    @Test func metricsExposeDevicesInterfacesUPSAndAlerts() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.server.accounts.createToken(
            username: "administrator", label: "prometheus", by: .init("test"))
        try await Application(router: fixture.server.router().router).test(.router) { client in
            let response = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: response.body)
            #expect(text.contains("jifang_device_up{device=\"core-router\",kind=\"router\",unit=\"\"} 1"))
            #expect(text.contains("jifang_interface_oper_up{device=\"core-router\",interface=\"GE0/0/1\"} 0"))
            #expect(
                text.contains(
                    "jifang_interface_receive_bits_per_second{device=\"core-router\",interface=\"GE0/0/1\"} 1000000"))
            #expect(text.contains("jifang_ups_battery_charge_percent{device=\"ups-1\"} 87"))
            #expect(text.contains("jifang_ups_runtime_seconds{device=\"ups-1\"} 2520"))
            #expect(text.contains("jifang_ups_on_battery{device=\"ups-1\"} 1"))
            #expect(text.contains("jifang_alerts_open{type=\"interface-down\",severity=\"warning\"} 1"))
            #expect(text.contains("# TYPE jifang_device_poll_age_seconds gauge"))
        }
    }

    @Test func theDevicePageDrawsChartsAndFindings() async throws {
        let fixture = try ServerFixture()
        try await Application(router: fixture.server.router().router).test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn("auditor")
            let page = String(buffer: try await browser.get("/devices/core-router").body)
            #expect(page.contains("<svg class=\"chart\""))
            #expect(page.contains("<polyline"))
            #expect(page.contains("router.memory"))
            #expect(page.contains("GE0/0/1 &lt;went down&gt;") || page.contains("GE0/0/1"))
            let alerts = String(buffer: try await browser.get("/alerts").body)
            #expect(alerts.contains("GE0/0/1 &lt;went down&gt;"), "text from devices is escaped")
        }
    }
}
