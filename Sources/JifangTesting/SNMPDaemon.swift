import Foundation

/// A real Net-SNMP agent (`/usr/sbin/snmpd`) on loopback for tests and benchmarks.
///
/// It reads only the configuration generated here (`-C -c`), keeps its persistent state (engine
/// ID, v3 users) in a temporary directory and never uses port 161. Call ``stop()`` when done.
public final class SNMPDaemon: @unchecked Sendable {
    /// What the agent serves.
    public struct Configuration: Sendable {
        /// Read-only community for the whole tree.
        public var readCommunity = "public"
        /// Read-write community limited to sysContact.0 and sysLocation.0 (both writable
        /// because the configuration does not fix them).
        public var writeCommunity = "private"
        /// v3 users as snmpd `createUser` arguments with their access level, e.g.
        /// `("authpriv", "shaaes SHA authpass123 AES privpass123")`.
        public var users: [(level: String, createUser: String)] = []
        /// Addresses to listen on (port added), `127.0.0.1` by default.
        public var addresses: [String] = ["127.0.0.1"]
        /// Extra snmpd.conf lines.
        public var extraLines: [String] = []

        public init() {}

        /// Users for the v3 tests: SHA/AES authPriv, MD5/DES authPriv, SHA-256/AES-256, SHA
        /// authNoPriv, a noAuthNoPriv user, and `locked` (SHA/AES) for wrong-passphrase tests. All passphrases are `<user>-auth`/`<user>-priv`.
        public static var withTestUsers: Configuration {
            var configuration = Configuration()
            configuration.users = [
                ("authpriv", "shaaes SHA shaaes-auth AES shaaes-priv"),
                ("authpriv", "md5des MD5 md5des-auth DES md5des-priv"),
                ("authpriv", "sha256aes256 SHA-256 sha256aes256-auth AES-256 sha256aes256-priv"),
                ("auth", "shaonly SHA shaonly-auth"),
                ("noauth", "plain"),
                ("authpriv", "locked SHA locked-auth AES locked-priv"),
            ]
            return configuration
        }
    }

    public let host: String
    public let port: Int
    public let configuration: Configuration
    public let directory: TemporaryDirectory
    private let process: ChildProcess

    /// The agent's process id (for reading its CPU time from /proc).
    public var pid: Int32 { process.pid }

    /// `127.0.0.1:PORT`, as net-snmp tools take it.
    public var address: String { "\(host):\(port)" }

    private init(
        host: String, port: Int, configuration: Configuration, directory: TemporaryDirectory, process: ChildProcess
    ) {
        self.host = host
        self.port = port
        self.configuration = configuration
        self.directory = directory
        self.process = process
    }

    /// Starts snmpd on a free UDP port and waits until it answers; retries with another port
    /// if the chosen one was taken in the meantime.
    public static func start(_ configuration: Configuration = .withTestUsers, port fixedPort: Int? = nil) async throws
        -> SNMPDaemon
    {
        var lastLog = ""
        for _ in 0..<3 {
            let directory = try TemporaryDirectory(prefix: "jifang-snmpd")
            let port = fixedPort ?? LoopbackPort.freeUDP()
            let conf = directory.appending("snmpd.conf")
            try render(configuration, port: port).write(to: conf, atomically: true, encoding: .utf8)
            let process = try ChildProcess(
                "/usr/sbin/snmpd",
                [
                    "-f", "-Lf", directory.appending("snmpd.log").path, "-C", "-c", conf.path,
                    "-p", directory.appending("snmpd.pid").path, "-M", "/nonexistent", "-m", "", "-I", "-smux",
                ],
                environment: ["SNMP_PERSISTENT_DIR": directory.appending("persist").path, "MIBS": ""])
            // A wildcard listener is reached through the loopback address.
            let host = configuration.addresses.first.map { $0 == "0.0.0.0" ? "127.0.0.1" : $0 } ?? "127.0.0.1"
            let ready = await ProcessRunner.waitForAgent(
                address: "\(host):\(port)", community: configuration.readCommunity, isAlive: { process.isRunning })
            if ready {
                return SNMPDaemon(
                    host: host, port: port, configuration: configuration, directory: directory, process: process)
            }
            lastLog = (try? String(contentsOf: directory.appending("snmpd.log"), encoding: .utf8)) ?? ""
            process.stop()
            directory.remove()
        }
        throw FixtureError("snmpd did not start; its log ends with: \(lastLog.suffix(600))")
    }

    static func render(_ configuration: Configuration, port: Int) -> String {
        let addresses = configuration.addresses.map { "udp:\($0):\(port)" }.joined(separator: ",")
        var lines = [
            "agentaddress \(addresses)",
            "rocommunity \(configuration.readCommunity) default",
            "view jifangWritable included .1.3.6.1.2.1.1.4",
            "view jifangWritable included .1.3.6.1.2.1.1.6",
            "rwcommunity \(configuration.writeCommunity) default -V jifangWritable",
            "sysServices 72",
            "sysName jifang-test-agent",
            "sysDescr Jifang test agent (Net-SNMP)",
            "dontLogTCPWrappersConnects yes",
            "[snmp] serverRecvBuf 4194304",
            "[snmp] serverSendBuf 4194304",
        ]
        for user in configuration.users {
            lines.append("createUser \(user.createUser)")
            let name = user.createUser.split(separator: " ").first.map(String.init) ?? ""
            lines.append("rouser \(name) \(user.level)")
        }
        lines += configuration.extraLines
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the agent process still runs.
    public var isRunning: Bool { process.isRunning }

    /// Terminates the agent and removes its directory.
    public func stop() {
        process.stop()
        directory.remove()
    }

    /// The agent's CPU time (user + system) in seconds so far, from /proc/PID/stat.
    public var cpuSeconds: Double {
        ProcessCPU.seconds(pid: pid)
    }
}
