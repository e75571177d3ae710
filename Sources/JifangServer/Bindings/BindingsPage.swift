import Foundation
import JifangModel
import JifangStore

/// The /bindings page: register, proposals (with the decision form for administrators), recent
/// ARP events with their switch and port, and port actions (with the release form).
struct BindingsPage {
    let store: Store
    let localizer: Localizer
    let context: WebContext
    /// The submitted form, re-shown with `errors` after a refusal.
    let form: Form
    let errors: [String: Phrase]
    /// How far back events are listed.
    let eventHours: Double

    private var t: Localizer { localizer }
    private var manages: Bool { context.account.map { Permission.manageBindings.isGranted(to: $0.role) } ?? false }

    func render(notice: HTML) throws -> HTML {
        try """
        <h1>\(t(.bindings))</h1>\(notice)
        <div class="grid">\(proposals())\(portActions())</div>
        \(register())\(events())
        """
    }

    /// `core-switch GigabitEthernet0/0/7`, or a dash when the MAC was not located.
    static func place(_ located: LocatedARPEvent) -> String {
        guard let name = located.switchName else { return "—" }
        return name + (located.port.map { " \($0)" } ?? "")
    }

    private func error(_ field: String) -> String? { errors[field].map { t($0) } }

    private func register() throws -> HTML {
        let rows: [HTML] = try store.bindings().map { entry in
            """
            <tr><td>\(entry.ip.description)</td><td>\(entry.mac.description)</td><td>\(entry.owner)</td>
            <td>\(entry.unit)</td><td>\(entry.vlan.map { String($0) })</td><td>\(entry.switchName)</td>
            <td>\(entry.port)</td><td>\(entry.action?.rawValue)</td></tr>
            """
        }
        return """
            <section class="card wide" id="register"><h2>\(t(Phrase("Register", "绑定登记表"))) (\(rows.count))</h2>
            <table><tr><th>IP</th><th>MAC</th><th>\(t(Phrase("Owner", "使用人")))</th><th>\(t(Phrase("Unit", "单位")))</th>
            <th>VLAN</th><th>\(t(.bindingSwitch))</th><th>\(t(.bindingPort))</th><th>\(t(Phrase("Action", "处置")))</th></tr>
            \(rows)</table></section>
            """
    }

    private func events() throws -> HTML {
        let since = Date().addingTimeInterval(-eventHours * 3600)
        let events = try store.arpEvents(since: since).suffix(500).reversed()
        let rows: [HTML] = events.map { located in
            let event = located.event
            let violation = BindingViolations.types.contains(event.type)
            return """
                <tr><td>\(Format.timestamp(event.time))</td>
                <td><span class="state \(violation ? "fail" : "warning")">\(event.type.rawValue)</span></td>
                <td>\(event.ip?.description)</td><td>\(event.mac?.description)</td><td>\(event.boundMAC?.description)</td>
                <td>\(event.vlan.map { String($0) })</td><td>\(located.switchName ?? "—")</td><td>\(located.port ?? "—")</td>
                <td>\(event.frame.map { String($0) })</td><td>\(event.message)</td></tr>
                """
        }
        let days = Int((eventHours / 24).rounded())
        return """
            <section class="card wide" id="events"><h2>\(t(Phrase("ARP events", "ARP 事件"))) \
            <span class="muted">(\(days) \(t(Phrase("days", "天"))))</span></h2>
            <table><tr><th>\(t(Phrase("Frame time", "帧时间")))</th><th>\(t(Phrase("Type", "类型")))</th><th>IP</th>
            <th>MAC</th><th>\(t(Phrase("Bound MAC", "登记 MAC")))</th><th>VLAN</th><th>\(t(.bindingSwitch))</th>
            <th>\(t(.bindingPort))</th><th>\(t(Phrase("Frame", "帧号")))</th><th>\(t(Phrase("Message", "说明")))</th></tr>
            \(rows)</table></section>
            """
    }

