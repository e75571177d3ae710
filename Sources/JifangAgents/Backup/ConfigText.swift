import Foundation

/// Configuration text as versions compare it and as people read its changes.
///
/// Volatile lines (timestamps, uptime, NTP clock lines) are masked before two versions are
/// compared, so they never count as a change. Secrets (passwords, communities, keys) are masked
/// in every diff shown to people; the stored version keeps the device's text unchanged.
public struct ConfigText: Sendable {
    private let volatile: [String]
    private let secrets: [String]

    /// - Parameters: regular expressions, as in Policies/backups.yaml (already validated there).
    public init(volatilePatterns: [String], secretPatterns: [String]) {
        self.volatile = volatilePatterns
        self.secrets = secretPatterns
    }

    public static let volatileMask = "<volatile>"
    public static let secretMask = "<secret>"

    /// The lines that decide whether a configuration changed: line endings normalised, trailing
    /// spaces dropped, volatile lines replaced by a marker.
    public func normalised(_ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
            while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
            return line
        }
        while lines.last == "" { lines.removeLast() }
        let patterns = volatile.compactMap { try? Regex($0) }
        return lines.map { line in
            patterns.contains { line.contains($0) } ? Self.volatileMask : line
        }
    }

    /// The content address of a configuration: SHA-256 of its normalised lines.
    public func address(_ data: Data) -> String {
        DurableFiles.sha256(of: Data(normalised(data).joined(separator: "\n").utf8))
    }

    /// `line` with each secret masked: the first capture group of a matching pattern, or the
    /// whole match when the pattern has no group.
    public func maskingSecrets(_ line: String) -> String {
        var line = line
        for pattern in secrets {
            guard let regex = try? Regex(pattern) else { continue }
            var result = ""
            var rest = line[...]
            while let match = rest.firstMatch(of: regex) {
                let range = match.output.count > 1 ? (match.output[1].range ?? match.range) : match.range
                result += rest[rest.startIndex..<range.lowerBound] + Self.secretMask
                result += rest[range.upperBound..<match.range.upperBound]
                rest = rest[match.range.upperBound...]
                if match.range.isEmpty { break }
            }
            line = result + rest
        }
        return line
    }

    /// A unified diff of two configurations, volatile lines and secrets masked, with `context`
    /// unchanged lines around each change; empty when nothing changed.
    public func diff(old: Data?, new: Data, oldName: String, newName: String, context: Int = 3) -> String {
        let before = (old.map(normalised) ?? []).map(maskingSecrets)
        let after = normalised(new).map(maskingSecrets)
        return LineDiff(before, after).unified(oldName: oldName, newName: newName, context: context)
    }
}
