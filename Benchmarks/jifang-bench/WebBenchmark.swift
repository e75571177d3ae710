import Foundation
import Hummingbird
import JifangConfig
import JifangModel
import JifangServer
import JifangStore
import JifangTesting

/// Load on the web UI and API with `wrk` over loopback: the dashboard (as a signed-in browser)
/// and `GET /api/v1/devices` (with an API token). Prints requests/s and latency percentiles.
///
/// `jifang-bench web [--database PATH] [--duration S] [--connections N] [--threads N] [--rate R]`
///
/// Without `--database` it serves a fresh store holding six devices like the demo site's, with a
/// day of samples; with it, a store filled by `.ci/demo` (an administrator `bench` is added).
/// Each target is loaded twice: paced at `--rate` requests/s (default 500, the target load; a wrk
/// Lua `delay()` makes each connection pause between requests), and saturated (no pause), which
/// gives the most it serves.
enum WebBenchmark {
    static func run(_ arguments: [String]) async throws {
        var database: String?
        var duration = 10
        var connections = 16
        var threads = 2
        var rate = 500
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--database": database = value
            case "--duration": duration = Int(value) ?? duration
            case "--connections": connections = Int(value) ?? connections
            case "--threads": threads = Int(value) ?? threads
            case "--rate": rate = Int(value) ?? rate
            default: throw BenchError("unknown option \(arguments[index])")
            }
            index += 2
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            throw BenchError("wrk is not installed; run `bash .ci/setup`")
        }
        let directory = try TemporaryDirectory(prefix: "jifang-bench-web")
        defer { directory.remove() }
        let store = try Store(path: database ?? directory.appending("web.sqlite").path)
        if database == nil { try seed(store) }
        let port = LoopbackPort.freeTCP()
        // The pages `jifang serve` offers, over the bundled Policies/ and Inventory/ (run from the package root).
        let server = WebServer(
            store: store, policy: AccountPolicy(), options: .init(port: port),
            modules: SiteModules.makers(
                records: RecordsPolicy(), policiesDirectory: "Policies", inventoryPath: "Inventory/site.yaml",
                backupsPath: "Inventory/backups.yaml"))
        let password = "Load#Test-2025"
        if try store.account(named: "bench") == nil {
            try server.accounts.create(
                username: "bench", displayName: "Bench", role: .administrator, password: password, by: .init("bench"))
        }
        let token = try server.accounts.createToken(username: "bench", label: "benchmark", by: .init("bench"))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let base = "http://127.0.0.1:\(port)"
        // The session is made directly: the benchmark measures pages, not one sign-in.
        guard let account = try store.account(named: "bench") else { throw BenchError("no account bench") }
        let cookie = "jifang_session=\(server.sessions.create(for: account).id)"
        try await waitUntilListening(base: base)
        print(
            "jifang-bench web: \(try store.devices().count) devices, wrk -t\(threads) -c\(connections) -d\(duration)s")
        // Each connection pauses between requests so that together they offer `rate` requests/s.
        let script = directory.appending("pace.lua")
        try "function delay() return \(1000 * connections / max(rate, 1)) end\n".write(
            to: script, atomically: true, encoding: .utf8)
        let loads: [(String, [String])] = [("at \(rate)/s", ["-s", script.path]), ("saturated", [])]
        let targets = [
            ("dashboard", "/", "Cookie: \(cookie)"),
            ("api devices", "/api/v1/devices", "Authorization: Bearer \(token)"),
        ]
        for (name, path, header) in targets {
            for (load, extra) in loads {
                let result = try wrk(
                    url: base + path, header: header, threads: threads, connections: connections,
                    duration: duration, extra: extra)
                let numbers = String(
                    format: "%9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d", result.requestsPerSecond,
                    result.p50Milliseconds, result.p99Milliseconds, result.errors)
                let verdict = result.p99Milliseconds <= 50 ? "p99 within 50 ms" : "p99 above 50 ms"
                print("\(name) \(load)".padding(toLength: 24, withPad: " ", startingAt: 0) + numbers + "  (\(verdict))")
            }
        }
    }

    struct Result {
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var errors: Int
    }

    /// Runs wrk with `--latency` and reads its summary.
    static func wrk(url: String, header: String, threads: Int, connections: Int, duration: Int, extra: [String]) throws
        -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments =
            [
                "-t\(threads)", "-c\(connections)", "-d\(duration)s", "--latency", "--timeout", "5s", "-H", header,
            ] + extra + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func milliseconds(_ text: Substring) -> Double {
            let number = Double(text.prefix { $0.isNumber || $0 == "." }) ?? .nan
            if text.hasSuffix("us") { return number / 1000 }
            if text.hasSuffix("ms") { return number }
            if text.hasSuffix("s") { return number * 1000 }
            return number
        }
        var result = Result(requestsPerSecond: 0, p50Milliseconds: .nan, p99Milliseconds: .nan, errors: 0)
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let first = words.first else { continue }
            if first == "50%", words.count > 1 { result.p50Milliseconds = milliseconds(words[1]) }
            if first == "99%", words.count > 1 { result.p99Milliseconds = milliseconds(words[1]) }
            if first == "Requests/sec:", words.count > 1 { result.requestsPerSecond = Double(words[1]) ?? 0 }
            if line.contains("Non-2xx or 3xx responses:"), let last = words.last { result.errors = Int(last) ?? 0 }
        }
        guard result.requestsPerSecond > 0 else { throw BenchError("wrk printed no result:\n\(output)") }
        return result
    }

    /// Waits until the server answers (wrk would count refused connections as errors).
    static func waitUntilListening(base: String) async throws {
        for _ in 0..<100 {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
            probe.arguments = ["-t1", "-c1", "-d1s", base + "/login"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw BenchError("the server did not start at \(base)")
    }

    /// Six devices like the demo site's, polled every minute for a day.
    static func seed(_ store: Store) throws {
        let kinds: [(String, DeviceKind)] = [
            ("core-router", .router), ("core-switch", .switch), ("app-server", .server), ("ups-room", .ups),
            ("edge-firewall", .firewall), ("access-switch", .switch),
        ]
        let now = Date()
        for (offset, (name, kind)) in kinds.enumerated() {
            let device = Device(name: name, address: "127.0.0.\(11 + offset)", port: 1161, declaredKind: kind)
            for minute in stride(from: 1440, through: 0, by: -1) {
                let time = now.addingTimeInterval(-Double(minute) * 60)
                var health = DeviceHealth(device: device, polledAt: time, reachable: true)
                health.identity = DeviceIdentity(kind: kind, vendor: "Huawei", model: "demo")
                health.cpuPercent = Double((minute * 7 + offset * 13) % 100)
                health.interfaces = (1...8).map { index in
                    var port = InterfaceStatus(
                        index: index, name: "GE0/0/\(index)", type: 6, adminStatus: .up,
                        operStatus: index == 8 ? .down : .up)
                    port.inBitsPerSecond = Double((minute + index) % 100) * 1e5
                    port.outBitsPerSecond = Double((minute + 2 * index) % 100) * 1e5
                    return port
                }
                if kind == .ups {
                    health.ups = UPSStatus(batteryChargePercent: 95, runtimeMinutes: 120, outputSource: .online)
                }
                health.findings = [
                    Finding(
                        rule: "\(kind).spec", article: "Art. 55", status: offset % 2 == 0 ? .pass : .fail,
                        message: "demo")
                ]
                var observations = [
                    Observation(device: name, metric: "cpu.percent", time: time, value: health.cpuPercent!)
                ]
                for port in health.interfaces {
                    observations.append(
                        Observation(
                            device: name, metric: "if.inBps", instance: port.name, time: time,
                            value: port.inBitsPerSecond!))
                }
                try store.record(health: health, observations: observations, conditions: [])
            }
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
