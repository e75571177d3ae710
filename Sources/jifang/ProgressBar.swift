import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1 && total > 1
    }

    /// Records one finished item and redraws at most ten times a second.
    func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        guard enabled, done == total || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
