import Foundation
import JifangConfig
import JifangModel
import JifangTesting
import Testing

@Suite struct InventoryTests {
    /// Parses `yaml` expecting errors; returns their descriptions.
    private func errors(_ yaml: String) -> [String] {
        do {
            _ = try Inventory.parse(yaml: yaml, file: "Inventory/site.yaml")
            Issue.record("expected the inventory to be rejected")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func minimalInventoryLoadsFromAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("site.yaml").path
        try """
        devices:
          - name: core-router
            address: 127.0.0.1
            port: 1161
            community: public
        """.write(toFile: path, atomically: true, encoding: .utf8)

        let inventory = try Inventory.load(path: path)
        #expect(inventory.units.isEmpty)
        #expect(inventory.devices == [Device(name: "core-router", address: "127.0.0.1", port: 1161)])
        #expect(inventory.devices[0].credentials == .v2c(community: "public"))
    }

    @Test func fullInventoryKeepsChineseTextAndEveryField() throws {
        let yaml = """
            site: 示范县人口信息中心
            units:
              - id: "330102"
                name: 示范县人口信息中心
                level: county
                parent: "3301"
              - id: 33010201
                name: 城关镇信息工作站
                level: township
                parent: "330102"
            devices:
              - name: core-router
                address: 127.0.0.1
                port: 1161
                version: v3
                v3:
                  user: jifang
                  auth: { protocol: sha, secret: env:JIFANG_AUTH }
                  priv: { protocol: AES, secret: file:/etc/jifang/priv.key }
                unit: "330102"
                location: "一号机房 A 柜 U10"
                owner: 张三
                kind: router
                facts: { env.earthingOhms: 3.5, ups.online: true, vpn.protocols: [PPTP, IPsec], raid.level: "1" }
                timeout: 1.5
                retries: 3
              - name: ups-1
                address: ups1.example.cn
                community: 机房
                version: v1
                unit: "33010201"
              - name: v6-switch
                address: "::1"
                community: public
            """
        let inventory = try Inventory.parse(yaml: yaml, file: "site.yaml")
        #expect(inventory.site == "示范县人口信息中心")
        #expect(
            inventory.units == [
                OrganisationUnit(id: "330102", name: "示范县人口信息中心", level: .county, parent: "3301"),
                OrganisationUnit(id: "33010201", name: "城关镇信息工作站", level: .township, parent: "330102"),
            ])
        let router = try #require(inventory.device(named: "core-router"))
        #expect(router.port == 1161)
        #expect(
            router.credentials
                == .v3(
                    user: "jifang", auth: .init(protocol: .sha, secret: .environment("JIFANG_AUTH")),
                    priv: .init(protocol: .aes, secret: .file("/etc/jifang/priv.key"))))
        #expect(router.unit == "330102")
        #expect(router.location == "一号机房 A 柜 U10")
        #expect(router.owner == "张三")
        #expect(router.declaredKind == .router)
        #expect(router.declaredFacts[FactKey.earthingOhms] == .number(3.5))
        #expect(router.declaredFacts[FactKey.upsOnline] == .flag(true))
        #expect(router.declaredFacts[FactKey.vpnProtocols] == .list(["PPTP", "IPsec"]))
        #expect(router.declaredFacts[FactKey.raidLevel] == .text("1"))
        #expect(router.timeoutSeconds == 1.5)
        #expect(router.retries == 3)
        let ups = try #require(inventory.device(named: "ups-1"))
        #expect(ups.credentials == .v1(community: "机房"))
        #expect(ups.port == 161)
        #expect(ups.timeoutSeconds == 2 && ups.retries == 1)
        #expect(inventory.device(named: "v6-switch")?.credentials == .v2c(community: "public"))

