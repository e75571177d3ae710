import Foundation
import JifangSNMP
import JifangTesting
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `jifang-bench poll`: health polling of N simulated devices through JifangSNMP, compared with
/// one net-snmp tool process per query (the way LibreNMS polls) for a subset.
///
/// One snmpd serves every device: it listens on one UDP socket on 0.0.0.0:PORT and each device
/// is a different 127.x.y.z address (Linux delivers all of 127/8 to the loopback interface, and
/// snmpd answers from the address a request was sent to), so 10,000 devices need no 10,000
/// agent sockets.
enum PollBenchmark {
    struct Options {
        var devices = 2000
        var concurrency = 256
        var processDevices = 20
        var processWorkers = 4
        var maxRepetitions = 25

        init(_ arguments: [String]) throws {
            var index = 0
            func value() throws -> Int {
                index += 1
                guard index < arguments.count, let number = Int(arguments[index]), number >= 0 else {
                    throw FixtureError("\(arguments[index - 1]) needs a number")
                }
                return number
            }
            while index < arguments.count {
                switch arguments[index] {
                case "--devices": devices = try value()
                case "--concurrency": concurrency = max(1, try value())
                case "--process-devices": processDevices = try value()
                case "--process-workers": processWorkers = max(1, try value())
                case "--max-repetitions": maxRepetitions = max(1, try value())
                default: throw FixtureError("unknown option \(arguments[index])")
                }
                index += 1
            }
        }
    }

    static let system: [OID] = (1...6).map { OID([1, 3, 6, 1, 2, 1, 1, UInt32($0), 0]) }
    static let ifColumns: [OID] = [1, 2, 3, 5, 7, 8, 10, 16].map { OID([1, 3, 6, 1, 2, 1, 2, 2, 1, $0]) }
    static let hrStorageTable: OID = "1.3.6.1.2.1.25.2.3"
    static let hrProcessorLoad: OID = "1.3.6.1.2.1.25.3.3.1.2"

    /// The device at position `n`: 127.1.0.1, 127.1.0.2, … (never 127.0.0.1).
    static func address(_ n: Int) -> String {
        "127.\(1 + n / 65_000).\((n % 65_000) / 250).\(1 + n % 250)"
    }

    static func run(_ arguments: [String]) async throws {
        let options = try Options(arguments)
        var configuration = SNMPDaemon.Configuration()
        configuration.addresses = ["0.0.0.0"]
        configuration.users = []
        let daemon = try await SNMPDaemon.start(configuration)
        defer { daemon.stop() }
        print("snmpd pid \(daemon.pid) on udp:0.0.0.0:\(daemon.port); devices are 127.x.y.z addresses")

        // Warm-up, so one-time agent costs (first hrStorage scan) are not measured.
        _ = try await pollDevice(address(0), port: daemon.port, maxRepetitions: options.maxRepetitions)

        let library = try await measureLibrary(options, port: daemon.port, agentPID: daemon.pid)
        print(library.report(title: "JifangSNMP (one engine thread, \(options.concurrency) devices in flight)"))
        var processWay: Measurement?
        if options.processDevices > 0 {
            let measured = measureProcesses(options, port: daemon.port, agentPID: daemon.pid)
            print(measured.report(title: "process per query (snmpget/snmpbulkwalk, \(options.processWorkers) workers)"))
            processWay = measured
        }
        let agentCapacity = Double(library.pdus) / max(library.agentCPU, 0.001)
        print(String(format: "snmpd capacity at its measured CPU cost: %.0f PDUs/s per core", agentCapacity))
        print(String(format: "poller PDUs/s / snmpd capacity: %.0f %%", 100 * library.pdusPerSecond / agentCapacity))
        print(String(format: "poller CPU per snmpd CPU: %.2f", library.pollerCPU / max(library.agentCPU, 0.001)))
        if let processWay {
            print(
                String(
                    format: "devices/s JifangSNMP vs process per query: %.1f×",
                    library.devicesPerSecond / max(processWay.devicesPerSecond, 0.001)))
            print(
                String(
                    format: "poller CPU per device, process per query vs JifangSNMP: %.1f×",
                    (processWay.pollerCPU / Double(processWay.devices))
                        / max(library.pollerCPU / Double(library.devices), 1e-9)))
        }
        print(String(format: "10,000 devices would take %.1f s at this rate", 10_000 / library.devicesPerSecond))
    }

    struct Measurement {
        var devices: Int
        var failures: Int
        var pdus: Int
        var seconds: Double
        var pollerCPU: Double
        var agentCPU: Double

        var devicesPerSecond: Double { Double(devices) / seconds }
        var pdusPerSecond: Double { Double(pdus) / seconds }

        func report(title: String) -> String {
            String(
                format: "%@\n  %d devices (%d failed) in %.2f s: %.0f devices/s, %d PDUs, %.0f PDUs/s\n"
                    + "  poller CPU %.2f s, snmpd CPU %.2f s (snmpd busy %.0f %% of the run)",
                title, devices, failures, seconds, devicesPerSecond, pdus, pdusPerSecond, pollerCPU, agentCPU,
                100 * agentCPU / seconds)
        }
    }

