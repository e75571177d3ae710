import Foundation
import Hummingbird

/// Reading a JSON request body into a typed value, with refusals that name the field at fault.
enum JSONBody {
    /// The largest body read, bytes; the records' bodies are a few hundred.
    static let maximumSize = 64 * 1024

    /// Decodes the body of `request` as `type`.
    ///
    /// - Throws: ``JSONRefusal`` with 415 when the body is not declared `application/json`, and
    ///   400 naming the field when it does not decode (missing, null, of the wrong type).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw JSONRefusal(
                "send the body as JSON with Content-Type: application/json", status: .unsupportedMediaType)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: maximumSize)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw refusal(error)
        }
    }

    /// The refusal for a decoding error: which field, and what it must be.
    static func refusal(_ error: DecodingError) -> JSONRefusal {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return JSONRefusal("\(field) is required", field: field)
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return JSONRefusal("\(field) is null; give \(describe(type))", field: field)
        case .typeMismatch(let type, let context) where context.codingPath.isEmpty:
            return JSONRefusal("the body must be \(describe(type))")
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return JSONRefusal("\(field) must be \(describe(type))", field: field)
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return JSONRefusal("the body is not valid JSON")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return JSONRefusal("\(field): \(context.debugDescription)", field: field)
        @unknown default:
            return JSONRefusal("the body does not decode: \(error)")
        }
    }

    /// `fault.cause`, `items[2].name`: the path as a client writes it.
    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    /// What a JSON value of `type` is called.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is any BinaryInteger.Type: "an integer"
        case is any BinaryFloatingPoint.Type: "a number"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a JSON value of type \(type)"
        }
    }
}
