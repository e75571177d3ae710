import Foundation

/// Runs a program to completion and captures what it printed, for tests of command-line tools.
public struct CommandRunner: Sendable {
    /// What a finished program left behind.
    public struct Output: Sendable, CustomStringConvertible {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    public var executable: URL
    public var environment: [String: String]
    public var workingDirectory: URL?

    public init(executable: URL, environment: [String: String] = [:], workingDirectory: URL? = nil) {
        self.executable = executable
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// Runs with `arguments`; output is read concurrently so a chatty program never blocks on a full pipe.
    public func run(_ arguments: [String]) throws -> Output {
        let (process, out, err) = try start(arguments)
        let collected = CollectedOutput()
        let group = DispatchGroup()
        for (pipe, isError) in [(out, false), (err, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: collected.out, as: UTF8.self),
            stderr: String(decoding: collected.err, as: UTF8.self))
    }

    /// Starts the program with `arguments`, standard input empty, its output and errors on pipes
    /// the caller reads.
    func start(_ arguments: [String]) throws -> (process: Process, output: Pipe, errors: Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }
}

private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var out = Data()
    private(set) var err = Data()

    func set(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { err = data } else { out = data }
    }
}
