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

    /// The variables of this process's environment a program is given: enough to find programs,
    /// a home folder and the language, nothing else. The agent's own environment holds the
    /// secrets that `env:NAME` references point to, which a hook or ssh has no business seeing.
    static let passedVariables = ["PATH", "HOME", "LANG"]

    /// The environment a program runs with: ``passedVariables`` from this process, then `extra`.
    static func environment(adding extra: [String: String]) -> [String: String] {
        let own = ProcessInfo.processInfo.environment
        var result: [String: String] = [:]
        for name in passedVariables { result[name] = own[name] }
        result["PATH"] = result["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return result.merging(extra) { $1 }
    }

    /// The most standard output ``run(_:_:environment:stdoutPath:outputLimit:target:)`` captures
    /// into memory, 64 MiB: far more than any device configuration or archive listing, and a
    /// bound on what a hook or an ssh peer that prints without end can make the agent hold.
    static let outputLimit = 64 << 20

    /// The most of standard error kept for messages, 64 KiB; the rest is dropped.
    static let errorOutputLimit = 64 << 10

    /// How often a running program's captured output is measured against the limit.
    private static let outputCheckInterval: useconds_t = 20_000

    /// Runs `executable` with `arguments` in the environment ``environment(adding:)`` builds.
    ///
    /// Its output is captured in files of mode 0600 in a fresh folder of mode 0700 (`mkdtemp`):
    /// a hook's or ssh's output is a device configuration, with its passwords. Captured standard
    /// output is held to `outputLimit` bytes: a program that prints more is killed (SIGKILL) as
    /// soon as its output file passes the limit, and nothing it printed is kept. Output written
    /// to `stdoutPath` (a dump) is not limited here.
    ///
    /// - Parameter stdoutPath: where standard output goes; `nil` captures it into the result.
    /// - Throws: ``BackupError/outputTooLarge(target:command:limit:)`` naming the program when it
    ///   printed more than `outputLimit` bytes.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdoutPath: String? = nil,
        outputLimit: Int = ExternalCommand.outputLimit, target: String
    ) throws(BackupError) -> Output {
        let path = try locate(executable)
        let scratch = try DurableFiles.makePrivateFolder(
            beside: FileManager.default.temporaryDirectory.appendingPathComponent("jifang").path, label: "cmd")
        defer { DurableFiles.remove(scratch) }
        let outPath = stdoutPath ?? "\(scratch)/stdout"
        let errPath = "\(scratch)/stderr"
        let out = try Self.createOutput(outPath, replacing: stdoutPath != nil)
        let err = try Self.createOutput(errPath, replacing: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = Self.environment(adding: environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw .commandFailed(target: target, command: executable, status: -1, output: "\(error)")
        }
        var exceeded = false
        if stdoutPath == nil {
            // Measured while it runs, so an endless printer is stopped instead of filling the disk.
            while process.isRunning {
                if Self.size(of: outPath) > outputLimit {
                    exceeded = true
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
                usleep(Self.outputCheckInterval)
            }
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        if stdoutPath == nil && (exceeded || Self.size(of: outPath) > outputLimit) {
            throw .outputTooLarge(target: target, command: executable, limit: outputLimit)
        }
        let stdout = stdoutPath == nil ? try Self.read(outPath, atMost: outputLimit) : Data()
        let stderr = String(decoding: try Self.read(errPath, atMost: errorOutputLimit), as: UTF8.self)
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// The size of the file at `path` in bytes, 0 when it cannot be read.
    private static func size(of path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(truncatingIfNeeded: info.st_size)
    }

    /// At most the first `limit` bytes of the file at `path`.
    private static func read(_ path: String, atMost limit: Int) throws(BackupError) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io(path: path, reason: "cannot be read back from the program: \(DurableFiles.errnoText())")
        }
        defer { try? handle.close() }
        do {
            return try handle.read(upToCount: limit) ?? Data()
        } catch {
            throw .io(path: path, reason: "cannot be read back from the program: \(error)")
        }
    }

    /// A new file of mode 0600 for a program's output, not following a link at `path`.
    private static func createOutput(_ path: String, replacing: Bool) throws(BackupError) -> FileHandle {
        if replacing, unlink(path) != 0, errno != ENOENT {
            throw .io(path: path, reason: "cannot be replaced: \(DurableFiles.errnoText())")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, DurableFiles.fileMode)
        guard descriptor >= 0 else {
            throw .io(path: path, reason: "cannot be created for a program's output: \(DurableFiles.errnoText())")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Runs and throws ``BackupError/commandFailed(target:command:status:output:)`` on a non-zero exit.
    @discardableResult
    static func check(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdoutPath: String? = nil,
        outputLimit: Int = ExternalCommand.outputLimit, target: String
    ) throws(BackupError) -> Output {
        let output = try run(
            executable, arguments, environment: environment, stdoutPath: stdoutPath, outputLimit: outputLimit,
            target: target)
        guard output.status == 0 else {
            let shown = ([URL(fileURLWithPath: executable).lastPathComponent] + arguments.prefix(3)).joined(
                separator: " ")
            throw .commandFailed(target: target, command: shown, status: output.status, output: output.stderr)
        }
        return output
    }
}
