import Foundation
import Hummingbird
import JifangAgents
import JifangConfig
import JifangModel
import JifangStore

/// The IP–MAC binding register (Art. 34, 109): entries with owner, unit, VLAN and switch port,
/// the ARP watcher's events, port shutdowns, and learned proposals.
///
/// Everyone with `viewMonitoring` reads; administrators (`manageBindings`) approve or reject
/// proposals and release shut ports, through the same store and agent calls as
/// `jifang bindings approve|release`, recorded with the account's name in the register's history,
/// the duty log and the audit trail.
public struct BindingsModule: WebModule {
    let store: Store
    let layout: Layout
    /// The site inventory (switches and their SNMP credentials), read when a port is released.
    let inventoryPath: String
    /// The policy directory holding bindings.yaml.
    let policiesDirectory: String

    /// - Parameters:
    ///   - inventoryPath: the site inventory, as `jifang bindings release --inventory` takes it.
    ///   - policiesDirectory: the directory of bindings.yaml.
    public init(parts: WebServerParts, inventoryPath: String, policiesDirectory: String) {
        store = parts.store
        layout = parts.layout
        self.inventoryPath = inventoryPath
        self.policiesDirectory = policiesDirectory
    }

    public var navigation: [NavigationItem] {
        [NavigationItem(.bindings, path: "/bindings", permission: .viewMonitoring)]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/bindings", .viewMonitoring) { request, context in
            try page(request, context)
        }
        routes.post("/bindings/proposals", .manageBindings) { request, context, form in
            try decide(request, context, form)
        }
        routes.post("/bindings/ports/release", .manageBindings) { request, context, form in
            try await release(request, context, form)
        }
        routes.get("/api/v1/bindings", .viewMonitoring) { _, _ in try Responses.json(try store.bindings()) }
        routes.get("/api/v1/arp-events", .viewMonitoring) { request, _ in
            let query = Query(request)
            let hours = try query.double("hours", default: 24, in: Self.hours)
            let limit = try query.int("limit", default: 1000, in: 1...10_000)
            return try Responses.json(
                try store.arpEvents(since: Date().addingTimeInterval(-hours * 3600), limit: limit))
        }
        routes.get("/api/v1/port-actions", .viewMonitoring) { request, _ in
            let active = try Query(request).flag("active")
            return try Responses.json(try store.portActions(activeOnly: active))
        }
    }

    public func dashboardPanels(for account: Account, localizer t: Localizer) throws -> [HTML] {
        let open = try BindingViolations.unhandled(in: store, since: Date().addingTimeInterval(-86_400))
        let rows: [HTML] = open.prefix(6).map { located in
            let event = located.event
            return """
                <li>\(event.ip?.description ?? "—") \(event.mac?.description ?? "") \
                <span class="muted">\(BindingsPage.place(located))</span></li>
                """
        }
        return [
            """
            <section class="card" id="binding-violations"><h2><a href="/bindings">\(t(.bindingViolations24h))</a></h2>
            <div class="big">\(open.count)</div><ul>\(rows)</ul></section>
            """
        ]
    }

    /// How far back `?hours=` may reach: ten years.
    static let hours: ClosedRange<Double> = 0...87_600

    private func page(
        _ request: Request, _ context: WebContext, form: Form = Form(), errors: [String: Phrase] = [:],
        notice: HTML = "", status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let query = Query(request)
        let hours = try query.double("hours", default: 24 * 7, in: Self.hours)
        var notice = notice
        if notice.text.isEmpty, try query.text("done") != nil {
            notice = "<p class=\"notice\">\(t(.saved))</p>"
        }
        let content = try BindingsPage(
            store: store, localizer: t, context: context, form: form, errors: errors, eventHours: hours
        ).render(notice: notice)
        return layout.page(t(.bindings), content: content, request: request, context: context, status: status)
    }

    /// Approves or rejects one pending proposal; an approval may name the owner and unit.
    private func decide(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        var errors: [String: Phrase] = [:]
        let pending = try store.bindingProposals()
        let proposal = Int64(form["proposal"]).flatMap { id in pending.first { $0.id == id } }
        if proposal == nil { errors["proposal"] = .choosePendingProposal }
        let owner = form["owner"].trimmingCharacters(in: .whitespaces)
        if owner.count > 64 { errors["owner"] = .ownerTooLong }
        let unit = form["unit"].trimmingCharacters(in: .whitespaces)
        if !unit.isEmpty, try !store.units().contains(where: { $0.id == unit }) { errors["unit"] = .unknownUnit }
        let approve = form["decision"] != "reject"
        guard errors.isEmpty, let proposal else {
            return try page(
                request, context, form: form, errors: errors, notice: fixFieldsNotice(context.localizer(request)),
                status: .unprocessableContent)
        }
        let who = context.account?.username
        let pair = "\(proposal.pair.ip) → \(proposal.pair.mac)"
        try AuditTrail(store: store).record(
            approve ? "binding.approve" : "binding.reject", subject: proposal.pair.ip.description,
            detail: "proposal \(proposal.id): \(pair)", by: context
        ) {
            if approve {
                try store.approveProposals(
                    [proposal.id], owner: owner.isEmpty ? nil : owner, unit: unit.isEmpty ? nil : unit, actor: who)
            } else {
                try store.rejectProposals([proposal.id], actor: who)
            }
        }
        return Responses.redirect("/bindings?done=\(approve ? "approved" : "rejected")")
    }

    /// Sets a shut port back up over SNMP and marks the shutdown released.
    private func release(_ request: Request, _ context: WebContext, _ form: Form) async throws -> Response {
        let t = context.localizer(request)
        let active = try store.portActions(activeOnly: true)
        guard let action = Int64(form["action"]).flatMap({ id in active.first { $0.id == id } }) else {
            return try page(
                request, context, form: form, errors: ["action": .chooseActiveShutdown], notice: fixFieldsNotice(t),
                status: .unprocessableContent)
        }
        do {
            let inventory = try Inventory.load(path: inventoryPath)
            let enforcer = PortEnforcer(policy: try BindingPolicy.load(directory: policiesDirectory), store: store)
            try await enforcer.release(action, inventory: inventory, actor: context.account?.username)
        } catch {
            // The switch was not changed, or not as asked: the shutdown stays in force.
            let notice: HTML = """
                <p class="notice error" role="alert">\(t(.releaseFailed)) \(action.portDescription): \
                \(String(describing: error))</p>
                """
            return try page(request, context, form: form, notice: notice, status: .badGateway)
        }
        try AuditTrail(store: store).append(
            "port.release", subject: action.portDescription, detail: "shutdown \(action.id) released", by: context)
        return Responses.redirect("/bindings?done=released")
    }

    private func fixFieldsNotice(_ t: Localizer) -> HTML {
        "<p class=\"notice error\" role=\"alert\">\(t(.fixFields))</p>"
    }
}

