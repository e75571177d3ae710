import Foundation
import JifangAgents
import Logging

/// The lines a logger wrote through ``JSONLinesLogHandler``, kept in memory for a test.
final class LogLines: @unchecked Sendable {
    // @unchecked: `lines` is only touched under `lock`.
    private let lock = NSLock()
    private var lines: [String] = []

    /// Every line written so far, in order.
    var all: [String] { lock.withLock { lines } }

    /// A logger labelled `label` whose JSON lines land here.
    func logger(label: String) -> Logger {
        Logger(label: label) { label in
            JSONLinesLogHandler(label: label, write: { line in self.lock.withLock { self.lines.append(line) } })
        }
    }
}
