import Foundation

/// A regular expression from a policy file, compiled once at load time.
///
/// Matching ignores case, because vendors spell their own names inconsistently
/// (`HUAWEI`, `Huawei`). Equality and hashing use the pattern text.
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let regex: NSRegularExpression

    /// Compiles `pattern` (ICU syntax); throws the compiler's complaint as text.
    public init(_ pattern: String) throws(TextPatternError) {
        self.pattern = pattern
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        } catch {
            throw TextPatternError(pattern: pattern)
        }
    }

    /// Number of capture groups in the pattern.
    public var captureGroupCount: Int { regex.numberOfCaptureGroups }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The first capture group that took part in the first match (the whole match if the
    /// pattern has no group), trimmed; `nil` when nothing matched or the capture is empty.
    public func capture(in text: String) -> String? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else {
            return nil
        }
        let groups = match.numberOfRanges > 1 ? Array(1..<match.numberOfRanges) : [0]
        guard let range = groups.lazy.compactMap({ Range(match.range(at: $0), in: text) }).first else { return nil }
        let value = text[range].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    public var description: String { pattern }

    public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}

/// A pattern that is not a valid regular expression.
public struct TextPatternError: Error, Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    public var description: String { "\"\(pattern)\" is not a valid regular expression" }
}

extension YAMLNode {
    /// The node's text compiled as a ``TextPattern``; `minGroups` requires capture groups.
    func pattern(minGroups: Int = 0) -> TextPattern? {
        guard let text = nonEmptyString() else { return nil }
        do {
            let pattern = try TextPattern(text)
            if pattern.captureGroupCount < minGroups {
                invalid("\"\(text)\" needs a capture group ( … ) around the part to extract")
                return nil
            }
            return pattern
        } catch {
            invalid(error.description)
            return nil
        }
    }
}
