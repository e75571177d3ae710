import Foundation
import JifangConfig
import JifangModel
import JifangTesting
import Testing

@Suite struct BindingTableTests {
    @Test func minimalFileLoads() throws {
        let table = try BindingTable.parse(yaml: "bindings:\n  - ip: 172.16.0.1\n    mac: \"00:26:0b:31:07:33\"\n")
        #expect(
            table.entries == [
                BindingEntry(ip: IPv4Address(172, 16, 0, 1), mac: MACAddress(0, 0x26, 0x0b, 0x31, 7, 0x33))
            ])
    }

    @Test(arguments: [
        "00:26:0b:31:07:33", "00-26-0B-31-07-33", "0026.0b31.0733", "0026-0b31-0733", "00260b310733", "0:26:b:31:7:33",
    ])
    func macInAnyNotation(_ notation: String) throws {
        let table = try BindingTable.parse(yaml: "bindings:\n  - ip: 172.16.0.1\n    mac: \(notation)\n")
        #expect(table.entries.first?.mac.description == "00:26:0b:31:07:33")
    }

    @Test func allFieldsLoad() throws {
        let yaml = """
            bindings:
              - { ip: 10.1.0.5, mac: "0026.0b31.0733", owner: 张三, unit: "330102", vlan: 20, switch: access-switch,
                  port: GigabitEthernet0/0/7, action: shutdown }
            """
        let entry = try #require(try BindingTable.parse(yaml: yaml).entries.first)
        #expect(entry.owner == "张三" && entry.unit == "330102" && entry.vlan == 20)
        #expect(
            entry.switchName == "access-switch" && entry.port == "GigabitEthernet0/0/7" && entry.action == .shutdown)
    }

    @Test func everyErrorNamesFileLineAndField() {
        let yaml = """
            bindings:
              - ip: 172.16.0.1
                mac: "00:26:0b:31:07:33"
              - ip: 172.16.0.300
                mac: "00:26:0b:31:07:34"
              - ip: 172.16.0.3
                mac: "not-a-mac"
                vlan: 5000
              - ip: 172.16.0.1
                mac: "00:26:0b:31:07:35"
                colour: red
              - mac: "01:00:5e:00:00:01"
            """
        do {
            _ = try BindingTable.parse(yaml: yaml, file: "bindings.yaml")
            Issue.record("expected errors")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("bindings.yaml:4: bindings[1].ip: \"172.16.0.300\" is not an IPv4") })
            #expect(lines.contains { $0.hasPrefix("bindings.yaml:7: bindings[2].mac: \"not-a-mac\" is not a MAC") })
            #expect(lines.contains { $0.hasPrefix("bindings.yaml:8: bindings[2].vlan: \"5000\" is not a VLAN id") })
            #expect(lines.contains { $0.hasPrefix("bindings.yaml:9: bindings[3].ip: \"172.16.0.1\" is already used") })
            #expect(lines.contains { $0.hasPrefix("bindings.yaml:11: bindings[3].colour: unknown field") })
            #expect(lines.contains { $0.hasPrefix("bindings.yaml:12: bindings[4].ip: required field is missing") })
            #expect(lines.contains { $0.contains("bindings[4].mac: 01:00:5e:00:00:01 is a group") })
            #expect(error.errors.count == 7, "\(error)")
        }
    }

    @Test func syntaxErrorAndMissingList() {
        #expect(throws: ConfigErrors.self) { try BindingTable.parse(yaml: "bindings: [ip: 1", file: "b.yaml") }
        do {
            _ = try BindingTable.parse(yaml: "site: x\n", file: "b.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "b.yaml:1: bindings: required field is missing")
        }
    }

    @Test func csvWithHeaderInAnyOrder() throws {
        let csv =
            "\u{FEFF}" + #"""
                mac,ip,owner,vlan,switch,port
                00-26-0B-31-07-33,172.16.0.1,"Wang, Wu",10,access-switch,Gi0/1
                # a comment

                0026.0b31.0734,172.16.0.2,"say ""hi""",,,
                """#
        let table = try BindingTable.parse(csv: csv)
        #expect(table.entries.count == 2)
        #expect(table.entries[0].owner == "Wang, Wu" && table.entries[0].vlan == 10 && table.entries[0].port == "Gi0/1")
        #expect(table.entries[1].owner == "say \"hi\"" && table.entries[1].vlan == nil)
    }

    @Test func csvWithoutHeaderUsesDefaultColumns() throws {
        let table = try BindingTable.parse(csv: "172.16.0.1,00:26:0b:31:07:33,Li\r\n172.16.0.2,00260b310734\r\n")
        #expect(table.entries.map(\.ip.description) == ["172.16.0.1", "172.16.0.2"])
        #expect(table.entries[0].owner == "Li")
    }

    @Test func csvErrorsNameFileLineAndColumn() {
        let csv = """
            ip,mac,owner,vlan
            172.16.0.1,00:26:0b:31:07:33,a,
            172.16.0.2,zz:26:0b:31:07:33,b,
            172.16.0.x,00:26:0b:31:07:34,c,0
            172.16.0.1,00:26:0b:31:07:35,d,
            172.16.0.5,00:26:0b:31:07:36,"open,
            172.16.0.6,00:26:0b:31:07:37,a,1,extra
            """
        do {
            _ = try BindingTable.parse(csv: csv, file: "import.csv")
            Issue.record("expected errors")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("import.csv:3: mac: \"zz:26:0b:31:07:33\" is not a MAC address") })
            #expect(lines.contains { $0.hasPrefix("import.csv:4: ip: \"172.16.0.x\" is not an IPv4 address") })
            #expect(lines.contains { $0.hasPrefix("import.csv:4: vlan: \"0\" is not a VLAN id") })
            #expect(lines.contains { $0.hasPrefix("import.csv:5: ip: \"172.16.0.1\" is already used by ip (line 2)") })
            #expect(lines.contains { $0.hasPrefix("import.csv:6: owner: a quoted field is not closed") })
            #expect(lines.contains { $0.hasPrefix("import.csv:7: column 5: the line has 5 fields") })
            #expect(error.errors.count == 6, "\(error)")
        }
    }

    @Test func csvFileLoadsByExtension() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("b.csv").path
        try "ip,mac\n10.0.0.1,00:11:22:33:44:55\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try BindingTable.load(path: path).entries.count == 1)
        #expect(throws: ConfigErrors.self) { try BindingTable.load(path: directory.appending("missing.csv").path) }
    }

    @Test func inventoryBindingsAreCheckedAgainstUnitsAndDevices() throws {
        let yaml = """
            units: [{ id: "330102", name: 县中心, level: county }]
            devices:
              - { name: sw1, address: 127.0.0.1, port: 161, community: public }
            bindings:
              - { ip: 10.0.0.1, mac: "00:11:22:33:44:55", unit: "330102", switch: sw1, port: Gi0/1 }
              - { ip: 10.0.0.2, mac: "00:11:22:33:44:56", unit: "999", switch: sw9 }
            """
        do {
            _ = try Inventory.parse(yaml: yaml, file: "site.yaml")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.field) == ["bindings[1].unit", "bindings[1].switch"])
        }
        let good = try Inventory.parse(yaml: yaml.components(separatedBy: "\n").dropLast().joined(separator: "\n"))
        #expect(good.bindings.first?.switchName == "sw1")
        #expect(
            try BindingTable.parse(yaml: yaml.components(separatedBy: "\n").dropLast().joined(separator: "\n")).entries
                .count == 1)
    }

    @Test func bindingPolicyLoadsAndChoosesActions() throws {
        let policy = try BindingPolicy.load(path: shippedPolicies + "/bindings.yaml")
        #expect(policy.mode == .alert && !policy.enforce && policy.uplinkMACThreshold == 4)
        #expect(policy.forwardingRefreshSeconds == 300)
        #expect(try BindingPolicy.parse(yaml: "forwardingRefreshSeconds: 3600\n").forwardingRefreshSeconds == 3600)
        #expect(policy.unitModes["330102"] == .shutdown)
        #expect(policy.action(for: BindingEntry(ip: .unspecified, mac: .zero, unit: "330102")) == .shutdown)
        #expect(
            policy.action(for: BindingEntry(ip: .unspecified, mac: .zero, unit: "330102", action: .alert)) == .alert)
        #expect(policy.action(for: nil) == .alert)
        #expect(try PolicySet.load(directory: shippedPolicies).bindings == policy)
        do {
            _ = try BindingPolicy.parse(
                yaml: "mode: off\nuplinkMACs: 0\nshutdownOn: [spoof]\nforwardingRefreshSeconds: 5\n", file: "p.yaml")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.field) == ["mode", "uplinkMACs", "shutdownOn[0]", "forwardingRefreshSeconds"])
            #expect(error.description.contains("p.yaml:4: forwardingRefreshSeconds: 5 is not a refresh interval"))
        }
    }
}
