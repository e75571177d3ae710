import Foundation
import HTTPTypes
import Hummingbird
import JifangModel
import JifangStore

extension SecuredRoutes {
    public typealias JSONHandler<Body: Decodable & Sendable> =
        @Sendable (Request, WebContext, Body) async throws -> JSONWrite

    /// Adds a JSON write under /api/ for scripts and other systems: `POST path` with an
    /// `application/json` body decoded as `Body`, answered with JSON.
    ///
    /// Only requests authenticated by an API token (`Authorization: Bearer …`) are accepted.
    /// A bearer token is not open to cross-site request forgery, so no CSRF token is asked for:
    /// a browser attaches cookies to requests other sites make, but never an `Authorization`
    /// header; another site's script could only set one by knowing the token, and the header
    /// would need a CORS preflight this server never grants. A browser session is exactly what
    /// forgery abuses, so a request carrying only the session cookie is refused with 401 (with
    /// `WWW-Authenticate: Bearer`): browsers write through the CSRF-checked forms of ``post(_:_:_:)``.
    ///
    /// Answers, before `handler` runs: 401 with no token, or a session only; 403 when the token's
    /// role lacks `permission`; 415 when the body is not `application/json`; 400 when it does not
    /// decode, naming the field (`{"error": "...", "field": "text"}`). The handler throws
    /// ``JSONRefusal`` to refuse (nothing must be stored then); what it returns is encoded with
    /// its status, and its audit entry is added to the audit trail with the token's account as actor.
    public func postJSON<Body: Decodable & Sendable>(
        _ path: String, _ permission: Permission, as body: Body.Type = Body.self,
        _ handler: @escaping JSONHandler<Body>
    ) {
        precondition(Self.isMachinePath(path), "JSON writes live under /api/: \(path)")
        registered.append(RouteDescriptor(method: "POST", path: path, permission: permission))
        let layout = layout, accounts = accounts
        router.post(RouterPath(path)) { request, context in
            if let refusal = Self.refusal(request, context, permission, layout, accounts) {
                if refusal.status == .unauthorized { return Self.challenge(refusal) }
                return refusal
            }
            guard let account = context.account, context.session == nil else {
                return Self.challenge(
                    JSONRefusal(
                        "JSON writes take an API token (Authorization: Bearer …); in a browser, use the page's form",
                        status: .unauthorized
                    ).response)
            }
            do {
                let value = try await JSONBody.decode(Body.self, from: request)
                let write = try await handler(request, context, value)
                try accounts.store.appendAudit(
                    actor: Store.Actor(account.username, origin: context.remoteAddress), action: write.action,
                    subject: write.subject, detail: write.detail)
                return try Responses.json(write.body, status: write.status)
            } catch let refusal as JSONRefusal {
                return refusal.response
            } catch let refusal as QueryRefusal {
                return refusal.json.response
            }
        }
    }

    /// Adds `WWW-Authenticate: Bearer`, which a 401 must carry, to say what credentials are taken.
    private static func challenge(_ response: Response) -> Response {
        var response = response
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }
}

/// What a JSON write did: the answer and the audit-trail entry recorded for it.
public struct JSONWrite: Sendable {
    public var status: HTTPResponse.Status
    public var body: any Encodable & Sendable
    /// The audit trail's action, e.g. `duty-log.entry`.
    public var action: String
    /// What was written, e.g. `duty-log #42`.
    public var subject: String
    public var detail: String

    public init(
        status: HTTPResponse.Status = .created, body: any Encodable & Sendable, action: String, subject: String,
        detail: String
    ) {
        self.status = status
        self.body = body
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

/// A refused JSON request: `{"error": message, "field": field}` with `status`; nothing was stored.
public struct JSONRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The body's field at fault, as a path (`fault.cause`, `items[2]`), or `nil` when no one field is.
    public var field: String?
    public var status: HTTPResponse.Status

    public init(_ message: String, field: String? = nil, status: HTTPResponse.Status = .badRequest) {
        self.message = message
        self.field = field
        self.status = status
    }

    public var description: String { message }

    var response: Response {
        (try? Responses.json(APIError(error: message, field: field), status: status)) ?? Response(status: status)
    }
}

/// The error body of the API.
struct APIError: Codable, Sendable {
    var error: String
    var field: String?
}