    /// One device's health poll; returns the request PDUs it took.
    static func pollDevice(_ host: String, port: Int, maxRepetitions: Int) async throws(SNMPError) -> Int {
        let session = try await SNMPSession.open(
            SNMPTarget(host: host, port: port, version: .v2c(community: "public"), timeout: .seconds(5), retries: 1))
        defer { Task { await session.close() } }
        let system = try await session.get(system)
        let interfaces = try await session.table(ifColumns, maxRepetitions: maxRepetitions)
        let storage = try await session.walk(hrStorageTable, maxRepetitions: maxRepetitions)
        let cpus = try await session.walk(hrProcessorLoad, maxRepetitions: maxRepetitions)
        _ = cpus  // empty on agents without hrProcessorTable (some VMs)
        guard system.count == 6, !interfaces.isEmpty, !storage.isEmpty else {
            throw .malformedResponse(target: session.targetDescription, reason: "a health table came back empty")
        }
        return session.statistics.requests
    }

    static func measureLibrary(_ options: Options, port: Int, agentPID: Int32) async throws -> Measurement {
        let agentBefore = ProcessCPU.seconds(pid: agentPID)
        let cpuBefore = selfCPU()
        let clock = ContinuousClock()
        let start = clock.now
        let (pdus, failures) = await withTaskGroup(of: Int?.self) { group in
            var next = 0
            var pdus = 0
            var failures = 0
            func add(_ result: Int?) {
                if let result { pdus += result } else { failures += 1 }
            }
            while next < min(options.concurrency, options.devices) {
                let host = address(next)
                group.addTask { try? await pollDevice(host, port: port, maxRepetitions: options.maxRepetitions) }
                next += 1
            }
            while let result = await group.next() {
                add(result)
                if next < options.devices {
                    let host = address(next)
                    group.addTask { try? await pollDevice(host, port: port, maxRepetitions: options.maxRepetitions) }
                    next += 1
                }
            }
            return (pdus, failures)
        }
        let elapsed = clock.now - start
        return Measurement(
            devices: options.devices, failures: failures, pdus: pdus, seconds: seconds(elapsed),
            pollerCPU: selfCPU() - cpuBefore, agentCPU: ProcessCPU.seconds(pid: agentPID) - agentBefore)
    }

    /// The same poll as net-snmp tool processes: one snmpget, one snmpbulkwalk per ifTable column
    /// and one per HOST-RESOURCES walk, per device.
    static func measureProcesses(_ options: Options, port: Int, agentPID: Int32) -> Measurement {
        let agentBefore = ProcessCPU.seconds(pid: agentPID)
        let childrenBefore = childrenCPU()
        let next = Atomic<Int>(0)
        let failures = Atomic<Int>(0)
        let pdus = Atomic<Int>(0)
        let clock = ContinuousClock()
        let start = clock.now
        let worker: @Sendable () -> Void = {
            while true {
                let n = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard n < options.processDevices else { return }
                let peer = "\(address(n)):\(port)"
                var commands: [(String, [String])] = [
                    ("/usr/bin/snmpget", ["-m", "", "-v2c", "-c", "public", peer] + system.map(\.description))
                ]
                for root in ifColumns + [hrStorageTable, hrProcessorLoad] {
                    commands.append(
                        (
                            "/usr/bin/snmpbulkwalk",
                            ["-m", "", "-v2c", "-c", "public", "-Cr\(options.maxRepetitions)", peer, root.description]
                        ))
                }
                for (tool, arguments) in commands {
                    guard let result = try? ProcessRunner.run(tool, arguments), result.status == 0 else {
                        failures.add(1, ordering: .relaxed)
                        continue
                    }
                    // A walk of k varbinds takes k / repetitions + 1 requests.
                    let lines = result.output.split(separator: "\n").count
                    pdus.add(tool.hasSuffix("snmpget") ? 1 : lines / options.maxRepetitions + 1, ordering: .relaxed)
                }
            }
        }
        let done = DispatchSemaphore(value: 0)
        let finished = Atomic<Int>(0)
        let workers = options.processWorkers
        for _ in 0..<workers {
            Thread {
                worker()
                if finished.add(1, ordering: .relaxed).newValue == workers { done.signal() }
            }.start()
        }
        done.wait()
        let elapsed = clock.now - start
        return Measurement(
            devices: options.processDevices, failures: failures.load(ordering: .relaxed),
            pdus: pdus.load(ordering: .relaxed), seconds: seconds(elapsed), pollerCPU: childrenCPU() - childrenBefore,
            agentCPU: ProcessCPU.seconds(pid: agentPID) - agentBefore)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func selfCPU() -> Double { rusage(Int32(RUSAGE_SELF.rawValue)) }
    static func childrenCPU() -> Double { rusage(Int32(RUSAGE_CHILDREN.rawValue)) }

    private static func rusage(_ who: Int32) -> Double {
        var usage = Glibc.rusage()
        getrusage(__rusage_who_t(who), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
