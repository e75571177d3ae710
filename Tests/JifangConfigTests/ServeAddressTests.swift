import JifangConfig
import Testing

/// The inventory's `serve: HOST:PORT`, where `jifang agent` serves the web UI.
@Suite struct ServeAddressTests {
    private let devices = "devices:\n  - { name: core, address: 127.0.0.1, community: public }\n"

    @Test func serveNamesHostAndPort() throws {
        let inventory = try Inventory.parse(yaml: devices + "serve: 127.0.0.1:8080\n")
        #expect(inventory.serve == ServeAddress(host: "127.0.0.1", port: 8080))
        #expect(ServeAddress("[::1]:9000") == ServeAddress(host: "::1", port: 9000))
        #expect(ServeAddress("localhost:1")?.description == "localhost:1")
        #expect(try Inventory.parse(yaml: devices).serve == nil)
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", ":8080", "-oProxy:80", "host:80x", "[]:80"])
    func badAddressesAreRefusedByFileLineAndField(text: String) {
        #expect(ServeAddress(text) == nil)
        do {
            _ = try Inventory.parse(yaml: devices + "serve: \"\(text)\"\n", file: "site.yaml")
            Issue.record("expected serve: \(text) to be refused")
        } catch {
            let message = error.errors.map(\.description).joined(separator: "\n")
            #expect(message.contains("site.yaml:3: serve") && message.contains("HOST:PORT"), "\(message)")
        }
    }
}
