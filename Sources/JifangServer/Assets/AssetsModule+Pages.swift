import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// The register's list with its add form, and one asset's page with its history and change forms.

extension AssetsModule {
    func listPage(
        _ request: Request, _ context: WebContext, form: Form, errors: RecordFormErrors,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let filter = try Query(request).parsed("state", mustBe: Self.stateForm, AssetState.init(term:))
        let assets = try registry.assets(state: filter)
        let schedule = Dictionary(
            try registry.powerOnSchedule(on: clock.today).map { ($0.asset, $0) }, uniquingKeysWith: { a, _ in a })
        let tabs: [HTML] =
            ["<a href=\"/assets\"\(filter == nil ? HTML(" aria-current=\"page\"") : "")>\(t(Phrase("All", "全部")))</a>"]
            + AssetState.allCases.map { state in
                "<a href=\"/assets?state=\(state.rawValue)\"\(filter == state ? HTML(" aria-current=\"page\"") : "")>\(Self.stateName(state, t))</a>"
            }
        let rows: [HTML] = assets.map { asset in
            var powerOn: HTML = ""
            if let due = schedule[asset.tag] {
                powerOn =
                    due.overdue
                    ? " <span class=\"state fail\">\(t(.overdue)) \(due.due.description)</span>"
                    : " <span class=\"state warning\">\(t(.due)) \(due.due.description)</span>"
            }
            return """
                <tr id="asset-\(asset.tag)"><td><a href="/assets/\(asset.tag)">\(asset.tag)</a></td><td>\(asset.name)</td><td>\(asset.kind.rawValue)</td>
                <td>\(Self.stateName(asset.state, t))\(powerOn)</td><td>\(asset.location)</td><td>\(asset.responsible)</td>
                <td>\(asset.lastPowerOn?.description ?? "—")</td></tr>
                """
        }
        var add: HTML = ""
        if context.account.map({ Permission.manageAssets.isGranted(to: $0.role) }) ?? false {
            add = addForm(form, errors, context, t)
        }
        let content: HTML = """
            <h1>\(t(.assetRegister))</h1>
            \(try Query(request).text("saved").map { "<p class=\"notice\" role=\"status\">\(t(.saved)) \($0)</p>" } ?? HTML(""))
            <p class="tabs">\(tabs)</p>
            <section class="card wide"><table id="assets"><tr><th>\(t(Phrase("Tag", "资产编号")))</th><th>\(t(Phrase("Name", "名称")))</th>
            <th>\(t(Phrase("Kind", "类型")))</th><th>\(t(Phrase("State", "状态")))</th><th>\(t(Phrase("Location", "位置")))</th>
            <th>\(t(Phrase("Responsible", "责任人")))</th><th>\(t(Phrase("Last power-on", "最近通电")))</th></tr>\(rows)</table></section>
            \(add)
            """
        return layout.page(t(.assetRegister), content: content, request: request, context: context, status: status)
    }

    private func addForm(_ form: Form, _ errors: RecordFormErrors, _ context: WebContext, _ t: Localizer) -> HTML {
        let kinds = AssetKind.allCases.map { (value: $0.rawValue, title: $0.rawValue) }
        let states = [AssetState.inUse, .idle].map { (value: $0.rawValue, title: Self.stateName($0, t)) }
        return """
            <section class="card"><h2>\(t(Phrase("Enter an asset", "登记设备")))</h2>\(errors.notice(t))
            <form method="post" action="/assets" class="stack" id="asset-form">\(csrfField(context))
            \(field("tag", label: t(Phrase("Tag", "资产编号")), value: form["tag"], error: errors["tag"]))
            \(field("name", label: t(Phrase("Name", "名称")), value: form["name"], error: errors["name"]))
            \(select("kind", label: t(Phrase("Kind", "类型")), options: kinds, selected: form["kind"].isEmpty ? "pc" : form["kind"]))
            \(select("state", label: t(Phrase("State", "状态")), options: states, selected: form["state"].isEmpty ? "in-use" : form["state"]))
            \(field("location", label: t(Phrase("Location", "位置")), value: form["location"], error: errors["location"]))
            \(field("responsible", label: t(Phrase("Responsible", "责任人")), value: form["responsible"], error: errors["responsible"]))
            \(field("serial", label: t(Phrase("Serial number", "序列号")), value: form["serial"], error: errors["serial"]))
            \(field("price", label: t(Phrase("Price (yuan)", "价格（元）")), value: form["price"], error: errors["price"]))
            <button type="submit">\(t(.create))</button></form></section>
            """
    }

    func assetPage(
        _ request: Request, _ context: WebContext, change: AssetChangeForm?, form: Form, errors: RecordFormErrors,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let tag = Self.tag(context)
        guard let asset = try existingAsset(tag) else {
            return layout.message(.notFound, status: .notFound, request: request, context: context)
        }
        let history: [HTML] = try registry.history(tag).reversed().map { change in
            let what = [change.field, change.before.map { "\($0) →" }, change.after, change.note].compactMap { $0 }
            return """
                <tr><td>\(Format.timestamp(change.time))</td><td>\(change.actor)</td><td>\(change.action)</td><td>\(what.joined(separator: " "))</td></tr>
                """
        }
        let repairs: [HTML] = try registry.repairs(tag).map { ticket in
            let cost = ticket.cost.map { String(format: "%.2f", $0) } ?? "—"
            return """
                <tr><td>\(Int(ticket.id))</td><td>\(ticket.openedOn.description)</td><td>\(ticket.fault)</td><td>\(ticket.causedBy)</td>
                <td>\(ticket.reportedBy)</td><td>\(ticket.closedOn?.description ?? "—")</td><td>\(ticket.result)</td><td>\(cost)</td></tr>
                """
        }
        var forms: HTML = ""
        if context.account.map({ Permission.manageAssets.isGranted(to: $0.role) }) ?? false {
            forms = changeForms(asset, change: change, form: form, errors: errors, context, t)
        }
        let content: HTML = """
            <h1>\(asset.tag) · \(asset.name)</h1>
            \(try Query(request).text("saved") != nil ? HTML("<p class=\"notice\" role=\"status\">\(t(.saved))</p>") : "")
            <p id="asset-state">\(Self.stateName(asset.state, t)) \(t(Phrase("since", "自"))) \(asset.stateSince?.description ?? "—") ·
            \(asset.kind.rawValue) · \(asset.vendor) \(asset.model) \(asset.serial) · \(asset.location) · \(t(Phrase("Responsible", "责任人"))): \(asset.responsible ?? "—")</p>
            <div class="grid">\(forms)</div>
            <section class="card wide"><h2>\(t(Phrase("Repair tickets", "维修记录")))</h2><table id="repairs"><tr><th>#</th>
            <th>\(t(Phrase("Opened", "报修日期")))</th><th>\(t(Phrase("Fault", "故障")))</th><th>\(t(Phrase("Caused by", "责任人")))</th>
            <th>\(t(Phrase("Reported by", "报修人")))</th><th>\(t(Phrase("Closed", "修复日期")))</th><th>\(t(Phrase("Result", "结果")))</th>
            <th>\(t(Phrase("Cost (yuan)", "费用（元）")))</th></tr>\(repairs)</table></section>
            <section class="card wide"><h2>\(t(Phrase("History", "变更记录")))</h2><table id="history"><tr><th>\(t(Phrase("Time", "时间")))</th>
            <th>\(t(Phrase("Who", "操作人")))</th><th>\(t(Phrase("Action", "操作")))</th><th>\(t(Phrase("Change", "变更")))</th></tr>\(history)</table></section>
            """
        return layout.page(asset.tag, content: content, request: request, context: context, status: status)
    }

    /// The forms the asset's state allows, following ``AssetLifecycle``.
    private func changeForms(
        _ asset: Asset, change: AssetChangeForm?, form: Form, errors: RecordFormErrors, _ context: WebContext,
        _ t: Localizer
    ) -> HTML {
        func card(_ kind: AssetChangeForm, _ title: Phrase, _ fields: HTML, _ button: Phrase) -> HTML {
            let shown = change == kind ? errors : RecordFormErrors()
            return """
                <section class="card"><h2>\(t(title))</h2>\(shown.notice(t))
                <form method="post" action="/assets/\(asset.tag)/\(kind.rawValue)" class="stack" id="\(kind.rawValue)-form">\(csrfField(context))
                \(fields)<button type="submit">\(t(button))</button></form></section>
                """
        }
        func value(_ kind: AssetChangeForm, _ name: String) -> String { change == kind ? form[name] : "" }
        func error(_ kind: AssetChangeForm, _ name: String) -> String? { change == kind ? errors[name] : nil }
        var cards: [HTML] = []
        switch asset.state {
        case .inUse, .idle:
            let other: AssetState = asset.state == .inUse ? .idle : .inUse
            cards.append(
                card(
                    .state, Phrase("Change state", "变更状态"),
                    "<input type=\"hidden\" name=\"state\" value=\"\(other.rawValue)\"><p>→ \(Self.stateName(other, t))</p>\(field("note", label: t(Phrase("Note", "备注")), value: value(.state, "note"), error: error(.state, "note")))",
                    Phrase("Change", "变更")))
            cards.append(
                card(
                    .repair, Phrase("Report for repair (Art. 138)", "报修（第138条）"),
                    "\(field("fault", label: t(Phrase("Fault", "故障")), value: value(.repair, "fault"), error: error(.repair, "fault")))\(field("causedBy", label: t(Phrase("Damage caused by (charged the cost)", "损坏责任人（承担费用）")), value: value(.repair, "causedBy"), error: error(.repair, "causedBy")))",
                    Phrase("Open repair ticket", "开维修单")))
            if asset.state == .idle {
                cards.append(
                    card(
                        .powerOn, Phrase("Power-on run (Art. 137)", "通电运行（第137条）"),
                        field(
                            "note", label: t(Phrase("Note", "备注")), value: value(.powerOn, "note"),
                            error: error(.powerOn, "note")),
                        Phrase("Record power-on run", "记录通电")))
            }
        case .underRepair:
            let back = [AssetState.inUse, .idle].map { (value: $0.rawValue, title: Self.stateName($0, t)) }
            cards.append(
                card(
                    .repaired, Phrase("Close the repair", "维修完成"),
                    "\(field("result", label: t(Phrase("Result", "结果")), value: value(.repaired, "result"), error: error(.repaired, "result")))\(field("cost", label: t(Phrase("Cost (yuan)", "费用（元）")), value: value(.repaired, "cost"), error: error(.repaired, "cost")))\(select("returnTo", label: t(Phrase("Back to", "恢复为")), options: back, selected: "in-use"))",
                    Phrase("Close ticket", "关闭维修单")))
        case .scrapped:
            return ""
        }
        cards.append(
            card(
                .scrap, Phrase("Scrap (Art. 139)", "报废（第139条）"),
                "\(field("reason", label: t(Phrase("Reason", "原因")), value: value(.scrap, "reason"), error: error(.scrap, "reason")))\(field("handedTo", label: t(Phrase("Handed over to", "移交给")), value: value(.scrap, "handedTo"), error: error(.scrap, "handedTo")))",
                Phrase("Scrap", "报废")))
        return HTML(unsafe: cards.map(\.text).joined())
    }

    static func stateName(_ state: AssetState, _ t: Localizer) -> String {
        t.language == .chinese ? state.chinese : state.rawValue
    }
}
