import Foundation

/// Runs short helper commands (net-snmp tools) for test fixtures.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` and returns its exit status and standard output.
    /// `MIBS` is empty so net-snmp tools never look for MIB files.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("jifang-run-\(UUID().uuidString.prefix(12))").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let child = try ChildProcess(
            executable, arguments, environment: ["MIBS": ""].merging(environment) { $1 },
            outputPath: outputPath)
        let status = child.wait()
        let data = FileManager.default.contents(atPath: outputPath) ?? Data()
        return (status, String(decoding: data, as: UTF8.self))
    }

    /// Polls with `snmpget` until the agent at `address` answers `oid` or `deadline` passes.
    public static func waitForAgent(
        address: String, community: String, oid: String = "1.3.6.1.2.1.1.3.0", deadline: Duration = .seconds(20),
        isAlive: () -> Bool
    ) async -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while clock.now < end, isAlive() {
            let answered =
                (try? run(
                    "/usr/bin/snmpget", ["-m", "", "-v2c", "-c", community, "-r", "0", "-t", "0.5", address, oid]))
            if let answered, answered.status == 0, !answered.output.isEmpty { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
