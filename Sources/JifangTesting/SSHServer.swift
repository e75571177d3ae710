import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real OpenSSH server on loopback for tests: `sshd -D` with its own configuration, a fresh
/// host key, and one authorized client key for the user running the tests.
///
/// Every login runs `forceCommand` (the client's command is in `SSH_ORIGINAL_COMMAND`), so a
/// test decides what a "device" prints. Root logins are allowed by key only
/// (`PermitRootLogin prohibit-password`), since tests run as root in CI; PAM and the file-mode
/// checks are off because the keys live in a temporary folder.
///
/// ``stop()`` (or releasing the last reference) terminates sshd and removes its folder.
public final class SSHServer: @unchecked Sendable {
    // @unchecked: `stopped` is only touched under `lock`; the rest is immutable.

    public static let sshd = "/usr/sbin/sshd"
    /// Whether OpenSSH's server is installed (Debian `openssh-server`; .ci/setup installs it).
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: sshd) }

    public let host: String
    public let port: Int
    /// The login name authorized to log in: the user running the tests.
    public let user: String
    /// The private key authorized to log in.
    public let identity: String
    /// The server's public host key, `ssh-ed25519 AAAA…`.
    public let hostKey: String
    /// sshd's log (`-E`).
    public let logFile: String
    public let directory: TemporaryDirectory

    private let process: ChildProcess
    private let lock = NSLock()
    private var stopped = false

    private init(
        host: String, port: Int, user: String, directory: TemporaryDirectory, hostKey: String, process: ChildProcess
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.directory = directory
        self.identity = directory.appending("client_ed25519").path
        self.hostKey = hostKey
        self.logFile = directory.appending("sshd.log").path
        self.process = process
    }

    deinit { stop() }

    /// The line a known-hosts file holds for this server.
    public var knownHostsLine: String { "[\(host)]:\(port) \(hostKey)" }

    /// Starts sshd on a free TCP port of `host` and returns once it accepts connections.
    ///
    /// - Parameter forceCommand: the command line every login runs, instead of the client's.
    /// - Throws: ``FixtureError`` with sshd's log when it does not start.
    public static func start(
        host: String = "127.0.0.1", forceCommand: String, timeout: Duration = .seconds(30)
    ) async throws -> SSHServer {
        guard isInstalled else { throw FixtureError("\(sshd) is not installed; install openssh-server") }
        let directory = try TemporaryDirectory(prefix: "jifang-sshd")
        for key in ["host_ed25519", "client_ed25519"] {
            _ = try Command.run(
                "/usr/bin/ssh-keygen",
                ["-q", "-t", "ed25519", "-N", "", "-C", key, "-f", directory.appending(key).path])
        }
        let client = try String(contentsOf: directory.appending("client_ed25519.pub"), encoding: .utf8)
        try client.write(to: directory.appending("authorized_keys"), atomically: true, encoding: .utf8)
        let hostKey = try String(contentsOf: directory.appending("host_ed25519.pub"), encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        let user = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "root"
        // sshd started as root needs its privilege-separation folder.
        if geteuid() == 0 {
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        }

        let port = LoopbackPort.freeTCP(host: host)
        let config = directory.appending("sshd_config")
        try """
        ListenAddress \(host)
        Port \(port)
        HostKey \(directory.appending("host_ed25519").path)
        PidFile \(directory.appending("sshd.pid").path)
        AuthorizedKeysFile \(directory.appending("authorized_keys").path)
        PermitRootLogin prohibit-password
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        AllowTcpForwarding no
        X11Forwarding no
        PrintMotd no
        LogLevel VERBOSE
        ForceCommand \(forceCommand)

        """.write(to: config, atomically: true, encoding: .utf8)
        let log = directory.appending("sshd.log").path
        do {
            try Command.run(sshd, ["-t", "-f", config.path])
        } catch {
            directory.remove()
            throw FixtureError("sshd rejects its test configuration: \(error)")
        }
        let process = try ChildProcess(sshd, ["-D", "-e", "-E", log, "-f", config.path])
        let server = SSHServer(
            host: host, port: port, user: user, directory: directory, hostKey: hostKey, process: process)
        let deadline = ContinuousClock.now + timeout
        while !accepts(host: host, port: port) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                let tail = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                server.stop()
                throw FixtureError("sshd did not start on \(host):\(port): \(tail.suffix(800))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return server
    }

    /// Terminates sshd and removes its folder. Safe to call more than once.
    public func stop() {
        let wasRunning = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard wasRunning else { return }
        process.stop()
        directory.remove()
    }

    private static func accepts(host: String, port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
