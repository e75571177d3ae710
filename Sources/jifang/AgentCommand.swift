import ArgumentParser
import Foundation
import JifangAgents
import JifangConfig
import JifangModel
import JifangServer
import JifangStore
import Logging
import ServiceLifecycle

/// `jifang agent`: the long-running scheduler.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract:
            "Run the agents: poll every device on an interval, raise and clear alerts, back up changed configurations, apply retention, watch ARP, serve the web UI.",
        discussion: """
            After each cycle, the configuration of every polled device whose SNMP change marker or fingerprint \
            moved is backed up (targets from the backups file, schedule from <policies>/backups.yaml). \
            The inventory's `watch: { interfaces: [...] }` starts an ARP watch on each interface named, and \
            --serve HOST:PORT (or the inventory's serve: HOST:PORT) the web server; all run as services of one group. SIGINT or SIGTERM shuts them \
            all down gracefully: the poll cycle in progress is recorded, each capture's events are stored. \
            Logs go to standard error, as text on a terminal and as JSON lines otherwise (--log-format).
            """
    )

    @OptionGroup var config: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Seconds between the starts of two poll cycles.")
    var interval: Double = 300

    @Option(name: .long, help: "Devices polled at the same time.")
    var concurrency: Int = 64

    @Option(name: .long, help: "Stop after this many cycles (default: run until stopped).")
    var cycles: Int?

    @Option(name: .long, help: "The backup targets file (default: backups.yaml beside the inventory file).")
    var backups: String?

    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Back up changed device configurations after each cycle (default: on when the backups file exists).")
    var configBackups: Bool?

    @Option(name: .long, help: "Configuration targets checked at the same time after a cycle.")
    var backupConcurrency: Int = 4

    @Option(
        name: .long,
        help:
            "Also serve the web UI, the API and /metrics on HOST:PORT, e.g. 127.0.0.1:8080 (default: the inventory's serve:)."
    )
    var serve: String?

    @Option(name: .long, help: "Log lines as text or json (default: text on a terminal, json otherwise).")
    var logFormat: LogFormatOption?

    @Option(name: .long, help: "The least level logged: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    /// `--log-format`'s values (``AgentLogging/Format``).
    enum LogFormatOption: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level \(logLevel) is not a level (use trace, debug, info, notice, warning, error or critical).")
        }
        if let serve, ServeAddress(serve) == nil {
            throw ValidationError("--serve \(serve.debugDescription) is not HOST:PORT with a TCP port (1–65535).")
        }
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second.") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1.") }
        guard backupConcurrency > 0 else { throw ValidationError("--backup-concurrency must be at least 1.") }
    }

    /// The backups file: `--backups`, else `backups.yaml` in the inventory file's folder.
    func backupsPath() throws(PathSearchError) -> String {
        DefaultPaths.current.backups(flag: backups, inventory: try config.inventory)
    }

    /// The backup agent for configuration backups after each cycle, or `nil` when they are off.
    func backupAgent(devices: [Device], store: Store) throws -> BackupAgent? {
        let backupsPath = try backupsPath()
        let exists = FileManager.default.fileExists(atPath: backupsPath)
        guard configBackups ?? exists else { return nil }
        guard exists else {
            throw ValidationError(
                "--config-backups needs a backups file, and \(backupsPath) does not exist; name one with --backups.")
        }
        let inventory = try BackupInventory.load(path: backupsPath, devices: Set(devices.map(\.name)))
        let policy = try BackupPolicy.load(path: try config.policyOptions.file("backups.yaml"))
        return BackupAgent(inventory: inventory, policy: policy, store: store, devices: devices)
    }

    func run() async throws {
        let format: AgentLogging.Format = logFormat.map { $0 == .json ? .json : .text } ?? .automatic
        AgentLogging.bootstrap(format: format, level: Logger.Level(rawValue: logLevel) ?? .info)
        let logger = Logger(label: "jifang.agent")
        let loaded = try LoadedConfiguration(config)
        let store = try Store(path: storeOptions.path)
        try store.syncInventory(units: loaded.inventory.units, devices: loaded.inventory.devices.map(\.profile))
        let backupAgent = try backupAgent(devices: loaded.inventory.devices, store: store)
        let backupsPath = try backupsPath()
        let failures = StoreWriteFailures()
        let scheduler = AgentScheduler(
            cycle: PollCycle(poller: DevicePoller(policies: loaded.policies), store: store, concurrency: concurrency),
            devices: loaded.inventory.devices, store: store, retention: loaded.policies.retention,
            interval: .milliseconds(Int(interval * 1000)), backups: backupAgent, backupConcurrency: backupConcurrency,
            logger: Logger(label: "jifang.poll"), failures: failures)
        // With --cycles the poll service ends by itself, and the others are shut down with it.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(
                service: PollService(scheduler: scheduler, cycles: cycles),
                successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "poll")
        ]
        services += try watchServices(
            loaded.inventory.watch, store: store, format: format == .json ? .json : .text, failures: failures)
        // --serve wins over the inventory's serve:.
        let address = serve.flatMap(ServeAddress.init) ?? loaded.inventory.serve
        if let address {
            let server = try ServeCommand.webServer(
                store: store, config: config, backupsFlag: backups,
                options: .init(host: address.host, port: address.port))
            services.append(
                .init(
                    service: server.application(), successTerminationBehavior: .gracefullyShutdownGroup,
                    serviceName: "web"))
        }
        var started =
            "agent started: \(loaded.inventory.devices.count) devices every \(interval) s, store \(storeOptions.path), "
        if let backupAgent {
            started += "configuration backups from \(backupsPath) to \(backupAgent.inventory.repository)"
        } else {
            started += "configuration backups off"
        }
        if let watch = loaded.inventory.watch {
            started += ", ARP watch on " + watch.interfaces.joined(separator: ", ")
        }
        if let address { started += ", serving http://\(address)/" }
        logger.info("\(started)")
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("agent stopped", metadata: ["storeWriteFailures": "\(failures.value)"])
    }

    /// One ARP watch service per interface the inventory's `watch:` names.
    private func watchServices(
        _ watch: WatchSettings?, store: Store, format: EventSink.Format, failures: StoreWriteFailures
    ) throws -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard let watch, !watch.interfaces.isEmpty else { return [] }
        let inventoryPath = try config.inventory
        let files =
            watch.enforce
            ? BindingWatchService.EnforcementFiles(
                inventoryPath: inventoryPath, policiesDirectory: try config.policies) : nil
        let entries = try ARPWatchRun.register(bindings: nil, store: store, inventoryPath: inventoryPath)
        return watch.interfaces.map { interface in
            .init(
                service: BindingWatchService(
                    interface: interface, entries: entries, enforcement: files, store: store, format: format,
                    failures: failures),
                serviceName: "watch \(interface)")
        }
    }
}