extension BindingsModule {
    public var openAPIPaths: [String: OpenAPIValue] {
        [
            "/api/v1/bindings": OpenAPIDocument.get(
                "The IP–MAC binding register (Art. 34, 109)", ["type": "array", "items": Self.bindingSchema]),
            "/api/v1/arp-events": OpenAPIDocument.get(
                "ARP watcher events with the switch and port where the MAC was found, oldest first",
                ["type": "array", "items": Self.eventSchema],
                parameters: [
                    OpenAPIDocument.parameter(
                        "hours", in: "query", "Events of the last this many hours, 0 to 87600 (default 24)"),
                    OpenAPIDocument.parameter(
                        "limit", in: "query", "At most this many events, 1 to 10000 (default 1000)"),
                ]),
            "/api/v1/port-actions": OpenAPIDocument.get(
                "Port shutdowns, dry runs and refusals, newest first", ["type": "array", "items": ["type": "object"]],
                parameters: [OpenAPIDocument.parameter("active", in: "query", "true for shutdowns still in force")]),
        ]
    }
}

extension BindingsModule {
    static let bindingSchema: OpenAPIValue = [
        "type": "object",
        "properties": [
            "ip": ["type": "string"], "mac": ["type": "string"], "owner": ["type": "string", "nullable": true],
            "unit": ["type": "string", "nullable": true], "vlan": ["type": "integer", "nullable": true],
            "switch": ["type": "string", "nullable": true], "port": ["type": "string", "nullable": true],
            "action": ["type": "string", "nullable": true, "enum": ["alert", "shutdown"]],
        ],
    ]

    static let eventSchema: OpenAPIValue = [
        "type": "object",
        "properties": [
            "time": ["type": "string", "format": "date-time"],
            "type": ["type": "string", "enum": .array(ARPEventType.allCases.map { .string($0.rawValue) })],
            "ip": ["type": "string", "nullable": true], "mac": ["type": "string", "nullable": true],
            "boundMac": ["type": "string", "nullable": true], "vlan": ["type": "integer", "nullable": true],
            "frame": ["type": "integer", "nullable": true], "message": ["type": "string"],
            "switch": ["type": "string", "nullable": true], "port": ["type": "string", "nullable": true],
        ],
    ]
}

extension Phrase {
    static let bindings = Phrase("Bindings", "IP-MAC 绑定")
    static let bindingViolations24h = Phrase("Binding violations (24 h, unhandled)", "绑定违规（24 小时，未处理）")
    static let choosePendingProposal = Phrase("Choose a pending proposal.", "请选择一条待审批的建议。")
    static let ownerTooLong = Phrase("At most 64 characters.", "最多 64 个字符。")
    static let unknownUnit = Phrase("There is no unit with this id.", "没有该编号的单位。")
    static let chooseActiveShutdown = Phrase("Choose a port shutdown in force.", "请选择一个仍在关闭的端口。")
    static let releaseFailed = Phrase("The port was not released:", "端口未能恢复：")
}
