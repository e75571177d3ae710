import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body.
public struct Form: Sendable {
    public private(set) var fields: [String: String] = [:]

    public init(_ fields: [String: String] = [:]) { self.fields = fields }

    /// Parses a URL-encoded body; a repeated field keeps its last value.
    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first.map(decode), !name.isEmpty else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
    }

    public subscript(_ name: String) -> String { fields[name] ?? "" }

    /// Reads a form body of at most 64 KiB.
    static func read(_ request: Request) async throws -> Form {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        return Form(urlEncoded: String(buffer: buffer))
    }
}
