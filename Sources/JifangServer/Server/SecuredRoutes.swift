import Foundation
import Hummingbird
import JifangModel

/// A route as registered: method, path and the permission it checks.
public struct RouteDescriptor: Sendable, Hashable {
    public var method: String
    public var path: String
    public var permission: Permission
}

/// The only way modules add routes: each route states its ``Permission`` and the check runs
/// before the handler, so no route can be added without one.
///
/// Before a handler runs: an anonymous request to a protected route gets 401 (API, /metrics) or
/// a redirect to the sign-in page; a role without the permission gets 403; a session whose
/// password has expired is sent to change it. Every POST must carry the session's CSRF token
/// (or, before sign-in, the token of the `jifang_csrf` cookie); its parsed form reaches the handler.
/// API clients write with ``postJSON(_:_:as:_:)``, which takes API tokens only.
public final class SecuredRoutes {
    public typealias Handler = @Sendable (Request, WebContext) async throws -> Response
    public typealias FormHandler = @Sendable (Request, WebContext, Form) async throws -> Response

    let router: Router<WebContext>
    let layout: Layout
    let accounts: AccountService
    let registered = RouteList()

    init(router: Router<WebContext>, layout: Layout, accounts: AccountService) {
        self.router = router
        self.layout = layout
        self.accounts = accounts
    }

    /// Every route registered so far.
    public var routes: [RouteDescriptor] { registered.all }

    public func get(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        registered.append(RouteDescriptor(method: "GET", path: path, permission: permission))
        let layout = layout, accounts = accounts
        router.get(RouterPath(path)) { request, context in
            if let refusal = Self.refusal(request, context, permission, layout, accounts) { return refusal }
            do {
                return try await handler(request, context)
            } catch let refusal as QueryRefusal {
                return Self.answer(refusal, request, context, layout)
            }
        }
    }

    public func post(_ path: String, _ permission: Permission, _ handler: @escaping FormHandler) {
        registered.append(RouteDescriptor(method: "POST", path: path, permission: permission))
        let layout = layout, accounts = accounts
        router.post(RouterPath(path)) { request, context in
            if let refusal = Self.refusal(request, context, permission, layout, accounts) { return refusal }
            let form = try await Form.read(request)
            let expected =
                permission == .public ? request.cookies[SessionCookie.csrfName]?.value : context.session?.csrfToken
            guard let expected, !expected.isEmpty, ConstantTime.equal(form["csrf"], expected) else {
                return layout.message(.formExpired, status: .forbidden, request: request, context: context)
            }
            do {
                return try await handler(request, context, form)
            } catch let refusal as QueryRefusal {
                return Self.answer(refusal, request, context, layout)
            }
        }
    }

    /// The answer to a query parameter out of its range: the API's JSON refusal with 400 under
    /// /api/, else a 400 page saying what the parameter must be.
    static func answer(_ refusal: QueryRefusal, _ request: Request, _ context: WebContext, _ layout: Layout)
        -> Response
    {
        if isMachinePath(request.uri.path) { return refusal.json.response }
        return layout.message(refusal.phrase, status: .badRequest, request: request, context: context)
    }

    static func refusal(
        _ request: Request, _ context: WebContext, _ permission: Permission, _ layout: Layout,
        _ accounts: AccountService
    ) -> Response? {
        if permission == .public { return nil }
        let machine = Self.isMachinePath(request.uri.path)
        guard let account = context.account else {
            if machine {
                return Responses.jsonError(
                    "sign in or send an API token (Authorization: Bearer …)", status: .unauthorized)
            }
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return Responses.redirect("/login?next=\(next)")
        }
        guard permission.isGranted(to: account.role) else {
            if machine {
                return Responses.jsonError("the role \(account.role.rawValue) may not do this", status: .forbidden)
            }
            return layout.message(.forbidden, status: .forbidden, request: request, context: context)
        }
        if permission != .ownAccount, context.session != nil, accounts.passwordExpired(account) {
            return Responses.redirect("/account?expired=1")
        }
        return nil
    }

    static func isMachinePath(_ path: String) -> Bool { path.hasPrefix("/api/") || path == "/metrics" }
}

/// The routes in the order they were registered.
final class RouteList {
    var all: [RouteDescriptor] = []
    func append(_ route: RouteDescriptor) { all.append(route) }
}
