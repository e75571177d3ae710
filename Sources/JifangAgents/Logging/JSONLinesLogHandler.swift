import Foundation
import Logging

/// A swift-log handler that writes one JSON object per line: `time`, `level`, `label`,
/// `message` and `metadata`, in that order, for log collectors (`jifang agent --log-format json`).
///
/// Strings are escaped as JSON requires (quotes, backslashes and every control character,
/// NUL included, as `\uXXXX` or its short form), so a message or value never breaks a line.
/// Metadata whose key names a secret (``secretKeys``) is written as `"[redacted]"`: callers
/// never log credentials, and this is the second line of defence. Lines from several tasks
/// never interleave: each is one write under a lock.
public struct JSONLinesLogHandler: LogHandler {
    public let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let sink: Sink

    /// Keys whose values are never written, compared without regard to case.
    public static let secretKeys: Set<String> = ["community", "password", "secret", "token", "auth", "priv"]

    /// Writes to `descriptor` (standard error by default).
    public init(label: String, descriptor: Int32 = 2, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.sink = Sink(descriptor: descriptor)
        self.metadataProvider = metadataProvider
    }

    /// Writes each line to `write` instead of a descriptor (for tests and embedding).
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.sink = Sink(write: write)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        sink.write(
            Self.line(
                time: Date(), level: event.level, label: label, message: event.message.description, metadata: merged))
    }

    /// UTC with milliseconds, e.g. `2026-12-04T20:08:54.753Z`.
    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The JSON line for one event, newline included.
    public static func line(
        time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        var out = "{\"time\":"
        appendString(time.formatted(timeStyle), to: &out)
        out += ",\"level\":"
        appendString(level.rawValue, to: &out)
        out += ",\"label\":"
        appendString(label, to: &out)
        out += ",\"message\":"
        appendString(message, to: &out)
        out += ",\"metadata\":"
        appendObject(metadata, to: &out)
        out += "}\n"
        return out
    }

    private static func appendObject(_ metadata: Logger.Metadata, to out: inout String) {
        out += "{"
        for (index, key) in metadata.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            appendString(key, to: &out)
            out += ":"
            if secretKeys.contains(key.lowercased()) {
                out += "\"[redacted]\""
            } else if let value = metadata[key] {
                appendValue(value, to: &out)
            }
        }
        out += "}"
    }

    private static func appendValue(_ value: Logger.Metadata.Value, to out: inout String) {
        switch value {
        case .string(let text): appendString(text, to: &out)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &out)
        case .dictionary(let dictionary): appendObject(dictionary, to: &out)
        case .array(let values):
            out += "["
            for (index, item) in values.enumerated() {
                if index > 0 { out += "," }
                appendValue(item, to: &out)
            }
            out += "]"
        }
    }

    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value):
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Where lines go; one lock for every handler on the same process, so lines stay whole.
    private final class Sink: Sendable {
        private static let lock = NSLock()
        private let write: @Sendable (String) -> Void

        init(descriptor: Int32) {
            write = { line in
                let bytes = Array(line.utf8)
                var offset = 0
                while offset < bytes.count {
                    let written = bytes.withUnsafeBytes { buffer in
                        Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    }
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }

        init(write: @escaping @Sendable (String) -> Void) {
            self.write = write
        }

        func write(_ line: String) {
            Self.lock.withLock { write(line) }
        }
    }
}
