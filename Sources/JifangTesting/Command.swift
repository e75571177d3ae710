import Foundation

/// A command that ended with a non-zero status, with what it wrote to standard error.
public struct CommandError: Error, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var standardError: String

    public var description: String {
        "\(command) exited with status \(status): \(standardError)"
    }
}

/// Runs programs the tests need (python3 with scapy, ip) and waits for them.
public enum Command {
    /// Runs `executable` (looked up in PATH) with `arguments`; returns standard output.
    ///
    /// - Throws: ``CommandError`` if the program exits with a non-zero status.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = try start(executable, arguments)
        return try process.wait()
    }

    /// Starts `executable` without waiting, for programs that must run while the test reads.
    public static func start(_ executable: String, _ arguments: [String]) throws -> RunningCommand {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return RunningCommand(process: process, output: output, error: error, name: executable)
    }

    /// Runs a Python script with python3 and `arguments` as `sys.argv[1...]`.
    @discardableResult
    public static func python(_ script: String, arguments: [String] = []) throws -> String {
        try run("python3", ["-c", script] + arguments)
    }
}

/// A started program; call ``wait()`` to collect it.
public struct RunningCommand {
    let process: Process
    let output: Pipe
    let error: Pipe
    let name: String

    /// Waits for the program to end and returns its standard output.
    ///
    /// - Throws: ``CommandError`` if it exited with a non-zero status.
    public func wait() throws -> String {
        // Read before waiting so a chatty program cannot block on a full pipe.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError(
                command: name, status: process.terminationStatus,
                standardError: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: outputData, as: UTF8.self)
    }
}
