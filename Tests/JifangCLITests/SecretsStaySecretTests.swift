import Foundation
import JifangTesting
import Testing

/// No community or v3 secret of the demo ever reaches the store, an export, the API or a page.
///
/// The demo's recordings are served under distinctive communities (snmpsim selects a recording
/// by community): one inline v2c, one inline v1, one v2c by `env:`, one by `file:`; a real snmpd
/// serves a v3 user whose passphrases come by `env:` and `file:`. After `jifang poll` into a real
/// SQLite file, every row of every table, the file's bytes, every export and every GET answer of
/// `jifang serve` is searched for each secret.
@Suite(.serialized)
struct SecretsStaySecretTests {
    /// Recording copied under each community, and how the inventory gives that community.
    static let communities: [(recording: String, community: String, version: String, given: Given)] = [
        ("switch-huawei-s5720", "zq7-inline-community-secret", "v2c", .inline),
        ("ups-eaton-93e", "zq7-v1-community-secret", "v1", .inline),
        ("router-huawei-me60", "zq7-env-community-secret", "v2c", .environment("ZQ7_COMMUNITY")),
        ("firewall-topsec-ngfw4000", "zq7-file-community-secret", "v2c", .file("community.secret")),
    ]
    static let v3User = "zq7user"
    static let v3Auth = "zq7-v3-auth-secret"
    static let v3Priv = "zq7-v3-priv-secret"

    enum Given {
        case inline
        case environment(String)
        case file(String)
    }

    static var secrets: [String] { communities.map(\.community) + [v3Auth, v3Priv] }

    @Test func noSecretIsStoredExportedOrServed() async throws {
        let directory = try TemporaryDirectory(prefix: "jifang-secrets")
        defer { directory.remove() }
        let recordings = directory.appending("recordings")
        try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
        for entry in Self.communities {
            try FileManager.default.copyItem(
                at: Recordings.url(entry.recording), to: recordings.appendingPathComponent("\(entry.community).snmprec")
            )
        }
        let port = LoopbackPort.freeUDP(host: "127.0.7.1")
        let simulator = try await SNMPSimulator.start(
            recordings: [recordings], endpoints: [.init(host: "127.0.7.1", port: port)])
        defer { simulator.stop() }
        var configuration = SNMPDaemon.Configuration()
        configuration.readCommunity = "zq7-unused-read-community"
        configuration.users = [("authpriv", "\(Self.v3User) SHA \(Self.v3Auth) AES \(Self.v3Priv)")]
        let snmpd = try await SNMPDaemon.start(configuration)
        defer { snmpd.stop() }

        try (Self.v3Priv + "\n").write(to: directory.appending("priv.secret"), atomically: true, encoding: .utf8)
        var environment = ["ZQ7_AUTH": Self.v3Auth, "JIFANG_PASSWORD": "Jifang#Room-2025"]
        var devices: [String] = []
        for (index, entry) in Self.communities.enumerated() {
            let community: String
            switch entry.given {
            case .inline: community = entry.community
            case .environment(let name):
                environment[name] = entry.community
                community = "env:\(name)"
            case .file(let name):
                try (entry.community + "\n").write(to: directory.appending(name), atomically: true, encoding: .utf8)
                community = "file:\(directory.appending(name).path)"
            }
            devices.append(
                """
                  - { name: device-\(index), address: 127.0.7.1, port: \(port), version: \(entry.version),
                      community: "\(community)", unit: "330102" }
                """)
        }
        devices.append(
            """
              - name: v3-server
                address: \(snmpd.host)
                port: \(snmpd.port)
                version: v3
                unit: "330102"
                v3:
                  user: \(Self.v3User)
                  auth: { protocol: SHA, secret: env:ZQ7_AUTH }
                  priv: { protocol: AES, secret: "file:\(directory.appending("priv.secret").path)" }
            """)
        let inventory = directory.appending("site.yaml")
        try """
        units:
          - { id: "330100", name: 示范市人口信息中心, level: city }
          - { id: "330102", name: 示范县人口信息中心, level: county, parent: "330100" }
        devices:
        \(devices.joined(separator: "\n"))

        """.write(to: inventory, atomically: true, encoding: .utf8)
        let database = directory.appending("jifang.sqlite").path
        let jifang = CommandRunner(
            executable: PackagePaths.executable("jifang"), environment: environment,
            workingDirectory: PackagePaths.root)
        let store = ["--database", database]
        let inventoryFlag = ["--inventory", inventory.path]

        var outputs: [(String, CommandRunner.Output)] = []
        func run(_ arguments: [String]) throws {
            let output = try jifang.run(arguments)
            outputs.append((arguments.joined(separator: " "), output))
        }
        try run(["check"] + inventoryFlag)
        try run(["poll", "--once", "--format", "json"] + inventoryFlag + store)
        try run(["poll", "--once"] + inventoryFlag + store)
        let polled = try #require(outputs[1].1.stdout.data(using: .utf8))
        let answered = try #require(try JSONSerialization.jsonObject(with: polled) as? [[String: Any]])
        // Every device answered, so each secret was really used on the wire.
        #expect(answered.count == 5 && answered.allSatisfy { $0["reachable"] as? Bool == true }, "\(outputs[1].1)")
        for format in ["json", "text"] {
            try run(["devices", "--format", format] + store)
            try run(["alerts", "--all", "--format", format] + store)
            try run(["assets", "list", "--format", format] + store)
            try run(["log", "list", "--format", format] + store)
        }
        try run(["assets", "export"] + store)
        let period = Self.currentHalfYear()
        for format in ["json", "text", "html", "junit"] {
            try run(["evaluate", "--period", period, "--format", format, "--dry-run"] + store)
        }
        try run(["evaluate", "--period", period, "--format", "json"] + store)
        // A backup of the store itself, as an operator would configure one.
        let repository = directory.appending("repo")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try """
        repository: \(repository.path)
        targets:
          - { name: jifang-store, category: database, sqlite: \(database) }
        """.write(to: directory.appending("backups.yaml"), atomically: true, encoding: .utf8)
        try run(["backup", "run", "--target", "jifang-store"] + inventoryFlag + store)
        #expect(outputs.last!.1.status == 0, "\(outputs.last!.1)")
        try run(["backup", "list", "--format", "json"] + inventoryFlag + store)
        try run(["users", "add", "li.wei", "--role", "administrator"] + store)
        try run(["users", "token", "li.wei"] + store)
        let token = outputs.last!.1.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("jf_"), "\(outputs.last!.1)")

