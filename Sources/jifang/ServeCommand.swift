import ArgumentParser
import Foundation
import JifangConfig
import JifangModel
import JifangServer
import JifangStore

/// `jifang serve`: the web UI, the REST API and /metrics.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web UI, the REST API (/api/v1) and Prometheus metrics (/metrics).",
        discussion: """
            Create the first administrator with `jifang users add NAME --role administrator` before \
            signing in. Passwords and sessions follow Policies/accounts.yaml (Art. 118).
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The address to listen on (127.0.0.1 keeps the UI on this machine).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port to listen on.")
    var port = 8080

    /// The site inventory (switches for releasing ports, devices for backups) and the policies
    /// (accounts, records, bindings, backups, rules).
    @OptionGroup var config: ConfigOptions

    @Option(name: .long, help: "The backup targets file (YAML; default: backups.yaml beside the inventory).")
    var backups: String?

    @Flag(name: .long, help: "Mark cookies Secure (when an HTTPS proxy sits in front).")
    var secureCookies = false

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port \(port) is not a TCP port (use 1–65535)")
        }
    }

    func run() async throws {
        let store = try Store(path: storeOptions.path)
        if try store.accounts().isEmpty {
            print("No accounts yet: create one with `jifang users add NAME --role administrator`.")
        }
        let server = try Self.webServer(
            store: store, config: config, backupsFlag: backups,
            options: .init(host: host, port: port, secureCookies: secureCookies))
        print("Serving http://\(host):\(port)/ (store \(store.path)); Ctrl-C stops.")
        try await server.run()
    }

    /// The web server over `store` as `jifang serve` runs it, for `jifang agent --serve` too.
    static func webServer(
        store: Store, config: ConfigOptions, backupsFlag: String?, options: WebServer.Options
    ) throws -> WebServer {
        let policies = try config.policies
        // The server reads the inventory when a page needs it, so a site without one still serves.
        let inventory = config.inventoryIfPresent ?? "Inventory/site.yaml"
        let backups = DefaultPaths.current.backups(flag: backupsFlag, inventory: inventory)
        let policy = try AccountPolicy.load(path: "\(policies)/accounts.yaml")
        // The duty log, assets and lending desk follow records.yaml, as the `log`, `assets` and `docs` commands do.
        let recordsPath = (policies as NSString).appendingPathComponent(RecordsPolicy.fileName)
        let records =
            FileManager.default.fileExists(atPath: recordsPath)
            ? try RecordsPolicy.load(path: recordsPath) : RecordsPolicy()
        if try store.dutyLogUTCOffset() != records.utcOffsetSeconds {
            try store.setDutyLogUTCOffset(seconds: records.utcOffsetSeconds)
        }
        return WebServer(
            store: store, policy: policy, options: options,
            modules: SiteModules.makers(
                records: records, policiesDirectory: policies, inventoryPath: inventory, backupsPath: backups))
    }
}