    private func proposals() throws -> HTML {
        let pending = try store.bindingProposals()
        let rows: [HTML] = pending.map { proposal in
            let pair = proposal.pair
            return """
                <tr><td>\(Int(proposal.id))</td><td>\(pair.ip.description)</td><td>\(pair.mac.description)</td>
                <td>\(pair.vlan.map { String($0) })</td><td>\(Format.timestamp(pair.firstSeen))</td>
                <td>\(Format.timestamp(pair.lastSeen))</td><td>\(pair.packets)</td></tr>
                """
        }
        var decision: HTML = ""
        if manages && (!pending.isEmpty || errors["proposal"] != nil) {
            let options =
                [(value: "", title: "—")]
                + pending.map { (value: String($0.id), title: "\($0.id): \($0.pair.ip) → \($0.pair.mac)") }
            decision = """
                <form method="post" action="/bindings/proposals" class="stack" id="proposal-form">\(csrfField(context))
                \(select("proposal", label: t(Phrase("Proposal", "建议")), options: options, selected: form["proposal"]))\
                \(errorSpan("proposal"))
                \(field("owner", label: t(Phrase("Owner", "使用人")), value: form["owner"], error: error("owner")))
                \(field("unit", label: t(Phrase("Unit id", "单位编号")), value: form["unit"], error: error("unit")))
                <p><button type="submit" name="decision" value="approve">\(t(Phrase("Approve", "批准")))</button>
                <button type="submit" name="decision" value="reject">\(t(Phrase("Reject", "拒绝")))</button></p></form>
                """
        }
        return """
            <section class="card" id="proposals"><h2>\(t(Phrase("Learned proposals", "学习到的绑定建议"))) (\(pending.count))</h2>
            <table><tr><th>#</th><th>IP</th><th>MAC</th><th>VLAN</th><th>\(t(Phrase("First seen", "首次出现")))</th>
            <th>\(t(Phrase("Last seen", "最近出现")))</th><th>\(t(Phrase("Packets", "报文")))</th></tr>\(rows)</table>
            \(decision)</section>
            """
    }

    private func portActions() throws -> HTML {
        let actions = try store.portActions().prefix(100)
        let rows: [HTML] = actions.map { action in
            let state: (String, Phrase) =
                action.isActive
                ? ("fail", Phrase("shut", "已关闭"))
                : action.state == .shutdown
                    ? ("pass", Phrase("released", "已恢复"))
                    : ("warning", Phrase(action.state.rawValue, action.state == .dryRun ? "演练" : "拒绝执行"))
            return """
                <tr><td>\(Int(action.id))</td><td>\(Format.timestamp(action.time))</td><td>\(action.device)</td>
                <td>\(action.ifName ?? "ifIndex \(action.ifIndex)")</td>
                <td>\(action.ip?.description) \(action.mac?.description)</td>
                <td><span class="state \(state.0)">\(t(state.1))</span></td>
                <td>\(action.releasedAt.map(Format.timestamp))</td><td>\(action.reason)</td></tr>
                """
        }
        let active = actions.filter(\.isActive)
        var release: HTML = ""
        if manages && (!active.isEmpty || errors["action"] != nil) {
            let options =
                [(value: "", title: "—")]
                + active.map { (value: String($0.id), title: "\($0.id): \($0.portDescription)") }
            release = """
                <form method="post" action="/bindings/ports/release" class="stack" id="release-form">\(csrfField(context))
                \(select("action", label: t(Phrase("Shut port", "已关闭端口")), options: options, selected: form["action"]))\
                \(errorSpan("action"))
                <button type="submit">\(t(Phrase("Release port", "恢复端口")))</button></form>
                """
        }
        return """
            <section class="card" id="port-actions"><h2>\(t(Phrase("Port actions", "端口处置")))</h2>
            <table><tr><th>#</th><th>\(t(Phrase("Time", "时间")))</th><th>\(t(.bindingSwitch))</th><th>\(t(.bindingPort))</th>
            <th>\(t(Phrase("Station", "终端")))</th><th>\(t(Phrase("State", "状态")))</th>
            <th>\(t(Phrase("Released", "恢复时间")))</th><th>\(t(Phrase("Reason", "原因")))</th></tr>\(rows)</table>
            \(release)</section>
            """
    }

    private func errorSpan(_ name: String) -> HTML {
        error(name).map { "<span class=\"field-error\" id=\"\(name)-error\">\($0)</span>" } ?? ""
    }
}

extension Phrase {
    static let bindingSwitch = Phrase("Switch", "交换机")
    static let bindingPort = Phrase("Port", "端口")
}
