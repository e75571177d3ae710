import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Real SNMP agents for tests: one `snmpsim-command-responder` serving SNMP recordings on
/// loopback endpoints.
///
/// Every endpoint serves every recording; the SNMP community selects one (community
/// `ups-eaton-93e` answers from `ups-eaton-93e.snmprec`). v1 and v2c work with any recording name
/// as community; snmpsim's default v3 user is `simulator` (MD5 `auctoritas`, DES `privatus`).
///
/// snmpsim indexes each recording on first use and keeps the index under the package's
/// `.build-sim/cache`, keyed by the data file's path, so recordings are copied into the stable
/// `.build-sim/test-data` rather than a fresh temporary directory: the first start after a
/// checkout takes tens of seconds, later ones about two. Starts across processes are serialised
/// with a lock file so two test processes never build the same index at once. Recording names
/// must be unique: two different files with one name overwrite each other there.
///
/// ``stop()`` (or releasing the last reference) terminates the process.
public final class SNMPSimulator: @unchecked Sendable {
    // @unchecked: `process` is only touched under `lock` after init; the rest is immutable.

    /// A UDP endpoint the simulator listens on.
    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        public var description: String { "\(host):\(port)" }
    }

    /// Where the simulator answers, in the order given.
    public let endpoints: [Endpoint]
    /// The recordings served, by name (= SNMP community), in the order given.
    public let communities: [String]
    /// snmpsim's log; ``logTail(lines:)`` reads its end.
    public let logFile: URL
    /// Seconds from launch until every endpoint answered.
    public let startupSeconds: Double
    /// How many recordings snmpsim had to index during this start (0 when the cache was warm).
    public let indexedRecordings: Int

    private let process: Process
    private let workDirectory: TemporaryDirectory
    private let lock = NSLock()
    private var stopped = false
    private static let snmpget = "snmpget"
    private static let snmpset = "snmpset"

    private init(
        process: Process, workDirectory: TemporaryDirectory, endpoints: [Endpoint], communities: [String],
        startupSeconds: Double
    ) {
        self.process = process
        self.workDirectory = workDirectory
        self.endpoints = endpoints
        self.communities = communities
        self.logFile = workDirectory.appending("snmpsim.log")
        self.startupSeconds = startupSeconds
        let log = (try? String(contentsOf: workDirectory.appending("snmpsim.log"), encoding: .utf8)) ?? ""
        self.indexedRecordings = log.components(separatedBy: "Building index").count - 1
    }

    deinit { stop() }

    /// Starts snmpsim serving `recordings` on `endpoints` and returns once every endpoint answers
    /// an SNMP GET of sysUpTime.
    ///
    /// - Parameters:
    ///   - recordings: `.snmprec` or `.snmprec.bz2` files, or directories holding them (not
    ///     recursive). ``Recordings/directory`` serves every bundled recording.
    ///   - endpoints: loopback addresses and UDP ports; any 127.0.0.0/8 address works on Linux.
    ///   - timeout: how long to wait for readiness, including a cold index build.
    /// - Throws: ``SNMPSimulatorError`` naming the endpoint or file at fault, with snmpsim's log tail.
    public static func start(
        recordings: [URL], endpoints: [Endpoint], timeout: Duration = .seconds(240)
    ) async throws -> SNMPSimulator {
        guard !endpoints.isEmpty else { throw SNMPSimulatorError.nothingToServe(reason: "no endpoints given") }
        let responder = try CommandLineTool(
            named: "snmpsim-command-responder", hint: "install it with `pip install snmpsim` (.ci/setup does)")
        let snmpget = try CommandLineTool(named: Self.snmpget, hint: "install Debian's `snmp` package (.ci/setup does)")
        let python = try CommandLineTool(named: "python3", hint: "snmpsim needs Python 3")
        let files = try expand(recordings)
        guard !files.isEmpty else { throw SNMPSimulatorError.nothingToServe(reason: "no recordings given") }

        let state = Recordings.packageRoot.appendingPathComponent(".build-sim", isDirectory: true)
        let data = state.appendingPathComponent("test-data", isDirectory: true)
        let cache = state.appendingPathComponent("cache", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)

        for endpoint in endpoints where !isFree(endpoint) {
            throw SNMPSimulatorError.endpointInUse(host: endpoint.host, port: endpoint.port)
        }

        let indexLock = try await FileLock.acquire(cache.appendingPathComponent(".lock"))
        defer { indexLock.release() }
        var communities: [String] = []
        for file in files {
            communities.append(try await install(file, into: data))
        }

        let work = try TemporaryDirectory(prefix: "jifang-snmpsim")
        let log = work.appending("snmpsim.log")
        let console = work.appending("console.log")
        _ = FileManager.default.createFile(atPath: console.path, contents: nil)
        let process = Process()
        // Test runners block SIGTERM and children inherit the mask, so snmpsim is started through a
        // one-line Python shim that clears the mask first; otherwise stop() must wait for SIGKILL.
        process.executableURL = python.url
        process.arguments =
            [
                "-c",
                "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
                    + "os.execv(sys.argv[1], sys.argv[1:])",
                responder.url.path,
            ]
            + ["--data-dir", data.path, "--cache-dir", cache.path, "--logging-method", "file:\(log.path)"]
            + endpoints.flatMap { ["--agent-udpv4-endpoint", $0.description] }
        process.environment = ProcessInfo.processInfo.environment.merging(["SNMPSIM_ALLOW_ROOT": "true"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        let output = try FileHandle(forWritingTo: console)
        process.standardOutput = output
        process.standardError = output
        let began = ContinuousClock.now
        do {
            try process.run()
        } catch {
            work.remove()
            throw SNMPSimulatorError.launchFailed(reason: "\(responder.url.path): \(error)")
        }
        try? output.close()

        let deadline = began + timeout
        // snmpsim opens a recording on its first query, which takes seconds for a large one on a
        // busy machine: ask every endpoint once, then every recording once, so tests never pay it.
        let probes =
            endpoints.map { ($0, communities[0]) } + communities.dropFirst().map { (endpoints[0], $0) }
        do {
            for (endpoint, community) in probes {
                while true {
                    let (status, _) = try await snmpget.run(
                        [
                            "-m", "", "-v2c", "-c", community, "-t", "5", "-r", "0", endpoint.description,
                            "1.3.6.1.2.1.1.3.0",
                        ], environment: ["MIBS": ""])
                    if status == 0 { break }
                    if !process.isRunning {
                        throw SNMPSimulatorError.exited(
                            status: process.terminationStatus, logTail: tail(of: [log, console], lines: 20))
                    }
                    if ContinuousClock.now >= deadline {
                        throw SNMPSimulatorError.notAnswering(
                            host: endpoint.host, port: endpoint.port, community: community,
                            seconds: Double(timeout.components.seconds), logTail: tail(of: [log, console], lines: 20))
                    }
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
        } catch {
            terminate(process)
            work.remove()
            throw error
        }
        let elapsed = ContinuousClock.now - began
        return SNMPSimulator(
            process: process, workDirectory: work, endpoints: endpoints, communities: communities,
            startupSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Starts snmpsim serving the bundled recordings called `names` on a free UDP port of each of
    /// `hosts`, retrying with new ports if another process takes one first.
    public static func start(
        recordings names: [String], hosts: [String] = ["127.0.0.1"], timeout: Duration = .seconds(240)
    ) async throws -> SNMPSimulator {
        var attempt = 0
        while true {
            attempt += 1
            let endpoints = hosts.map { Endpoint(host: $0, port: LoopbackPort.freeUDP(host: $0)) }
            do {
                return try await start(recordings: names.map(Recordings.url), endpoints: endpoints, timeout: timeout)
            } catch SNMPSimulatorError.endpointInUse where attempt < 3 {
                continue
            }
        }
    }

    /// The first endpoint, for simulators started on one host.
    public var endpoint: Endpoint { endpoints[0] }

    /// Runs `snmpget -v2c` for `oid` and returns its output, by default the bare value (`-Oqv`).
    ///
    /// For tests that need an independent reading of the simulator, not for production code.
    /// `options` replaces the default output options (e.g. `["-Oqvx"]` for hex octets).
    public func get(
        _ oid: String, community: String, at endpoint: Endpoint? = nil, options: [String] = ["-Oqv"]
    ) async throws -> String {
        let target = endpoint ?? endpoints[0]
        let (status, output) = try await run(Self.snmpget, community, options, target, [oid])
        guard status == 0 else {
            throw SNMPSimulatorError.getFailed(
                host: target.host, port: target.port, community: community, oid: oid,
                output: output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return output.trimmingCharacters(in: .newlines)
    }

    /// Runs `snmpset -v2c` setting INTEGER `oid` to `value`: a switch relearning a MAC, say.
    ///
    /// The recording's line must be of type `writecache`; for tests, not production code.
    public func set(_ oid: String, integer value: Int, community: String, at endpoint: Endpoint? = nil) async throws {
        let target = endpoint ?? endpoints[0]
        let (status, output) = try await run(Self.snmpset, community, [], target, [oid, "i", String(value)])
        guard status == 0, output.contains("INTEGER: \(value)") else {
            throw SNMPSimulatorError.setFailed(
                host: target.host, port: target.port, community: community, oid: oid,
                output: output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Runs net-snmp's `tool` as `tool -v2c -c community OPTIONS TARGET OPERANDS`, without MIB
    /// files and with a short timeout; returns its exit status and output.
    private func run(
        _ tool: String, _ community: String, _ options: [String], _ target: Endpoint, _ operands: [String]
    ) async throws -> (status: Int32, output: String) {
        let command = try CommandLineTool(named: tool, hint: "install Debian's `snmp` package")
        return try await command.run(
            ["-m", "", "-v2c", "-c", community, "-t", "2", "-r", "1"] + options + [target.description] + operands,
            environment: ["MIBS": ""])
    }

    /// The last `lines` lines of snmpsim's log.
    public func logTail(lines: Int = 20) -> String {
        Self.tail(of: [logFile, workDirectory.appending("console.log")], lines: lines)
    }

    /// Whether the snmpsim process is still running.
    public var isRunning: Bool {
        lock.withLock { !stopped && process.isRunning }
    }

    /// Terminates snmpsim and removes its log. Safe to call more than once.
    public func stop() {
        let wasRunning = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard wasRunning else { return }
        Self.terminate(process)
        workDirectory.remove()
    }

    // MARK: - Helpers

    private static func terminate(_ process: Process) {
        guard process.isRunning else { return }
        let exited = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            process.waitUntilExit()
            exited.signal()
        }
        process.terminate()
        if exited.wait(timeout: .now() + 5) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
    }

    /// Whether nothing is bound to `endpoint`. snmpsim binds with address reuse and would share a
    /// taken endpoint with its owner instead of failing, so this is checked before launching.
    private static func isFree(_ endpoint: Endpoint) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return true }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(endpoint.port).bigEndian
        guard inet_pton(AF_INET, endpoint.host, &address.sin_addr) == 1 else { return true }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func expand(_ urls: [URL]) throws -> [URL] {
        var files: [URL] = []
        for url in urls {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw SNMPSimulatorError.recordingNotFound(path: url.path)
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                    .filter { $0.hasSuffix(".snmprec") || $0.hasSuffix(".snmprec.bz2") }
                    .sorted()
                guard !names.isEmpty else { throw SNMPSimulatorError.recordingNotFound(path: url.path) }
                files += names.map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        return files
    }

    /// Copies (or decompresses) `file` into `data`, leaving the copy untouched when its content is
    /// the same so snmpsim's index stays valid. Returns the recording's name.
    private static func install(_ file: URL, into data: URL) async throws -> String {
        var name = file.lastPathComponent
        let content: Data
        if name.hasSuffix(".bz2") {
            name = String(name.dropLast(4))
            let bzip2 = try CommandLineTool(named: "bzip2", hint: "install Debian's `bzip2` package")
            let (status, output) = try await bzip2.runForData(["-dc", file.path])
            guard status == 0 else {
                throw SNMPSimulatorError.recordingNotFound(
                    path: "\(file.path) (\(String(decoding: output, as: UTF8.self)))")
            }
            content = output
        } else {
            content = try Data(contentsOf: file)
        }
        let target = data.appendingPathComponent(name)
        if (try? Data(contentsOf: target)) != content {
            try content.write(to: target, options: .atomic)
        }
        return String(name.dropLast(".snmprec".count))
    }

    private static func tail(of files: [URL], lines: Int) -> String {
        files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
            .filter { !$0.isEmpty }
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n") }
            .joined(separator: "\n")
    }
}
