import JifangConfig
import Testing

/// The inventory's `watch:` mapping: which interfaces `jifang agent` captures ARP on.
@Suite struct WatchSettingsTests {
    private let devices = """
        devices:
          - { name: core, address: 127.0.0.1, community: public }
        """

    @Test func watchNamesInterfacesAndEnforcement() throws {
        let inventory = try Inventory.parse(
            yaml: devices + "\nwatch: { interfaces: [eth1, veth-a], enforce: true }\n", file: "site.yaml")
        #expect(inventory.watch == WatchSettings(interfaces: ["eth1", "veth-a"], enforce: true))
        #expect(try Inventory.parse(yaml: devices).watch == nil)
        let quiet = try Inventory.parse(yaml: devices + "\nwatch: { interfaces: [eth1] }\n")
        #expect(quiet.watch?.enforce == false)
    }

    @Test func badWatchFieldsAreRefusedByFileLineAndField() {
        let yaml =
            devices + """

                watch:
                  interfaces: [eth1, "eth 2", eth1, averyveryverylongname]
                  enforce: maybe
                  filter: arp
                """
        do {
            _ = try Inventory.parse(yaml: yaml, file: "Inventory/site.yaml")
            Issue.record("expected the watch settings to be rejected")
        } catch {
            let text = error.errors.map(\.description).joined(separator: "\n")
            #expect(text.contains("Inventory/site.yaml:4: watch.interfaces[1]"), "\(text)")
            #expect(text.contains("not an interface name"), "\(text)")
            #expect(text.contains("watch.interfaces[2]"), "\(text)")
            #expect(text.contains("watch.interfaces[3]") && text.contains("15 bytes"), "\(text)")
            #expect(text.contains("Inventory/site.yaml:5: watch.enforce"), "\(text)")
            #expect(text.contains("filter"), "\(text)")
        }
    }
}
