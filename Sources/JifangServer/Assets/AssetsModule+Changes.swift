import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// Submissions: entering an asset and the state changes, each through AssetRegister.

extension AssetsModule {
    func addAsset(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        let t = context.localizer(request)
        var errors = RecordFormErrors()
        func text(_ name: String) -> String? {
            let value = form[name].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        let kind = AssetKind(rawValue: form["kind"])
        if kind == nil { errors.add("kind", t(Phrase("Choose a kind.", "请选择类型。"))) }
        let state = AssetState(rawValue: form["state"])
        if state == nil { errors.add("state", t(Phrase("Choose a state.", "请选择状态。"))) }
        let price = Self.amount(form["price"], field: "price", &errors, t)
        if let tag = text("tag"), try existingAsset(tag) != nil {
            errors.add("tag", t(Phrase("This tag is already in the register.", "该资产编号已登记。")))
        }
        let actor = try staff.person(for: context.account)
        if actor == nil { errors.refuse(t(.notStaff)) }
        if errors.isEmpty, let kind, let state, let actor {
            let asset = Asset(
                tag: form["tag"].trimmingCharacters(in: .whitespaces),
                name: form["name"].trimmingCharacters(in: .whitespaces),
                kind: kind, state: state, location: text("location"), responsible: text("responsible"),
                serial: text("serial"), price: price)
            do {
                try audit.record(
                    "asset.add", subject: "asset \(asset.tag)",
                    detail: "\(asset.name), \(asset.kind.rawValue), \(asset.state.rawValue), by \(actor.id)",
                    by: context
                ) { try registry.add(asset, actor: actor.id, on: clock.today) }
                return Responses.redirect(
                    "/assets?saved=\(asset.tag.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            } catch let error as RecordsError {
                errors.add(error, known: Self.addFormFields, t)
            }
        }
        return try listPage(request, context, form: form, errors: errors, status: .unprocessableContent)
    }

    func apply(_ change: AssetChangeForm, _ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        let t = context.localizer(request)
        let tag = Self.tag(context)
        guard try existingAsset(tag) != nil else {
            return layout.message(.notFound, status: .notFound, request: request, context: context)
        }
        var errors = RecordFormErrors()
        guard let actor = try staff.person(for: context.account)?.id else {
            errors.refuse(t(.notStaff))
            return try assetPage(
                request, context, change: change, form: form, errors: errors, status: .unprocessableContent)
        }
        let day = clock.today
        let note = form["note"].trimmingCharacters(in: .whitespaces)
        do {
            // Each change returns what the audit trail says of it, or nil when the form was refused.
            try audit.record(
                "asset.\(change.rawValue)", by: context,
                { () throws -> String? in
                    switch change {
                    case .state:
                        guard let state = AssetState(rawValue: form["state"]) else {
                            errors.add("state", t(Phrase("Choose a state.", "请选择状态。")))
                            return nil
                        }
                        try registry.changeState(tag, to: state, actor: actor, on: day, note: note.isEmpty ? nil : note)
                        return "state \(state.rawValue)"
                    case .repair:
                        if form["fault"].trimmingCharacters(in: .whitespaces).isEmpty { errors.required("fault", t) }
                        guard errors.isEmpty else { return nil }
                        try registry.openRepair(
                            tag, fault: form["fault"], causedBy: form["causedBy"], reportedBy: actor, on: day)
                        return "repair opened: \(form["fault"])"
                    case .repaired:
                        let cost = Self.amount(form["cost"], field: "cost", &errors, t)
                        if form["result"].trimmingCharacters(in: .whitespaces).isEmpty { errors.required("result", t) }
                        guard errors.isEmpty else { return nil }
                        let returnTo = AssetState(rawValue: form["returnTo"]) ?? .inUse
                        try registry.closeRepair(
                            tag, result: form["result"], cost: cost, returnTo: returnTo, actor: actor, on: day)
                        return
                            "repair closed: \(form["result"])\(cost.map { String(format: ", cost %.2f yuan", $0) } ?? "")"
                    case .scrap:
                        if form["reason"].trimmingCharacters(in: .whitespaces).isEmpty { errors.required("reason", t) }
                        if form["handedTo"].trimmingCharacters(in: .whitespaces).isEmpty {
                            errors.required("handedTo", t)
                        }
                        guard errors.isEmpty else { return nil }
                        try registry.scrap(
                            tag, reason: form["reason"], handedTo: form["handedTo"], actor: actor, on: day)
                        return "scrapped: \(form["reason"]), handed to \(form["handedTo"])"
                    case .powerOn:
                        try registry.recordPowerOn(tag, on: day, actor: actor, note: note.isEmpty ? nil : note)
                        return "power-on run"
                    }
                },
                entry: { detail in ("asset \(tag)", "\(detail) by \(actor)") })
        } catch let error as RecordsError {
            errors.add(error, known: Self.changeFormFields, renaming: Self.changeFormNames, t)
        }
        if errors.isEmpty {
            return Responses.redirect("\(Self.path(tag))?saved=1")
        }
        return try assetPage(
            request, context, change: change, form: form, errors: errors, status: .unprocessableContent)
    }

    /// The add form's fields, named as AssetRegister names them (its other fields, such as
    /// rack or vendor, come in by CSV only).
    static let addFormFields: Set<String> = [
        "tag", "name", "kind", "state", "location", "responsible", "serial", "price",
    ]

    /// The change forms' fields; a refusal naming another field (such as `day`) is shown above
    /// the form.
    static let changeFormFields: Set<String> = [
        "state", "note", "fault", "causedBy", "result", "cost", "returnTo", "reason", "handedTo",
    ]

    /// AssetRegister's field names (the command line's) that the change forms spell otherwise.
    static let changeFormNames = ["caused-by": "causedBy", "handed-to": "handedTo", "return-to": "returnTo"]

    /// The tag in an asset's path, percent-decoded: the router hands path segments over as sent.
    static func tag(_ context: WebContext) -> String {
        let raw = context.parameters.get("tag") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    /// `/assets/<tag>` with the tag escaped only where a path segment needs it, so `PC-001` stays
    /// `PC-001` (escaping `-` too would make a path the router does not decode back).
    static func path(_ tag: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;"))
        return "/assets/\(tag.addingPercentEncoding(withAllowedCharacters: allowed) ?? tag)"
    }

    /// An optional amount in yuan; a bad one is filed as the field's error.
    static func amount(_ text: String, field: String, _ errors: inout RecordFormErrors, _ t: Localizer) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let value = Double(text) else {
            errors.add(field, t(.amount))
            return nil
        }
        return amount(value, field: field, &errors, t)
    }

    /// An optional amount in yuan given as a number (the API): negative or infinite ones are
    /// filed as the field's error.
    static func amount(_ value: Double?, field: String, _ errors: inout RecordFormErrors, _ t: Localizer) -> Double? {
        guard let value else { return nil }
        guard value >= 0, value.isFinite else {
            errors.add(field, t(.amount))
            return nil
        }
        return value
    }
}

extension Phrase {
    static let amount = Phrase("Give an amount in yuan, e.g. 350 or 99.50.", "请填写金额（元），如 350 或 99.50。")
}
