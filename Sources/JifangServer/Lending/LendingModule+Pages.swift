import Foundation
import Hummingbird
import JifangModel
import JifangRecords
import JifangStore

// The desk's page and its three forms.

extension LendingModule {
    func deskPage(
        _ request: Request, _ context: WebContext, action: LoanAction?, form: Form, errors: RecordFormErrors,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let today = clock.today
        let catalogue = try desk.catalogue()
        let open = try desk.loans(openOnly: true)
        let names = try staff.names()
        let documents: [HTML] = catalogue.map { document in
            let category = t.language == .chinese ? document.category.chinese : document.category.rawValue
            return """
                <tr id="document-\(document.id)"><td>\(document.id)</td><td>\(document.title)</td><td>\(category)</td>
                <td>\(names[document.keeper] ?? document.keeper)</td><td>\(document.price.map { String(format: "%.2f", $0) } ?? "—")</td>
                <td>\(document.state.rawValue)</td></tr>
                """
        }
        let loans: [HTML] = open.map { loan in
            let late: HTML = loan.isOverdue(on: today) ? " <span class=\"state fail\">\(t(.overdue))</span>" : ""
            return """
                <tr id="loan-\(Int(loan.id))"><td>\(loan.document)</td><td>\(loan.title)</td><td>\(names[loan.borrower] ?? loan.borrower)</td>
                <td>\(loan.lentOn.description)</td><td>\(loan.due.description)\(late)</td><td>\(loan.renewals.count)</td></tr>
                """
        }
        var forms: HTML = ""
        if context.account.map({ Permission.manageLoans.isGranted(to: $0.role) }) ?? false {
            let notStaff = try staff.notStaffNotice(for: context.account, t) ?? ""
            forms =
                "\(notStaff)<div class=\"grid\">\(actionForms(action, form, errors, catalogue, open, context, t))</div>"
        }
        let title = t(.lendingDesk)
        let content: HTML = """
            <h1>\(title)</h1>
            \(try Query(request).text("saved") != nil ? HTML("<p class=\"notice\" role=\"status\">\(t(.saved))</p>") : "")
            <p class="muted">\(t(Phrase("Only staff of the system may borrow; nothing is lent outside. A loan lasts at most one month and is renewed when it cannot be returned in time (Art. 146).", "仅限本系统工作人员借阅，不得外借；借期最长一个月，不能按期归还的须办理续借（第146条）。")))</p>
            \(forms)
            <section class="card wide"><h2>\(t(Phrase("Open loans", "借出中")))</h2><table id="loans"><tr><th>\(t(Phrase("Document", "资料")))</th>
            <th>\(t(Phrase("Title", "题名")))</th><th>\(t(Phrase("Borrower", "借阅人")))</th><th>\(t(Phrase("Lent", "借出日期")))</th>
            <th>\(t(Phrase("Due", "应还日期")))</th><th>\(t(Phrase("Renewals", "续借次数")))</th></tr>\(loans)</table></section>
            <section class="card wide"><h2>\(t(Phrase("Catalogue", "资料目录")))</h2><table id="catalogue"><tr><th>#</th>
            <th>\(t(Phrase("Title", "题名")))</th><th>\(t(Phrase("Category", "类别")))</th><th>\(t(Phrase("Keeper", "保管人")))</th>
            <th>\(t(Phrase("Price (yuan)", "价格（元）")))</th><th>\(t(Phrase("State", "状态")))</th></tr>\(documents)</table></section>
            """
        return layout.page(title, content: content, request: request, context: context, status: status)
    }

