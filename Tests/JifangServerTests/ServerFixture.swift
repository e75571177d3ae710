import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JifangConfig
import JifangModel
import JifangRecords
import JifangServer
import JifangStore
import JifangTesting
import NIOCore

/// A server over a fresh store holding one account per role and a polled router and UPS, with the
/// records modules; the technician and the administrator (a supervisor) are registered staff,
/// linked to their accounts.
struct ServerFixture {
    static let password = "Jifang#2025pass"
    let directory: TemporaryDirectory
    let store: Store
    let server: WebServer

    init(policy: AccountPolicy = AccountPolicy()) throws {
        directory = try TemporaryDirectory(prefix: "jifang-server")
        store = try Store(path: directory.appending("jifang.sqlite").path)
        server = WebServer(
            store: store, policy: policy, options: .init(snapshotMaximumAge: 0, passwordRounds: 210_000),
            modules: RecordsModules.makers(policy: RecordsPolicy()) + Self.operationsModules(directory))
        for role in AccountRole.allCases {
            try server.accounts.create(
                username: role.rawValue, displayName: "\(role.rawValue.capitalized) 张", role: role,
                password: Self.password,
                by: Store.Actor("test"))
        }
        try Self.seed(store)
        try Self.seedOperations(store, directory)
        try Self.seedRecords(store)
        // Only an explicit link makes an account a staff member (never a matching name).
        for username in ["technician", "administrator"] {
            try store.linkStaff(username: username, staffID: username, by: Store.Actor("test"))
        }
    }

    /// Staff for the technician and administrator accounts and a colleague to lend to; an idle PC
    /// whose power-on run is overdue; a manual priced at 80 yuan on the shelf.
    static func seedRecords(_ store: Store) throws {
        let today = CalendarDay(Date(), utcOffsetSeconds: RecordsPolicy().utcOffsetSeconds)
        let staff = StaffRegister(store: store)
        try staff.register(StaffMember(id: "technician", name: "Technician 张", roles: [.technician]))
        try staff.register(
            StaffMember(id: "administrator", name: "Administrator 张", roles: [.administrator, .supervisor]))
        try staff.register(StaffMember(id: "li.si", name: "李四", roles: [.technician, .keeper]))
        try AssetRegister(store: store).add(
            Asset(tag: "PC-001", name: "MIS PC", kind: .pc, state: .idle, stateSince: today.adding(months: -2)),
            actor: "technician", on: today)
        try DocumentDesk(store: store).add(
            TechnicalDocument(id: "D-1", title: "AR2220 manual", category: .equipment, keeper: "li.si", price: 80))
    }

    /// A router that answered with a failing spec clause and an interface down, and a UPS on battery.
    static func seed(_ store: Store) throws {
        let now = Date()
        let router = Device(name: "core-router", address: "127.0.0.11", port: 1161, declaredKind: .router)
        let ups = Device(name: "ups-1", address: "127.0.0.15", port: 1161, declaredKind: .ups)
        for minutes in stride(from: 60, through: 0, by: -10) {
            let time = now.addingTimeInterval(-Double(minutes) * 60)
            var health = DeviceHealth(device: router, polledAt: time, reachable: true)
            health.identity = DeviceIdentity(kind: .router, vendor: "Huawei", model: "AR2220", serial: "2102351")
            health.cpuPercent = 20 + Double(minutes % 30)
            var port = InterfaceStatus(index: 1, name: "GE0/0/1", type: 6, adminStatus: .up, operStatus: .down)
            port.inBitsPerSecond = 1_000_000
            port.outBitsPerSecond = 2_000_000
            health.interfaces = [port]
            health.findings = [
                Finding(
                    rule: "router.memory", article: "Art. 55", status: .fail, message: "64 MB < 128 MB",
                    observed: "64 MB", source: "snmp")
            ]
            try store.record(
                health: health,
                observations: [
                    Observation(device: "core-router", metric: "cpu.percent", time: time, value: health.cpuPercent!),
                    Observation(
                        device: "core-router", metric: "if.inBps", instance: "GE0/0/1", time: time, value: 1_000_000),
                ],
                conditions: [
                    AlertCondition(
                        device: "core-router", type: .interfaceDown, subject: "GE0/0/1", severity: .warning,
                        message: "GE0/0/1 <went down>")
                ])
            var upsHealth = DeviceHealth(device: ups, polledAt: time, reachable: true)
            upsHealth.identity = DeviceIdentity(kind: .ups, vendor: "APC", model: "Smart-UPS")
            upsHealth.ups = UPSStatus(
                batteryChargePercent: 87, runtimeMinutes: 42, outputSource: .battery, loadPercent: 30)
            try store.record(
                health: upsHealth,
                observations: [Observation(device: "ups-1", metric: "ups.chargePercent", time: time, value: 87)],
                conditions: [])
        }
    }
}

/// A browser-like client over HummingbirdTesting: keeps cookies, signs in, submits forms with CSRF tokens.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    mutating func request(
        _ method: HTTPRequest.Method, _ uri: String, form: [String: String]? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let allowed = CharacterSet.alphanumerics
            body = ByteBuffer(
                string: form.map {
                    "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
                }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if value.contains("Max-Age=0") {
                cookies[String(pair[0])] = nil
            } else {
                cookies[String(pair[0])] = String(pair[1])
            }
        }
        return response
    }

    mutating func get(_ uri: String) async throws -> TestResponse { try await request(.get, uri) }

    /// Loads `page` and submits `fields` with the CSRF token of the page's form.
    mutating func submit(_ page: String, to action: String, _ fields: [String: String]) async throws -> TestResponse {
        let form = try await get(page)
        var fields = fields
        fields["csrf"] = Self.csrf(in: String(buffer: form.body)) ?? ""
        return try await request(.post, action, form: fields)
    }

    /// Signs in; returns the response to the POST.
    @discardableResult
    mutating func signIn(_ username: String, password: String = ServerFixture.password) async throws -> TestResponse {
        try await submit("/login", to: "/login", ["username": username, "password": password])
    }

    static func csrf(in html: String) -> String? { hidden("csrf", in: html) }

    /// The value of the first hidden field `name` in a page.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
