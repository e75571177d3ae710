import GRDB

extension StoreSchema {
    /// The migration that removes credentials; ``Store`` checkpoints after it so no old page stays.
    static let scrub = "v9-scrub-device-credentials"

    /// Removes the SNMP credentials older versions wrote into each device's latest health.
    ///
    /// `device_health.json` held the whole inventory device, v1/v2c community included, until the
    /// device's profile replaced it there. The keys that are not part of ``DeviceProfile`` any more
    /// (`credentials`, `timeoutSeconds`, `retries`) are removed with `json_remove`, which keeps
    /// every other value's text as it was, so the rows decode as before. `secure_delete` makes
    /// SQLite zero the pages the old rows leave free, so the file no longer holds the community.
    static func scrubDeviceCredentials(_ db: Database) throws {
        let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try db.execute(
            sql: """
                UPDATE device_health
                SET json = CAST(
                    json_remove(CAST(json AS TEXT), '$.device.credentials', '$.device.timeoutSeconds',
                        '$.device.retries') AS BLOB)
                WHERE json_valid(CAST(json AS TEXT))
                    AND (json_type(CAST(json AS TEXT), '$.device.credentials') IS NOT NULL
                        OR json_type(CAST(json AS TEXT), '$.device.timeoutSeconds') IS NOT NULL
                        OR json_type(CAST(json AS TEXT), '$.device.retries') IS NOT NULL)
                """)
        try db.execute(sql: "PRAGMA secure_delete = \(secureDelete)")
    }
}