        // Chinese text survives a JSON round trip of the loaded values.
        let data = try JSONEncoder().encode(inventory.units)
        #expect(try JSONDecoder().decode([OrganisationUnit].self, from: data) == inventory.units)
    }

    @Test func badPortNamesFileLineAndField() {
        let found = errors(
            """
            devices:
              - name: a
                address: 10.0.0.1
                community: public
              - name: b
                address: 10.0.0.2
                port: 70000
                community: public
            """)
        #expect(found == ["Inventory/site.yaml:7: devices[1].port: 70000 is not a UDP port (use 1–65535)"])
    }

    @Test func badVersion() {
        let found = errors(
            """
            devices:
              - name: a
                address: 10.0.0.1
                community: public
                version: v2
            """)
        #expect(
            found == ["Inventory/site.yaml:5: devices[0].version: \"v2\" is not an SNMP version (use v1, v2c or v3)"])
    }

    @Test func unknownFieldListsAllowedFieldsAndSuggests() throws {
        let found = errors(
            """
            devices:
              - name: a
                address: 10.0.0.1
                comunity: public
            """)
        #expect(found.count == 2)
        let unknown = try #require(found.first { $0.contains("comunity") })
        #expect(unknown.hasPrefix("Inventory/site.yaml:4: devices[0].comunity: unknown field \"comunity\""))
        #expect(unknown.contains("did you mean \"community\"?"))
        #expect(unknown.contains("allowed fields: name, address, port, community, version"))
        #expect(found.contains("Inventory/site.yaml:2: devices[0].community: required field is missing"))
    }

    @Test func inlineSecretIsRefusedWithoutEchoingIt() throws {
        let found = errors(
            """
            devices:
              - name: a
                address: 10.0.0.1
                version: v3
                v3:
                  user: jifang
                  auth:
                    protocol: SHA
                    secret: hunter2hunter2
            """)
        let message = try #require(found.first)
        #expect(found.count == 1)
        #expect(message.hasPrefix("Inventory/site.yaml:9: devices[0].v3.auth.secret: secrets are not written"))
        #expect(message.contains("env:NAME"))
        #expect(message.contains("file:/path/to/file"))
        #expect(!message.contains("hunter2"))
    }

    @Test func missingName() {
        let found = errors(
            """
            devices:
              - address: 10.0.0.1
                community: public
            """)
        #expect(found == ["Inventory/site.yaml:2: devices[0].name: required field is missing"])
    }

    @Test func duplicateNameNamesTheFirstUse() {
        let found = errors(
            """
            devices:
              - name: core
                address: 10.0.0.1
                community: public
              - name: core
                address: 10.0.0.2
                community: public
            """)
        #expect(
            found == [
                "Inventory/site.yaml:5: devices[1].name: \"core\" is already used by devices[0].name (line 2); "
                    + "it must be unique"
            ])
    }

    @Test func yamlSyntaxErrorCarriesYamsLine() throws {
        let found = errors(
            """
            devices:
              - name: a
                address: 10.0.0.1
                community: [public
              - name: b
            """)
        let message = try #require(found.first)
        #expect(found.count == 1)
        #expect(message.hasPrefix("Inventory/site.yaml:5: YAML syntax error at column"))
    }

    @Test func duplicateKeyIsASyntaxError() throws {
        let found = errors(
            """
            devices:
              - name: a
                name: b
                address: 10.0.0.1
                community: public
            """)
        #expect(found.count == 1)
        #expect(try #require(found.first).contains("the key \"name\" appears more than once"))
    }

    @Test func wrongType() {
        let found = errors(
            """
            devices:
              - name: a
                address: 10.0.0.1
                port: [161]
                community: public
                retries: many
            """)
        #expect(
            found == [
                "Inventory/site.yaml:4: devices[0].port: expected a whole number, found a list",
                "Inventory/site.yaml:6: devices[0].retries: expected a whole number, found the text \"many\"",
            ])
    }

    @Test func devicesMustBeAList() {
        #expect(errors("devices:\n  name: a\n") == ["Inventory/site.yaml:1: devices: expected a list, found a mapping"])
        #expect(errors("units: []\n") == ["Inventory/site.yaml:1: devices: required field is missing"])
    }

    @Test func everyErrorOfAFileIsReportedOnePerLine() throws {
        let yaml = """
            units:
              - id: "330102"
                name: 示范县
                level: county
              - id: "330103"
                name: 另一县
                level: prefecture
            devices:
              - name: a
                address: 300.1.2.3
                community: public
                unit: "999999"
              - name: b
                address: bad_host!
                community: public
                kind: printer
              - name: c
                address: 10.0.0.3
                version: v2c
                community: public
                v3: { user: x }
                facts: { env.earthingOhm: 3 }
                timeout: 0
              - name: d
                address: 10.0.0.4
                version: v3
                v3:
                  auth: { protocol: SHA1, secret: env:1BAD }
                  priv: { protocol: AES, secret: "file:" }
            """
        do {
            _ = try Inventory.parse(yaml: yaml, file: "site.yaml")
            Issue.record("expected errors")
        } catch {
            let text = error.description
            let lines = text.split(separator: "\n").map(String.init)
            let expected = [
                "site.yaml:7: units[1].level: \"prefecture\" is not one of province, city, county, township, village",
                "site.yaml:10: devices[0].address: \"300.1.2.3\" is not a valid IPv4 address",
                "site.yaml:12: devices[0].unit: unit \"999999\" is not declared under units: (declared: 330102)",
                "site.yaml:14: devices[1].address: \"bad_host!\" is neither an IP address nor a valid host name",
                "site.yaml:16: devices[1].kind: \"printer\" is not one of router, switch, server, ups, firewall, other",
                "site.yaml:21: devices[2].v3: the v3 block is only used with version: v3 (this device uses v2c)",
                "site.yaml:23: devices[2].timeout: 0.0 seconds is not a usable timeout (use more than 0 and at most 60)",
                "site.yaml:27: devices[3].v3.user: required field is missing",
                "site.yaml:28: devices[3].v3.auth.protocol: \"SHA1\" is not one of MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512",
                "site.yaml:28: devices[3].v3.auth.secret: env: must be followed by an environment variable's name (letters, digits and _)",
                "site.yaml:29: devices[3].v3.priv.secret: file: needs a path, e.g. file:/etc/jifang/auth.key",
            ]
            for line in expected {
                #expect(lines.contains(line), "missing: \(line)\nin:\n\(text)")
            }
            #expect(
                lines.contains {
                    $0.hasPrefix(
                        "site.yaml:22: devices[2].facts[\"env.earthingOhm\"]: unknown field \"env.earthingOhm\"")
                })
            #expect(lines.contains { $0.contains("did you mean \"env.earthingOhms\"?") })
            #expect(lines.count == expected.count + 1, "\(text)")
        }
    }
}
