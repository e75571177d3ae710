import Foundation
import Hummingbird
import JifangModel

/// Reading a JSON request body into a typed value, with refusals that name the field at fault.
enum JSONBody {
    /// The largest body read, bytes; the records' bodies are a few hundred.
    static let maximumSize = 64 * 1024

    /// Decodes the body of `request` as `type`.
    ///
    /// - Throws: ``JSONRefusal`` with 415 when the body is not declared `application/json`, 413
    ///   when it is larger than ``maximumSize``, and 400 naming the field when it does not decode
    ///   (missing, null, of the wrong type) or when any string in it breaks ``RecordText``'s rule
    ///   (a control character other than tab, CR and LF, or more than ``RecordText/maximumLength``
    ///   characters), so that no API write stores a text cut at a NUL.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw JSONRefusal(
                "send the body as JSON with Content-Type: application/json", status: .unsupportedMediaType)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw JSONRefusal("the body is larger than \(maximumSize / 1024) KiB", status: .contentTooLarge)
        }
        let data = Data(buffer: buffer)
        let value: T
        do {
            value = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw refusal(error)
        }
        // The body decoded, so it is valid JSON; every string in it is checked, named by its path.
        if let tree = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let refusal = textRefusal(in: tree, at: "")
        {
            throw refusal
        }
        return value
    }

    /// The refusal for the first string in `value` (a parsed JSON tree) that ``RecordText`` refuses.
    static func textRefusal(in value: Any, at path: String) -> JSONRefusal? {
        switch value {
        case let text as String:
            guard case .failure(let fault) = RecordText.checked(text) else { return nil }
            let field = path.isEmpty ? "body" : path
            return JSONRefusal("\(field) \(fault)", field: path.isEmpty ? nil : path)
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let refusal = textRefusal(in: element, at: "\(path)[\(index)]") { return refusal }
            }
            return nil
        case let object as [String: Any]:
            for (key, element) in object.sorted(by: { $0.key < $1.key }) {
                if let refusal = textRefusal(in: element, at: path.isEmpty ? key : "\(path).\(key)") {
                    return refusal
                }
            }
            return nil
        default:
            return nil
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
