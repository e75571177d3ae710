import Foundation

/// Runs the external programs the backup agent relies on (pg_dump, ssh, xorriso, tar, hooks).
///
/// Output goes to files rather than pipes, so a program that prints a lot never blocks on a
/// full pipe. Blocks the calling thread until the program exits.
struct ExternalCommand {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Debian packages that provide the programs, for the not-installed message.
    static let packages = [
        "pg_dump": "postgresql-client", "pg_restore": "postgresql-client", "createdb": "postgresql-client",
        "dropdb": "postgresql-client", "xorriso": "xorriso", "ssh": "openssh-client", "tar": "tar",
    ]

    /// The absolute path of `name`, searching `PATH` when it has no slash.
    static func locate(_ name: String, in directory: String? = nil) throws(BackupError) -> String {
        if let directory { return "\(directory)/\(name)" }
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
        {
            return "\(folder)/\(name)"
        }
        throw .commandNotFound(command: name, package: packages[name] ?? name)
    }

    /// Runs `executable` with `arguments`; extra `environment` entries are added to this process's.
    ///
    /// - Parameter stdoutPath: where standard output goes; `nil` captures it into the result.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdoutPath: String? = nil,
        target: String
    ) throws(BackupError) -> Output {
        let path = try locate(executable)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jifang-cmd-\(UUID().uuidString)")
        let outPath = stdoutPath ?? scratch.path + ".out"
        let errPath = scratch.path + ".err"
        defer {
            if stdoutPath == nil { try? FileManager.default.removeItem(atPath: outPath) }
            try? FileManager.default.removeItem(atPath: errPath)
        }
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
            FileManager.default.createFile(atPath: errPath, contents: nil),
            let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath)
        else { throw .io(path: outPath, reason: "cannot create a file for the output of \(executable)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw .commandFailed(target: target, command: executable, status: -1, output: "\(error)")
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let stdout = stdoutPath == nil ? (FileManager.default.contents(atPath: outPath) ?? Data()) : Data()
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Runs and throws ``BackupError/commandFailed(target:command:status:output:)`` on a non-zero exit.
    @discardableResult
    static func check(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdoutPath: String? = nil,
        target: String
    ) throws(BackupError) -> Output {
        let output = try run(executable, arguments, environment: environment, stdoutPath: stdoutPath, target: target)
        guard output.status == 0 else {
            let shown = ([URL(fileURLWithPath: executable).lastPathComponent] + arguments.prefix(3)).joined(
                separator: " ")
            throw .commandFailed(target: target, command: shown, status: output.status, output: output.stderr)
        }
        return output
    }
}
