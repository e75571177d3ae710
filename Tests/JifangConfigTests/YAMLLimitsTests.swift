import Foundation
import JifangConfig
import JifangModel
import JifangTesting
import Testing

/// Hostile YAML (alias bombs, oversize files) is refused quickly, naming the file and line.
@Suite struct YAMLLimitsTests {
    /// Five levels of ten aliases each, the last used as a mapping key: hashing that key to look
    /// for duplicates visits 10⁵ nodes through the aliases (47 s and 390 MB before the limits).
    static let keyBomb = """
        a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
        ? *e
        : boom
        devices: []

        """

    /// The classic billion laughs: nine levels of ten, 10⁹ nodes once the aliases are followed.
    static var valueBomb: String {
        var text = "devices: []\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...8 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "]\n"
        }
        return text + "laughs: *l8\n"
    }

    private func errors(_ yaml: String) -> [ConfigError] {
        do {
            _ = try Inventory.parse(yaml: yaml, file: "Inventory/site.yaml")
            Issue.record("expected the file to be refused")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func aliasAsMappingKeyIsRefusedWithinASecondWithItsLine() {
        #expect(Self.keyBomb.utf8.count < 420)
        let start = ContinuousClock.now
        let found = errors(Self.keyBomb)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(
            found.map(\.description) == [
                "Inventory/site.yaml:6: an alias (*e) may not be a mapping key; write the key out"
            ])
    }

    @Test(arguments: [
        ("a: &a x\n{*a: 1}: 2\n", 2, "*a"),
        ("a: &a x\nb: {*a: 1}\n", 2, "*a"),
        ("a: &a [x]\n? [y, *a]\n: 1\n", 2, "*a"),
    ])
    func aliasesInsideKeysAreRefusedToo(yaml: String, line: Int, alias: String) {
        let found = errors(yaml)
        #expect(found.first?.line == line)
        #expect(found.first?.reason.contains("an alias (\(alias)) may not be a mapping key") == true)
    }

    @Test func billionLaughsInAValueIsRefusedByTheExpansionLimit() {
        let start = ContinuousClock.now
        let found = errors(Self.valueBomb)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(found.count == 1)
        let error = found.first
        #expect(error?.file == "Inventory/site.yaml")
        #expect(error?.line != nil)
        #expect(error?.reason.contains("aliases expand the file to more than 1000000 nodes") == true)
    }

    @Test func oversizeFileIsRefusedNamingTheFileAndTheLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("site.yaml").path
        let line = "# " + String(repeating: "x", count: 1021) + "\n"
        let text = "devices: []\n" + String(repeating: line, count: 4096)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 4 << 20)
        do {
            _ = try Inventory.load(path: path)
            Issue.record("expected the oversize file to be refused")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "\(path): the file is \(text.utf8.count) bytes, more than the limit of 4194304 bytes (4 MiB) "
                        + "for a YAML file"
                ])
        }
        // The same limit holds for text handed over directly.
        #expect(errors(text).first?.reason.contains("more than the limit of 4194304 bytes") == true)
    }

    @Test func aliasesInValuesStillLoadAndAFileAtTheLimitIsRead() throws {
        var yaml = """
            devices:
              - name: a
                address: 127.0.0.1
                community: public
                facts: &shared { raid.level: "5", disk.count: 4 }
              - name: b
                address: 127.0.0.2
                community: public
                facts: *shared

            """
        yaml += String(repeating: "#", count: 4 << 20 - yaml.utf8.count - 1) + "\n"
        #expect(yaml.utf8.count == 4 << 20)
        let inventory = try Inventory.parse(yaml: yaml, file: "Inventory/site.yaml")
        #expect(inventory.devices.map(\.name) == ["a", "b"])
        #expect(inventory.devices[1].declaredFacts == inventory.devices[0].declaredFacts)
        #expect(inventory.devices[1].declaredFacts["disk.count"] == .number(4))
    }
}