    private func actionForms(
        _ action: LoanAction?, _ form: Form, _ errors: RecordFormErrors, _ catalogue: [TechnicalDocument],
        _ open: [Loan], _ context: WebContext, _ t: Localizer
    ) -> HTML {
        func card(_ kind: LoanAction, _ title: Phrase, _ fields: HTML, _ button: Phrase) -> HTML {
            let shown = action == kind ? errors : RecordFormErrors()
            return """
                <section class="card"><h2>\(t(title))</h2>\(shown.notice(t))
                <form method="post" action="/lending/\(kind.rawValue)" class="stack" id="\(kind.rawValue)-form">\(csrfField(context))
                \(fields)<button type="submit">\(t(button))</button></form></section>
                """
        }
        func value(_ kind: LoanAction, _ name: String) -> String { action == kind ? form[name] : "" }
        func error(_ kind: LoanAction, _ name: String) -> String? { action == kind ? errors[name] : nil }
        func documentSelect(_ kind: LoanAction, _ choices: [(value: String, title: String)]) -> HTML {
            let id = "\(kind.rawValue)-document"
            let message: HTML =
                error(kind, "document").map { "<span class=\"field-error\" id=\"\(id)-error\">\($0)</span>" } ?? ""
            let options: [HTML] = choices.map { choice in
                "<option value=\"\(choice.value)\"\(choice.value == value(kind, "document") ? HTML(" selected") : "")>\(choice.title)</option>"
            }
            return
                "<label for=\"\(id)\">\(t(Phrase("Document", "资料")))</label><select id=\"\(id)\" name=\"document\">\(options)</select>\(message)"
        }
        let shelf = catalogue.filter { $0.state == .available }.map { (value: $0.id, title: "\($0.id) \($0.title)") }
        let out = open.map { (value: $0.document, title: "\($0.document) \($0.title) (\($0.borrower))") }
        let conditions = ReturnCondition.allCases.map { (value: $0.rawValue, title: t(Self.conditionPhrase($0))) }
        return [
            card(
                .lend, Phrase("Lend", "借出"),
                "\(documentSelect(.lend, shelf))\(field("borrower", label: t(Phrase("Borrower (staff id or name)", "借阅人（工号或姓名）")), value: value(.lend, "borrower"), error: error(.lend, "borrower")))",
                Phrase("Lend", "借出")),
            card(.renew, Phrase("Renew", "续借"), documentSelect(.renew, out), Phrase("Renew", "续借")),
            card(
                .return, Phrase("Take back after inspection", "归还验收"),
                "\(documentSelect(.return, out))\(select("condition", label: t(Phrase("Condition", "验收情况")), options: conditions, selected: value(.return, "condition").isEmpty ? "fine" : value(.return, "condition")))\(field("compensation", label: t(Phrase("Compensation (yuan; default the price)", "赔偿（元，默认按价格）")), value: value(.return, "compensation"), error: error(.return, "compensation")))",
                Phrase("Take back", "归还")),
        ].joined()
    }

    static func conditionPhrase(_ condition: ReturnCondition) -> Phrase {
        switch condition {
        case .fine: Phrase("fine", "完好")
        case .damaged: Phrase("damaged", "损坏")
        case .lost: Phrase("lost", "遗失")
        }
    }

    func perform(_ action: LoanAction, _ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        let t = context.localizer(request)
        var errors = RecordFormErrors()
        let document = form["document"].trimmingCharacters(in: .whitespaces)
        if document.isEmpty { errors.required("document", t) }
        guard let keeper = try staff.person(for: context.account)?.id else {
            errors.refuse(t(.notStaff))
            return try deskPage(
                request, context, action: action, form: form, errors: errors, status: .unprocessableContent)
        }
        let today = clock.today
        do {
            try audit.record(
                "loan.\(action.rawValue)", by: context,
                { () throws -> Loan? in
                    switch action {
                    case .lend:
                        let borrower = form["borrower"].trimmingCharacters(in: .whitespaces)
                        if borrower.isEmpty { errors.required("borrower", t) }
                        guard errors.isEmpty else { return nil }
                        // The desk lends to active staff only; a refusal names the borrower, so it is shown there.
                        do {
                            return try desk.lend(document, to: borrower, on: today, by: keeper)
                        } catch RecordsError.notAllowed(let reason) where reason.contains(borrower) {
                            errors.add("borrower", RecordsError.notAllowed(reason: reason).description)
                            return nil
                        }
                    case .renew:
                        guard errors.isEmpty else { return nil }
                        return try desk.renew(document, on: today, by: keeper)
                    case .return:
                        let compensation = AssetsModule.amount(
                            form["compensation"], field: "compensation", &errors, t)
                        let condition = ReturnCondition(rawValue: form["condition"]) ?? .fine
                        guard errors.isEmpty else { return nil }
                        return try takeBack(
                            document, condition: condition, compensation: compensation, keeper: keeper, &errors, t)
                    }
                },
                entry: { loan in
                    (
                        "loan #\(loan.id)",
                        "\(action.rawValue) \(loan.document) to \(loan.borrower) by \(keeper), due \(loan.due)"
                    )
                })
        } catch let error as RecordsError {
            // DocumentDesk names the form's fields as the form does; `keeper` is the signed-in
            // account's staff member, not a field, so its refusals go above the form.
            errors.add(error, known: ["document", "borrower", "compensation"], t)
        }
        if errors.isEmpty { return Responses.redirect("/lending?saved=1") }
        return try deskPage(request, context, action: action, form: form, errors: errors, status: .unprocessableContent)
    }

    /// Takes `document` back after inspection as `keeper`, unless `errors` already holds a
    /// refusal: the form and the API share this. A damaged or lost item is paid for at its price;
    /// one without a price needs `compensation`, else that field is refused and nothing is stored.
    func takeBack(
        _ document: String, condition: ReturnCondition, compensation: Double?, keeper: String,
        _ errors: inout RecordFormErrors, _ t: Localizer
    ) throws -> Loan? {
        guard errors.isEmpty else { return nil }
        do {
            return try desk.takeBack(
                document, on: clock.today, condition: condition, by: keeper, compensation: compensation)
        } catch RecordsError.missingField(field: "price", _) {
            errors.add(
                "compensation",
                t(Phrase("The item has no price: give the compensation.", "该资料未登记价格，请填写赔偿金额。")))
            return nil
        }
    }
}
