import Foundation
import Hummingbird
import JifangModel
import JifangStore

/// Signing in and out, one's own password and language, account administration and the audit trail.
public struct AccountsModule: WebModule {
    let accounts: AccountService
    let sessions: SessionStore
    let throttle: LoginThrottle
    let layout: Layout
    let secureCookies: Bool

    public var navigation: [NavigationItem] {
        [
            NavigationItem(.accounts, path: "/admin/accounts", permission: .manageAccounts),
            NavigationItem(.auditTrail, path: "/audit", permission: .viewAuditTrail),
        ]
    }

    public func register(on routes: SecuredRoutes) {
        routes.get("/login", .public) { request, context in loginPage(request, context) }
        routes.post("/login", .public) { request, context, form in try signIn(request, context, form) }
        routes.post("/logout", .ownAccount) { _, context, _ in
            if let session = context.session { sessions.end(id: session.id) }
            var response = Responses.redirect("/login")
            response.setCookie(SessionCookie.expired(SessionCookie.name))
            return response
        }
        routes.get("/account", .ownAccount) { request, context in ownAccountPage(request, context) }
        routes.post("/account/password", .ownAccount) { request, context, form in
            try changeOwnPassword(request, context, form)
        }
        routes.post("/account/language", .ownAccount) { request, context, form in
            guard let language = UILanguage(rawValue: form["language"]), let account = context.account else {
                return Responses.redirect("/account")
            }
            try accounts.store.setLanguage(username: account.username, language: language, by: actor(context))
            return Responses.redirect("/account?saved=1")
        }
        routes.get("/admin/accounts", .manageAccounts) { request, context in
            try accountsPage(request, context, form: Form(), errors: AccountFormErrors())
        }
        routes.post("/admin/accounts", .manageAccounts) { request, context, form in
            try createAccount(request, context, form)
        }
        registerAdministration(on: routes)
        routes.get("/audit", .viewAuditTrail) { request, context in try auditPage(request, context) }
    }

    func actor(_ context: WebContext) -> Store.Actor {
        Store.Actor(context.account?.username ?? "anonymous", origin: context.remoteAddress)
    }

    // MARK: Sign-in

    private func loginPage(
        _ request: Request, _ context: WebContext, error: Phrase? = nil, username: String = "",
        fieldErrors: [String: Phrase] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        let t = context.localizer(request)
        // Double-submit token: the form and an HttpOnly SameSite=Strict cookie must carry the same value.
        let token = RandomToken.make()
        let next = Query(request).localPath("next") ?? "/"
        let message: HTML = error.map { "<p class=\"notice error\" role=\"alert\">\(t($0))</p>" } ?? ""
        let content: HTML = """
            <h1>\(t(.signIn))</h1>\(message)
            <form method="post" action="/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")" class="stack" id="login">
            <input type="hidden" name="csrf" value="\(token)">
            \(field("username", label: t(.username), value: username, error: fieldErrors["username"].map { t($0) }, extra: " autocomplete=\"username\" required"))
            \(field("password", label: t(.password), type: "password", error: fieldErrors["password"].map { t($0) }, extra: " autocomplete=\"current-password\" required"))
            <button type="submit">\(t(.signIn))</button></form>
            <p class="muted"><a href="/login?lang=en">English</a> · <a href="/login?lang=zh">中文</a></p>
            """
        var response = layout.page(t(.signIn), content: content, request: request, context: context, status: status)
        response.setCookie(SessionCookie.csrf(token, secure: secureCookies))
        return response
    }

    /// Signs in, within the limits of ``LoginThrottle``; fields longer than ``SignInRules`` allows
    /// are refused first, uncounted and unaudited, so no request writes more than a bounded name
    /// to the audit trail.
    private func signIn(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        let username = form["username"].trimmingCharacters(in: .whitespaces).lowercased()
        let address = context.remoteAddress
        let tooLong = SignInRules.refusals(username: username, password: form["password"])
        guard tooLong.isEmpty else {
            return loginPage(
                request, context, error: .fixFields,
                username: String(username.unicodeScalars.prefix(SignInRules.maximumUsernameLength)),
                fieldErrors: tooLong, status: .badRequest)
        }
        let reservation: LoginThrottle.Reservation
        switch throttle.reserve(username: username, address: address) {
        case .success(let reserved):
            reservation = reserved
        case .failure(let refusal):
            let scope = refusal == .address ? "from this address" : "for this account"
            try accounts.store.appendAudit(
                actor: Store.Actor(username, origin: address), action: "login.throttled", subject: username,
                detail: "sign-in refused: too many failures \(scope)")
            return loginPage(request, context, error: .throttled, username: username, status: .tooManyRequests)
        }
        guard let account = try accounts.authenticate(username: username, password: form["password"]) else {
            // The reservation stays: it was this failure, counted before the password was verified.
            try accounts.store.appendAudit(
                actor: Store.Actor(username, origin: address), action: "login.failed", subject: username,
                detail: "wrong username or password")
            return loginPage(request, context, error: .badSignIn, username: username, status: .unauthorized)
        }
        throttle.succeeded(reservation)
        try accounts.store.appendAudit(
            actor: Store.Actor(username, origin: address), action: "login", subject: username, detail: "signed in")
        let session = sessions.create(for: account)
        // Only same-origin paths: an open redirect would let a link send people elsewhere after signing in.
        let target = Query(request).localPath("next") ?? "/"
        var response = Responses.redirect(accounts.passwordExpired(account) ? "/account?expired=1" : target)
        response.setCookie(SessionCookie.session(session.id, secure: secureCookies))
        response.setCookie(SessionCookie.expired(SessionCookie.csrfName))
        return response
    }

