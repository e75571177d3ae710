import Foundation
import HTTPTypes
import Hummingbird
import JifangRecords
import JifangStore

/// Answers a request whose handler failed because the store is busy, full or read-only with the
/// status a client can act on, instead of a bare 500.
///
/// Busy (another process holds the store's lock past its busy timeout) is 503 with `Retry-After`,
/// as a client may simply retry; a full disk is 507 Insufficient Storage and a read-only store
/// 503, both needing an administrator. The answer does not name the store's path: that is for
/// the operator's log and terminal, not for every client. Other store errors go on as before.
struct StoreErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext

    /// Seconds a client is told to wait before retrying a busy store.
    static let retryAfterSeconds = 5

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            guard let answer = Self.answer(error.code) else { throw error }
            return answer
        } catch RecordsError.store(let error) {
            guard let answer = Self.answer(error.code) else { throw RecordsError.store(error) }
            return answer
        }
    }

    /// The answer for a store failure of `code`, or `nil` when it is not one a client can act on.
    static func answer(_ code: StoreError.Code) -> Response? {
        switch code {
        case .busy:
            var response = Responses.jsonError(
                "the store is busy: another process holds it; retry in \(retryAfterSeconds) seconds",
                status: .serviceUnavailable)
            response.headers[.retryAfter] = "\(retryAfterSeconds)"
            return response
        case .full:
            return Responses.jsonError(
                "the store's disk is full: an administrator must free space on it",
                status: HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"))
        case .readOnly:
            return Responses.jsonError(
                "the store cannot be written: an administrator must check its file's permissions and mount",
                status: .serviceUnavailable)
        default:
            return nil
        }
    }
}
