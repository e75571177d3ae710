import Foundation
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// Stores written before device profiles held the v2c community in `device_health.json`; the
/// `v9-scrub-device-credentials` migration removes it.
@Suite struct StoreSchemaCredentialsTests {
    static let community = "zq7-old-community-secret"

    @Test func anUpgradedStoreNoLongerHoldsTheCommunityAndStillReadsItsHealth() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let device = StoreFixture.device("sw-1")
        try fixture.store.record(
            health: StoreFixture.health(device, at: StoreFixture.epoch), observations: [], conditions: [])
        try fixture.store.close()
        // The row as the synthesized Codable of the old `Device` wrote it, on a store before v9.
        try sqlite(
            fixture.path,
            """
            UPDATE device_health SET json = CAST(json_set(CAST(json AS TEXT),
                '$.device.credentials', json('{"v2c":{"community":"\(Self.community)"}}'),
                '$.device.timeoutSeconds', 2, '$.device.retries', 1) AS BLOB);
            DELETE FROM grdb_migrations WHERE identifier = 'v9-scrub-device-credentials';
            """)
        #expect(try Self.fileHolds(fixture.path, Self.community), "the old row should hold the community")

        let reopened = try Store(path: fixture.path)
        let health = try #require(try reopened.latestHealth(device: "sw-1"))
        #expect(health.device == device)
        #expect(health.identity.model == "AR2220")
        try reopened.close()
        #expect(!(try Self.fileHolds(fixture.path, Self.community)))
        #expect(!(try Self.fileHolds(fixture.path, "\"credentials\"")))
    }

    /// Whether the database file or its write-ahead log contains `text`, free pages included.
    static func fileHolds(_ path: String, _ text: String) throws -> Bool {
        let needle = Data(text.utf8)
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            if try Data(contentsOf: URL(fileURLWithPath: file)).range(of: needle) != nil { return true }
        }
        return false
    }
}
