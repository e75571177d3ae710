import Foundation
import Hummingbird
import JifangAgents

/// Building responses: HTML pages, JSON, plain text, redirects.
public enum Responses {
    public static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.text)))
    }

    public static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONEncoder.jifang.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON error body `{"error": "..."}`.
    public static func jsonError(_ message: String, status: HTTPResponse.Status) -> Response {
        (try? json(["error": message], status: status)) ?? Response(status: status)
    }

    /// 303 See Other: the browser follows with a GET, so reloading never resubmits a form.
    public static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
