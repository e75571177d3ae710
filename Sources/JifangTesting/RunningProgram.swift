import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program that runs while the test reads its output line by line and sends it signals, for
/// long-running commands such as a live `jifang watch`.
///
/// Reads block until a line arrives or the program closes the stream; a watchdog kills the
/// program after `limit`, so a program that never prints what a test waits for fails the test
/// (its streams close) instead of hanging it.
public final class RunningProgram: @unchecked Sendable {
    // @unchecked: the readers are used from the test's task only; `process` is thread-safe.
    private let process: Process
    private let stdout: LineReader
    private let stderr: LineReader
    private let watchdog: DispatchWorkItem

    /// Starts `executable` with `arguments`; `environment` entries are added to this process's.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
        workingDirectory: URL? = nil, limit: Duration = .seconds(120)
    ) throws {
        let (process, out, err) = try CommandRunner(
            executable: executable, environment: environment, workingDirectory: workingDirectory
        ).start(arguments)
        self.process = process
        stdout = LineReader(out.fileHandleForReading)
        stderr = LineReader(err.fileHandleForReading)
        let pid = process.processIdentifier
        watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(
            deadline: .now() + .seconds(Int(limit.components.seconds)), execute: watchdog)
    }

    deinit {
        watchdog.cancel()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Reads standard output until a line satisfies `match`; returns that line, or `nil` when
    /// the program closed its output first. Lines read on the way are kept in ``outputLines``.
    public func awaitOutput(_ match: (String) -> Bool) -> String? { stdout.firstLine(where: match) }

    /// Like ``awaitOutput(_:)`` for standard error.
    public func awaitError(_ match: (String) -> Bool) -> String? { stderr.firstLine(where: match) }

    /// Every standard-output line read so far.
    public var outputLines: [String] { stdout.lines }

    /// Sends `signal` (e.g. `SIGINT`) to the program.
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the program to end; returns its exit status and the rest of both streams.
    public func wait() -> (status: Int32, stdout: [String], stderr: [String]) {
        let out = stdout.rest()
        let err = stderr.rest()
        process.waitUntilExit()
        watchdog.cancel()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, out, err)
    }
}

/// Splits a pipe into lines as they arrive.
private final class LineReader {
    private let handle: FileHandle
    private var pending = Data()
    private var closed = false
    private(set) var lines: [String] = []
    private var consumed = 0

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next unread line, blocking; `nil` at end of stream.
    private func next() -> String? {
        while true {
            if consumed < lines.count {
                consumed += 1
                return lines[consumed - 1]
            }
            if closed { return nil }
            let data = handle.availableData
            if data.isEmpty {
                closed = true
                if !pending.isEmpty {
                    lines.append(String(decoding: pending, as: UTF8.self))
                    pending.removeAll()
                }
                continue
            }
            pending.append(data)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
    }

    func firstLine(where match: (String) -> Bool) -> String? {
        while let line = next() {
            if match(line) { return line }
        }
        return nil
    }

    /// Every line not handed out yet, to the end of the stream.
    func rest() -> [String] {
        var result: [String] = []
        while let line = next() { result.append(line) }
        return result
    }
}
