import Foundation
import Logging

/// How `jifang agent` logs: swift-log with text on a terminal and JSON lines otherwise.
public enum AgentLogging {
    /// The shape of each log line.
    public enum Format: String, Sendable, CaseIterable {
        /// swift-log's `StreamLogHandler` lines, for a person at a terminal.
        case text
        /// ``JSONLinesLogHandler``: one JSON object per line, for journald and collectors.
        case json

        /// Text when standard error is a terminal, JSON lines otherwise.
        public static var automatic: Format { isatty(2) == 1 ? .text : .json }
    }

    /// Sends every `Logger` of this process (the agent's, the service group's and the web
    /// server's) to standard error in `format`, at `level` and above. Call once, before any
    /// logger is made.
    public static func bootstrap(format: Format, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                switch format {
                case .text: StreamLogHandler.standardError(label: label)
                case .json: JSONLinesLogHandler(label: label)
                }
            handler.logLevel = level
            return handler
        }
    }
}