    // MARK: Own account

    private func ownAccountPage(
        _ request: Request, _ context: WebContext, errors: AccountFormErrors = AccountFormErrors(),
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let t = context.localizer(request)
        guard let account = context.account else { return Responses.redirect("/login") }
        var notices: [HTML] = []
        let query = Query(request)
        if query.preference("expired", among: ["1"]) != nil || accounts.passwordExpired(account) {
            notices.append("<p class=\"notice error\">\(t(.passwordExpired))</p>")
        }
        if query.preference("saved", among: ["1"]) != nil { notices.append("<p class=\"notice\">\(t(.saved))</p>") }
        if !errors.isEmpty { notices.append("<p class=\"notice error\" role=\"alert\">\(t(.fixFields))</p>") }
        let changed = Format.timestamp(account.passwordChangedAt)
        let content: HTML = """
            <h1>\(t(.account))</h1>\(notices)
            <p>\(account.displayName) (\(account.username)) · \(t(account.role.phrase)) · \(t(Phrase("password set", "密码设置于"))) \(changed)</p>
            <div class="grid"><section class="card"><h2>\(t(Phrase("Change password", "修改密码")))</h2>
            <form method="post" action="/account/password" class="stack" id="password-form">\(csrfField(context))
            \(field("current", label: t(Phrase("Current password", "当前密码")), type: "password", error: errors.message("current", t.language)))
            \(field("password", label: t(Phrase("New password", "新密码")), type: "password", error: errors.message("password", t.language)))
            \(field("confirm", label: t(Phrase("Repeat new password", "再次输入新密码")), type: "password", error: errors.message("confirm", t.language)))
            <p class="muted">\(t(Phrase("More than 8 characters with digits, upper- and lower-case letters and symbols (Art. 118).", "多于8位，须同时包含数字、大小写字母和符号（第118条）。")))</p>
            <button type="submit">\(t(.save))</button></form></section>
            <section class="card"><h2>\(t(.language))</h2>
            <form method="post" action="/account/language" class="stack">\(csrfField(context))
            \(select("language", label: t(.language), options: [("en", "English"), ("zh", "中文")], selected: account.language.rawValue))
            <button type="submit">\(t(.save))</button></form></section></div>
            """
        return layout.page(t(.account), content: content, request: request, context: context, status: status)
    }

    private func changeOwnPassword(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        guard let account = context.account, let session = context.session else { return Responses.redirect("/login") }
        if form["password"] != form["confirm"] {
            return ownAccountPage(
                request, context, errors: AccountFormErrors(["confirm": .english("the two passwords differ")]),
                status: .unprocessableContent)
        }
        do {
            try accounts.changePassword(
                username: account.username, current: form["current"], new: form["password"], by: actor(context))
        } catch let errors as AccountFormErrors {
            return ownAccountPage(request, context, errors: errors, status: .unprocessableContent)
        }
        // Other browsers signed in with the old password are signed out; this one goes on.
        if let changed = try accounts.store.account(named: account.username) {
            sessions.renew(id: session.id, passwordChangedAt: changed.passwordChangedAt)
        }
        sessions.endAll(username: account.username, except: session.id)
        return Responses.redirect("/account?saved=1")
    }

    // MARK: Administration

