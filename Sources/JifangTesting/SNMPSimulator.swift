import Foundation

/// snmpsim's command responder on loopback, serving `.snmprec` recordings from a temporary data
/// directory; the community of a recording is its file name without extension.
public final class SNMPSimulator: @unchecked Sendable {
    public let port: Int
    public let directory: TemporaryDirectory
    private let process: ChildProcess

    public var address: String { "127.0.0.1:\(port)" }

    private init(port: Int, directory: TemporaryDirectory, process: ChildProcess) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// Writes `recordings` (community → snmprec text) and starts snmpsim; waits until the
    /// first recording answers `probeOID`.
    public static func start(recordings: [String: String], probeOID: String) async throws -> SNMPSimulator {
        let directory = try TemporaryDirectory(prefix: "jifang-snmpsim")
        let data = directory.appending("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for (community, text) in recordings {
            try text.write(to: data.appendingPathComponent("\(community).snmprec"), atomically: true, encoding: .utf8)
        }
        for _ in 0..<3 {
            let port = LoopbackPort.freeUDP()
            let process = try ChildProcess(
                "/usr/bin/env",
                [
                    "snmpsim-command-responder", "--data-dir=\(data.path)",
                    "--cache-dir=\(directory.appending("cache").path)",
                    "--agent-udpv4-endpoint=127.0.0.1:\(port)", "--logging-method=null",
                ],
                environment: ["SNMPSIM_ALLOW_ROOT": "true"])
            let community = recordings.keys.sorted().first ?? "public"
            if await ProcessRunner.waitForAgent(
                address: "127.0.0.1:\(port)", community: community, oid: probeOID, deadline: .seconds(60),
                isAlive: { process.isRunning })
            {
                return SNMPSimulator(port: port, directory: directory, process: process)
            }
            process.stop()
        }
        directory.remove()
        throw FixtureError("snmpsim-command-responder did not start")
    }

    public func stop() {
        process.stop()
        directory.remove()
    }
}
