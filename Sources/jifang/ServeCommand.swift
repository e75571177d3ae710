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

    @Option(name: .long, help: "The directory of policy files (accounts, records, bindings, backups, rules).")
    var policies = "Policies"

    @Option(name: .long, help: "The site inventory (switches for releasing ports, devices for backups).")
    var inventory = "Inventory/site.yaml"

    @Option(name: .long, help: "The backup targets file (YAML).")
    var backups = "Inventory/backups.yaml"

    @Flag(name: .long, help: "Mark cookies Secure (when an HTTPS proxy sits in front).")
    var secureCookies = false

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port \(port) is not a TCP port (use 1–65535)")
        }
    }

    func run() async throws {
        let store = try Store(path: storeOptions.path)
        let policy = try AccountPolicy.load(path: "\(policies)/accounts.yaml")
        if try store.accounts().isEmpty {
            print("No accounts yet: create one with `jifang users add NAME --role administrator`.")
        }
        // The duty log, assets and lending desk follow records.yaml, as the `log`, `assets` and `docs` commands do.
        let recordsPath = (policies as NSString).appendingPathComponent(RecordsPolicy.fileName)
        let records =
            FileManager.default.fileExists(atPath: recordsPath)
            ? try RecordsPolicy.load(path: recordsPath) : RecordsPolicy()
        if try store.dutyLogUTCOffset() != records.utcOffsetSeconds {
            try store.setDutyLogUTCOffset(seconds: records.utcOffsetSeconds)
        }
        let server = WebServer(
            store: store, policy: policy, options: .init(host: host, port: port, secureCookies: secureCookies),
            modules: SiteModules.makers(
                records: records, policiesDirectory: policies, inventoryPath: inventory, backupsPath: backups))
        print("Serving http://\(host):\(port)/ (store \(store.path)); Ctrl-C stops.")
        try await server.run()
    }
}
