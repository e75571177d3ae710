import JifangConfig
import JifangModel
import Testing

struct BackupInventoryTests {
    @Test func readsEveryKindOfTarget() throws {
        let inventory = try BackupInventory.parse(
            yaml: """
                repository: /srv/backups
                copies: { second: /mnt/second, removable: /media/usb }
                targets:
                  - { name: registry-db, category: database, sqlite: /srv/mis/registry.sqlite }
                  - name: registry-pg
                    category: database
                    postgres: { host: 10.0.0.5, port: 5433, database: mis, user: backup, password: "env:PGPASS" }
                  - { name: fw-logs, category: logs, folder: /var/log/firewall }
                  - name: core-router-config
                    category: configuration
                    device: core-router
                    ssh: { host: 10.0.0.1, user: backup, command: display current-configuration, identity: /etc/jifang/id }
                  - { name: sw-config, category: configuration, device: sw, dropFolder: { path: /srv/tftp, pattern: "sw*.cfg" } }
                  - { name: fw-config, category: configuration, device: fw, hook: [/usr/local/bin/fetch, fw] }
                """, devices: ["core-router", "sw", "fw"])
        #expect(inventory.repository == "/srv/backups" && inventory.secondCopy == "/mnt/second")
        #expect(
            inventory.targets.map(\.category) == [
                .database, .database, .logs, .configuration, .configuration, .configuration,
            ])
        #expect(
            inventory.target(named: "registry-pg")?.source
                == .postgres(
                    PostgresSource(
                        host: "10.0.0.5", port: 5433, database: "mis", user: "backup", password: .environment("PGPASS"))
                ))
        #expect(inventory.target(named: "sw-config")?.device == "sw")
        #expect(
            inventory.target(named: "fw-config")?.source
                == .deviceConfig(device: "fw", method: .hook(command: ["/usr/local/bin/fetch", "fw"])))
    }

    @Test func reportsEveryProblemWithFileLineAndField() {
        #expect {
            try BackupInventory.parse(
                yaml: """
                    repository: /srv/backups
                    targets:
                      - { name: a, category: database, sqlite: /x, folder: /y }
                      - { name: a, category: weekly, folder: /y }
                      - { name: c, category: database, dropFolder: { path: /t }, device: r }
                      - { name: d, category: configuration, device: ghost, hook: [/bin/true] }
                      - { name: "../e", category: logs, folder: /z }
                    """, file: "Inventory/backups.yaml", devices: ["r"])
        } throws: { error in
            let text = "\(error)"
            return text.contains("Inventory/backups.yaml:3: targets[0]: give exactly one source")
                && text.contains("Inventory/backups.yaml:4: targets[1].category: \"weekly\" is not one of")
                && text.contains("targets[1].name")
                && text.contains(
                    "Inventory/backups.yaml:5: targets[2].dropFolder: dropFolder fetches a device configuration")
                && text.contains(
                    "Inventory/backups.yaml:6: targets[3].device: device \"ghost\" is not in the site inventory")
                && text.contains("targets[4].name: \"../e\" names a folder")
        }
    }

    /// Values ssh or pg_dump would read as options (`-oProxyCommand=…` runs a local command) or
    /// that climb out of the backup folder are refused at load, with file, line and field.
    @Test(arguments: [
        ("ssh: { host: \"-oProxyCommand=touch /tmp/pwned\", user: backup, command: show run }", "ssh.host"),
        ("ssh: { host: 10.0.0.1, user: \"-oProxyCommand=touch /tmp/pwned\", command: show run }", "ssh.user"),
        ("ssh: { host: \"10.0.0.1 -p 2\", user: backup, command: show run }", "ssh.host"),
        ("postgres: { database: \"../../etc/cron.d/x\" }", "postgres.database"),
        ("postgres: { database: \"--file=/etc/passwd\" }", "postgres.database"),
        ("postgres: { database: \"mis/other\" }", "postgres.database"),
        ("postgres: { database: \"..\" }", "postgres.database"),
        ("postgres: { database: \"host=evil.example dbname=mis\" }", "postgres.database"),
        ("postgres: { database: mis, host: \"-oProxy\" }", "postgres.host"),
        ("postgres: { database: mis, user: \"-W\" }", "postgres.user"),
    ])
    func optionLikeHostsUsersAndDatabasesAreRefused(source: String, field: String) {
        let category = source.hasPrefix("ssh") ? "configuration, device: core-router" : "database"
        let yaml = """
            repository: /srv/backups
            targets:
              - { name: t, category: \(category), \(source) }
            """
        #expect {
            try BackupInventory.parse(yaml: yaml, file: "Inventory/backups.yaml")
        } throws: { error in
            let errors = (error as? ConfigErrors)?.errors ?? []
            return errors.count == 1 && errors[0].line == 3 && errors[0].field == "targets[0].\(field)"
                && errors[0].description.hasPrefix("Inventory/backups.yaml:3: targets[0].\(field): ")
        }
    }

    @Test func ordinaryNamesStillPass() throws {
        let inventory = try BackupInventory.parse(
            yaml: """
                repository: /srv/backups
                targets:
                  - { name: pg, category: database, postgres: { database: mis_2026-prod, user: backup.user, host: db1.example.org } }
                  - { name: c, category: configuration, device: r, ssh: { host: "fe80::1", user: admin@radius, command: show run } }
                """)
        #expect(inventory.targets.count == 2)
    }

    @Test func loadsTheBundledFiles() throws {
        let policy = try BackupPolicy.load(path: "\(Self.root)/Policies/backups.yaml")
        #expect(policy.monthlyCategories == [.database, .logs, .documents])
        #expect(policy.utcOffsetSeconds == 8 * 3600 && !policy.volatilePatterns.isEmpty && !policy.changeOIDs.isEmpty)
        let inventory = try BackupInventory.load(path: "\(Self.root)/Inventory/backups.yaml")
        #expect(inventory.targets.contains { $0.category == .configuration })
    }

    @Test func policyErrorsNameTheLine() {
        #expect {
            try BackupPolicy.parse(
                yaml: "monthly: { categories: [database, weekly] }\nconfiguration:\n  volatile: ['(unclosed']\n",
                file: "Policies/backups.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("Policies/backups.yaml:1: monthly.categories[1]")
                && text.contains("Policies/backups.yaml:3: configuration.volatile[0]")
        }
    }

    static let root = String(#filePath.prefix(upTo: #filePath.range(of: "/Tests/")!.lowerBound))
}