    func accountsPage(
        _ request: Request, _ context: WebContext, form: Form, errors: AccountFormErrors,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = context.localizer(request)
        let rows: [HTML] = try accounts.store.accounts().map { account in
            """
            <tr id="account-\(account.username)"><td>\(account.username)</td><td>\(account.displayName)</td><td>\(t(account.role.phrase))</td>
            <td>\(account.staffID ?? "—")</td>
            <td>\(account.language.rawValue)</td><td>\(Format.timestamp(account.passwordChangedAt))\(accounts.passwordExpired(account) ? HTML(" <span class=\"state warning\">expired</span>") : "")</td>
            <td>\(account.disabled ? "disabled" : "")</td><td>\(rowForms(account, context, t))</td></tr>
            """
        }
        // Refusals of a row's form name no field of the new-account form, so they are listed here.
        let rowFields = ["staffID", "role"] + (form["displayName"].isEmpty ? ["username"] : [])
        let rowErrors: [HTML] = rowFields.compactMap { errors.message($0, t.language) }.map { "<br>\($0)" }
        let query = Query(request)
        let done = try query.text("created") ?? query.text("changed")
        let notice: HTML =
            errors.isEmpty
            ? (done.map { "<p class=\"notice\">\(t(.saved)) \($0)</p>" } ?? "")
            : "<p class=\"notice error\" role=\"alert\">\(t(.fixFields))\(rowErrors)</p>"
        let roles = AccountRole.allCases.map { (value: $0.rawValue, title: t($0.phrase)) }
        let content: HTML = """
            <h1>\(t(.accounts))</h1>\(notice)
            <div class="grid"><section class="card wide"><table><tr><th>\(t(.username))</th><th>\(t(.displayName))</th>
            <th>\(t(.role))</th><th>\(t(.staffID))</th><th>\(t(.language))</th><th>\(t(Phrase("Password set", "密码设置时间")))</th><th></th><th></th></tr>\(rows)</table></section>
            <section class="card"><h2>\(t(Phrase("New account", "新建账户")))</h2>
            <form method="post" action="/admin/accounts" class="stack" id="new-account">\(csrfField(context))
            \(field("username", label: t(.username), value: form["username"], error: errors.message("username", t.language)))
            \(field("displayName", label: t(.displayName), value: form["displayName"], error: errors.message("displayName", t.language)))
            \(select("role", label: t(.role), options: roles, selected: form["role"].isEmpty ? "technician" : form["role"]))
            \(select("language", label: t(.language), options: [("en", "English"), ("zh", "中文")], selected: form["language"].isEmpty ? "zh" : form["language"]))
            \(field("staffID", label: t(Phrase("Staff id (to write records; optional)", "工号（填写记录用，可选）")), value: form["staffID"], error: errors.message("staffID", t.language)))
            \(field("password", label: t(.password), type: "password", error: errors.message("password", t.language)))
            <button type="submit">\(t(.create))</button></form></section></div>
            """
        return layout.page(t(.accounts), content: content, request: request, context: context, status: status)
    }

    private func createAccount(_ request: Request, _ context: WebContext, _ form: Form) throws -> Response {
        var errors = AccountFormErrors()
        let role = AccountRole(rawValue: form["role"])
        let language = UILanguage(rawValue: form["language"])
        if role == nil { errors.add("role", .english("choose a role")) }
        if language == nil { errors.add("language", .english("choose a language")) }
        if errors.isEmpty, let role, let language {
            do {
                let staffID = form["staffID"].trimmingCharacters(in: .whitespaces)
                try accounts.create(
                    username: form["username"], displayName: form["displayName"], role: role, language: language,
                    password: form["password"], staffID: staffID.isEmpty ? nil : staffID, by: actor(context))
                return Responses.redirect("/admin/accounts?created=\(form["username"])")
            } catch let refused as AccountFormErrors {
                errors = refused
            }
        }
        return try accountsPage(request, context, form: form, errors: errors, status: .unprocessableContent)
    }

    private func auditPage(_ request: Request, _ context: WebContext) throws -> Response {
        let t = context.localizer(request)
        let rows: [HTML] = try accounts.store.auditTrail(limit: 500).map { entry in
            """
            <tr><td>\(Format.timestamp(entry.time))</td><td>\(entry.actor)</td><td>\(entry.action)</td>
            <td>\(entry.subject)</td><td>\(entry.detail)</td><td>\(entry.origin)</td></tr>
            """
        }
        let content: HTML = """
            <h1>\(t(.auditTrail))</h1><table><tr><th>\(t(Phrase("Time", "时间")))</th><th>\(t(Phrase("Who", "操作人")))</th>
            <th>\(t(Phrase("Action", "操作")))</th><th>\(t(Phrase("Record", "对象")))</th><th>\(t(Phrase("Detail", "详情")))</th>
            <th>\(t(Phrase("From", "来源")))</th></tr>\(rows)</table>
            """
        return layout.page(t(.auditTrail), content: content, request: request, context: context)
    }
}
