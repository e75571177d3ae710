import Foundation
import HTTPTypes
import Hummingbird
import JifangModel

/// Finds out who is asking: an `Authorization: Bearer` API token, or the session cookie.
/// Also adds the security headers every response carries.
///
/// The account is read from the store on each request, so a role change, a disabled account or
/// a password changed by another process (`jifang users passwd` on the same store) takes effect
/// on the next request: a session whose recorded `passwordChangedAt` no longer matches the
/// account's is ended, as is every session of a disabled account. A token that is unknown,
/// revoked or expired, or whose account is disabled or has an expired password, is answered 401
/// with the reason, whatever the path.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let accounts: AccountService
    let sessions: SessionStore

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            switch try accounts.check(token: String(authorization.dropFirst(7))) {
            case .success(let account): context.account = account
            case .failure(let refusal): return Self.secured(Self.refusal(refusal))
            }
        } else if let id = request.cookies[SessionCookie.name]?.value, let session = sessions.session(id: id) {
            let account = try accounts.store.account(named: session.username)
            if let account, !account.disabled, account.passwordChangedAt == session.passwordChangedAt {
                context.account = account
                context.session = session
            } else if let account, !account.disabled {
                // Its password changed since this session began (here or in another process): this
                // session ends; sessions begun with the new password go on.
                sessions.end(id: id)
            } else {
                // Disabled or removed: every session of it ends.
                sessions.endAll(username: session.username)
            }
        }
        return Self.secured(try await next(request, context))
    }

    /// 401 with the reason and the `WWW-Authenticate` challenge RFC 6750 asks for.
    static func refusal(_ refusal: AccountService.TokenRefusal) -> Response {
        var response = Responses.jsonError(refusal.description, status: .unauthorized)
        response.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
        return response
    }

    static func secured(_ response: Response) -> Response {
        var response = response
        for (name, value) in Self.securityHeaders where response.headers[name] == nil {
            response.headers[name] = value
        }
        return response
    }

    /// No scripts, no framing, no third-party anything: pages are server-rendered with one local style sheet.
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (
            HTTPField.Name.contentSecurityPolicy,
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        ),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
        (HTTPField.Name.cacheControl, "no-store"),
    ]
}

/// The cookies the server sets: HttpOnly so scripts cannot read them, SameSite=Strict so other
/// sites cannot send them, Secure when the server is told it sits behind HTTPS.
enum SessionCookie {
    static let name = "jifang_session"
    static let csrfName = "jifang_csrf"

    static func session(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func csrf(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: csrfName, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }
}