        for (command, output) in outputs { Self.expectNoSecret(in: output.stdout + output.stderr, what: command) }

        let files = FileManager.default.enumerator(at: repository, includingPropertiesForKeys: nil)
        var backedUp = 0
        while let file = files?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            backedUp += 1
            Self.expectNoSecret(in: try Data(contentsOf: file), what: file.path)
        }
        #expect(backedUp > 0, "the backup wrote no file")

        // Every row of every table, and the file's bytes (free pages and the WAL included).
        let sqlite = CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        let tables = try sqlite.run([database, "SELECT name FROM sqlite_master WHERE type = 'table'"])
        #expect(tables.stdout.contains("device_health"), "\(tables)")
        for table in tables.stdout.split(separator: "\n") {
            // List mode prints a BLOB's bytes as they are (`.dump` would print them in hex).
            let rows = try sqlite.run([database, "SELECT * FROM \"\(table)\""])
            #expect(rows.status == 0, "\(rows)")
            if table == "device_health" { #expect(rows.stdout.contains("\"device-0\""), "\(rows.stdout.prefix(200))") }
            Self.expectNoSecret(in: rows.stdout, what: "table \(table)")
        }
        for file in [database, database + "-wal"] where FileManager.default.fileExists(atPath: file) {
            Self.expectNoSecret(in: try Data(contentsOf: URL(fileURLWithPath: file)), what: file)
        }

        try await Self.expectNoSecretServed(
            jifang: jifang, arguments: ["serve", "--port"] + inventoryFlag + store, token: token,
            devices: (0..<Self.communities.count).map { "device-\($0)" } + ["v3-server"])
    }

    /// Starts `jifang serve` and GETs every path of its OpenAPI document and the monitoring pages.
    static func expectNoSecretServed(
        jifang: CommandRunner, arguments: [String], token: String, devices: [String]
    ) async throws {
        let port = LoopbackPort.freeTCP()
        var serveArguments = arguments
        serveArguments.insert(String(port), at: 2)
        let server = try RunningProgram(
            jifang.executable, serveArguments, environment: jifang.environment,
            workingDirectory: PackagePaths.root)
        defer { server.send(SIGTERM) }
        let curl = CommandRunner(executable: URL(fileURLWithPath: "/usr/bin/curl"))
        // The server's "Serving …" line sits in its stdout buffer, so wait for the port instead.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(60)
        while try curl.run(["-s", "-o", "/dev/null", "http://127.0.0.1:\(port)/login"]).status != 0 {
            guard clock.now < deadline else {
                Issue.record("jifang serve did not listen on \(port) within 60 s")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        func get(_ path: String) throws -> String {
            let answer = try curl.run([
                "-s", "-S", "--fail-with-body", "-H", "Authorization: Bearer \(token)",
                "http://127.0.0.1:\(port)\(path)",
            ])
            #expect(answer.status == 0, "GET \(path): \(answer)")
            return answer.stdout
        }
        let document = try get("/api/v1/openapi.json")
        let openAPI = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let paths = try #require(openAPI["paths"] as? [String: [String: Any]])
        var requests: [String] = []
        for (path, operations) in paths.sorted(by: { $0.key < $1.key }) where operations["get"] != nil {
            if path.hasSuffix("/{id}") {
                // Each stored item of the list beside it, e.g. /api/v1/evaluations/{id}.
                let list = String(path.dropLast("/{id}".count))
                let items = try JSONSerialization.jsonObject(with: Data(try get(list).utf8)) as? [[String: Any]] ?? []
                #expect(!items.isEmpty, "\(list) lists nothing to open")
                for item in items {
                    if let id = item["id"] { requests.append("\(list)/\(id)") }
                }
            } else if path.contains("{name}") {
                for device in devices {
                    let concrete = path.replacingOccurrences(of: "{name}", with: device)
                    requests.append(concrete.hasSuffix("/observations") ? concrete + "?metric=cpu.percent" : concrete)
                }
            } else {
                requests.append(path)
            }
        }
        #expect(requests.contains("/api/v1/devices/device-0"), "\(requests)")
        requests += ["/", "/alerts", "/metrics", "/assets", "/duty-log"] + devices.map { "/devices/\($0)" }
        for path in requests {
            let body = try get(path)
            if path == "/api/v1/devices/device-0" { #expect(body.contains("\"health\""), "\(body)") }
            expectNoSecret(in: body, what: "GET \(path)")
        }
    }

    static func expectNoSecret(in text: String, what: String) {
        for secret in secrets {
            #expect(!text.contains(secret), "\(what) contains \(secret)")
        }
    }

    static func expectNoSecret(in data: Data, what: String) {
        for secret in secrets {
            #expect(data.range(of: Data(secret.utf8)) == nil, "\(what) contains \(secret)")
        }
    }

    /// `2026H2` for a day in July–December 2026.
    static func currentHalfYear() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return "\(parts.year!)H\((parts.month ?? 1) <= 6 ? 1 : 2)"
    }
}
