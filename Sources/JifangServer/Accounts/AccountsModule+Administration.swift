import Foundation
import Hummingbird
import JifangModel
import JifangStore

// Changing an existing account from the Accounts page: disable or enable it, change its role, link
// it to a staff member. Administrators only (`manageAccounts`), CSRF-checked as every form, and
// audited by the store in the same transaction as the change.

extension AccountsModule {
    /// What the Accounts page's row forms post: `POST /admin/accounts/<change>` with `username`.
    enum AccountChange: String, CaseIterable, Sendable {
        case disable
        case enable
        case role
        case staff
    }

    func registerAdministration(on routes: SecuredRoutes) {
        for change in AccountChange.allCases {
            routes.post("/admin/accounts/\(change.rawValue)", .manageAccounts) { request, context, form in
                try apply(change, request, context, form)
            }
        }
    }

    /// The forms of one row of the accounts table; one's own account cannot be disabled or demoted
    /// here, so an administrator cannot lock the last administrator out by a slip.
    func rowForms(_ account: Account, _ context: WebContext, _ t: Localizer) -> HTML {
        let own = account.username == context.account?.username
        let id = account.username
        let roles: [HTML] = AccountRole.allCases.map { role in
            "<option value=\"\(role.rawValue)\"\(role == account.role ? HTML(" selected") : "")>\(t(role.phrase))</option>"
        }
        let state: HTML =
            own
            ? ""
            : """
            <form method="post" action="/admin/accounts/\(account.disabled ? "enable" : "disable")" class="inline" id="\(account.disabled ? "enable" : "disable")-\(id)">\(csrfField(context))
            <input type="hidden" name="username" value="\(id)"><button type="submit">\(t(account.disabled ? Phrase("Enable", "启用") : Phrase("Disable", "停用")))</button></form>
            """
        let role: HTML =
            own
            ? ""
            : """
            <form method="post" action="/admin/accounts/role" class="inline" id="role-\(id)">\(csrfField(context))
            <input type="hidden" name="username" value="\(id)"><select name="role" aria-label="\(t(.role))">\(roles)</select>
            <button type="submit">\(t(.save))</button></form>
            """
        return """
            \(state)\(role)
            <form method="post" action="/admin/accounts/staff" class="inline" id="staff-\(id)">\(csrfField(context))
            <input type="hidden" name="username" value="\(id)"><input name="staffID" value="\(account.staffID)" size="10" aria-label="\(t(.staffID))">
            <button type="submit">\(t(Phrase("Link", "关联")))</button></form>
            """
    }

    private func apply(_ change: AccountChange, _ request: Request, _ context: WebContext, _ form: Form) throws
        -> Response
    {
        let username = form["username"]
        guard let account = try accounts.store.account(named: username) else {
            return try accountsPage(
                request, context, form: Form(),
                errors: AccountFormErrors(["username": .english("there is no account \(username)")]),
                status: .unprocessableContent)
        }
        let own = account.username == context.account?.username
        var errors = AccountFormErrors()
        switch change {
        case .disable, .enable:
            if own { errors.add("username", .english("ask another administrator to disable or enable your account")) }
            guard errors.isEmpty else { break }
            try accounts.store.setDisabled(username: username, change == .disable, by: actor(context))
            // Its browsers are signed out now; the middleware would also refuse them on their next request.
            if change == .disable { sessions.endAll(username: username) }
        case .role:
            let role = AccountRole(rawValue: form["role"])
            if role == nil { errors.add("role", .english("choose a role")) }
            if own { errors.add("role", .english("ask another administrator to change your role")) }
            guard errors.isEmpty, let role else { break }
            if role != account.role { try accounts.store.setRole(username: username, role: role, by: actor(context)) }
        case .staff:
            let staffID = form["staffID"].trimmingCharacters(in: .whitespaces)
            if !staffID.isEmpty, try !accounts.isStaffID(staffID) {
                errors.add("staffID", .english("no staff member has the id \(staffID)"))
            }
            guard errors.isEmpty else { break }
            if (staffID.isEmpty ? nil : staffID) != account.staffID {
                try accounts.store.linkStaff(
                    username: username, staffID: staffID.isEmpty ? nil : staffID, by: actor(context))
            }
        }
        if !errors.isEmpty {
            return try accountsPage(request, context, form: Form(), errors: errors, status: .unprocessableContent)
        }
        return Responses.redirect("/admin/accounts?changed=\(username)")
    }
}

extension Phrase {
    static let staffID = Phrase("Staff id", "工号")
}
