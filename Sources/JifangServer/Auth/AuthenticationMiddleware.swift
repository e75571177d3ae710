import Foundation
import HTTPTypes
import Hummingbird
import JifangModel

/// Finds out who is asking: an `Authorization: Bearer` API token, or the session cookie.
/// Also adds the security headers every response carries.
///
/// The account is read from the store on each request, so a role change or a disabled account
/// takes effect at once.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let accounts: AccountService
    let sessions: SessionStore

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            context.account = try accounts.account(token: String(authorization.dropFirst(7)))
        } else if let id = request.cookies[SessionCookie.name]?.value, let session = sessions.session(id: id) {
            if let account = try accounts.store.account(named: session.username), !account.disabled {
                context.account = account
                context.session = session
            } else {
                sessions.end(id: id)
            }
        }
        var response = try await next(request, context)
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
