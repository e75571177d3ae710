import Foundation

/// A program found on `PATH`, run to completion with its output captured.
struct CommandLineTool: Sendable {
    let url: URL

    /// The first executable called `name` in `PATH` (plus the usual system directories).
    init(named name: String, hint: String) throws(SNMPSimulatorError) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                url = candidate
                return
            }
        }
        throw .toolNotFound(name: name, hint: hint)
    }

    /// Runs the tool and returns its exit status and combined standard output and error as text.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String)
    {
        let (status, data) = try await runForData(arguments, environment: environment)
        return (status, String(decoding: data, as: UTF8.self))
    }

    /// Runs the tool and returns its exit status and combined standard output and error as bytes.
    ///
    /// The output is read on a thread of its own so the caller's task is suspended, not blocked.
    func runForData(_ arguments: [String], environment: [String: String] = [:]) async throws -> (
        status: Int32, output: Data
    ) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            Thread.detachNewThread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, data))
            }
        }
    }
}
