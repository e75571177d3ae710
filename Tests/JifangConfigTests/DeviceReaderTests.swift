import JifangConfig
import JifangModel
import Testing

/// A secret or community written where it does not belong is never echoed in an error.
@Suite struct DeviceReaderTests {
    static let secret = "S3cretAuthKey!42"

    /// A v3 device whose `v3:` block is `block`, indented under it.
    static func v3Device(_ block: String) -> String {
        """
        devices:
          - name: core-router
            address: 127.0.0.1
            version: v3
            v3: \(block)

        """
    }

    /// A v2c device whose `community:` is `value`.
    static func v2cDevice(_ value: String, version: String = "v2c") -> String {
        """
        devices:
          - name: core-router
            address: 127.0.0.1
            version: \(version)
            community: \(value)

        """
    }

    static let wrongShapes: [String] = [
        // The secret itself where its block belongs.
        v3Device("{ user: jifang, auth: \(secret) }"),
        v3Device("{ user: jifang, auth: { protocol: sha, secret: env:A }, priv: \(secret) }"),
        v3Device("{ user: jifang, auth: \"\(secret)\" }"),
        // The whole v3 block written as the secret.
        v3Device(secret),
        // The secret as a reference of the wrong shape, or a broken env: reference.
        v3Device("{ user: jifang, auth: { protocol: sha, secret: [\(secret)] } }"),
        v3Device("{ user: jifang, auth: { protocol: sha, secret: { \(secret): x } } }"),
        v3Device("{ user: jifang, auth: { protocol: sha, secret: \"env:\(secret)\" } }"),
        v3Device("{ user: jifang, auth: { protocol: sha, secret: \(secret) } }"),
        // The secret as a key of the block.
        v3Device("{ user: jifang, auth: { protocol: sha, \(secret): env:A } }"),
        v3Device("{ user: jifang, \(secret): x }"),
        // Communities of the wrong shape.
        v2cDevice("[\(secret)]"),
        v2cDevice("{ \(secret): x }"),
        v2cDevice("{ value: \(secret) }"),
        v2cDevice(secret, version: "v1") + "    v3: { user: x }\n",
        // A community reference of the wrong shape.
        v2cDevice("\"env:\(secret)\""),
    ]

    @Test(arguments: wrongShapes)
    func wrongShapeErrorsDoNotContainTheSecret(yaml: String) {
        do {
            _ = try Inventory.parse(yaml: yaml, file: "Inventory/site.yaml")
            Issue.record("expected the inventory to be refused")
        } catch {
            #expect(!error.errors.isEmpty)
            for problem in error.errors {
                #expect(!problem.description.contains(Self.secret), "\(problem.description)")
                #expect(!problem.description.contains("S3cret"))
            }
            #expect(!error.description.contains(Self.secret))
        }
    }

    @Test func concealedErrorsStillSayWhatAndWhere() throws {
        do {
            _ = try Inventory.parse(yaml: Self.v3Device("{ user: jifang, auth: \(Self.secret) }"), file: "site.yaml")
            Issue.record("expected the inventory to be refused")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "site.yaml:5: devices[0].v3.auth: expected a mapping, found a plain value (not shown)"
                ])
        }
    }

    @Test func aCommunityIsInlineOrByReference() throws {
        let cases: [(String, String, SNMPCredentials)] = [
            ("public", "v2c", .v2c(community: .inline("public"))),
            ("env:ZQ7_COMMUNITY", "v2c", .v2c(community: .reference(.environment("ZQ7_COMMUNITY")))),
            ("file:/etc/jifang/community", "v1", .v1(community: .reference(.file("/etc/jifang/community")))),
        ]
        for (value, version, credentials) in cases {
            let inventory = try Inventory.parse(
                yaml: Self.v2cDevice(value, version: version), file: "Inventory/site.yaml")
            #expect(inventory.devices.map(\.credentials) == [credentials], "\(value)")
        }
    }

    @Test func aBrokenCommunityReferenceSaysWhatAndWhere() throws {
        do {
            _ = try Inventory.parse(yaml: Self.v2cDevice("\"file:\""), file: "site.yaml")
            Issue.record("expected the inventory to be refused")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "site.yaml:5: devices[0].community: file: needs a path, e.g. file:/etc/jifang/auth.key"
                ])
        }
    }
}
