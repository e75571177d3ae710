import Foundation
import GRDB
import JifangModel

/// What ``Store/syncInventory(units:devices:at:)`` changed in the asset register.
public struct InventoryChanges: Sendable, Hashable {
    /// Devices new to the register, or back after having been removed.
    public var added: [String]
    /// Devices the inventory no longer lists; their history stays.
    public var removed: [String]

    public init(added: [String], removed: [String]) {
        self.added = added
        self.removed = removed
    }
}

extension Store {
    /// Makes the register match the inventory: upserts units and devices, marks devices the
    /// inventory no longer lists as removed (their history stays) and writes a `device-added` or
    /// `device-removed` event for each change, all in one transaction.
    ///
    /// Units the inventory no longer lists are deleted. What polls learned (identity, last seen)
    /// is kept; a declared kind overrides the classified one.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when a device names a unit,
    ///   or a unit a parent, that the inventory does not list; nothing is written then.
    @discardableResult
    public func syncInventory(units: [OrganisationUnit], devices: [DeviceProfile], at now: Date = Date()) throws
        -> InventoryChanges
    {
        let operation = "store the inventory"
        try validate(units: units, devices: devices, operation: operation)
        return try write(operation) { db in
            let unitIDs = units.map(\.id)
            for unit in units {
                try db.execute(
                    sql: """
                        INSERT INTO units (id, name, level, parent) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level,
                            parent = excluded.parent
                        """,
                    arguments: [unit.id, unit.name, unit.level.rawValue, unit.parent])
            }
            try db.execute(
                sql: "DELETE FROM units WHERE id NOT IN (SELECT value FROM json_each(?))",
                arguments: [Self.jsonArray(unitIDs)])

            let active = try Set(String.fetchAll(db, sql: "SELECT name FROM devices WHERE removed_at IS NULL"))
            let millis = now.storeMillis
            for device in devices {
                try db.execute(
                    sql: """
                        INSERT INTO devices (name, address, port, unit, location, owner, declared_kind, kind, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET address = excluded.address, port = excluded.port,
                            unit = excluded.unit, location = excluded.location, owner = excluded.owner,
                            declared_kind = excluded.declared_kind,
                            kind = coalesce(excluded.declared_kind, devices.kind),
                            removed_at = NULL
                        """,
                    arguments: [
                        device.name, device.address, device.port, device.unit, device.location, device.owner,
                        device.declaredKind?.rawValue, (device.declaredKind ?? .other).rawValue, millis,
                    ])
            }
            let listed = Set(devices.map(\.name))
            let changes = InventoryChanges(
                added: listed.subtracting(active).sorted(), removed: active.subtracting(listed).sorted())
            for name in changes.removed {
                try db.execute(sql: "UPDATE devices SET removed_at = ? WHERE name = ?", arguments: [millis, name])
            }
            for device in devices {
                try Self.syncDeviceAsset(db, device: device.name, interfaceCount: nil, actor: "inventory", at: now)
            }
            for name in changes.added {
                _ = try appendEvent(
                    db, type: .deviceAdded, device: name, message: "\(name) entered the inventory.", at: now)
            }
            for name in changes.removed {
                _ = try appendEvent(
                    db, type: .deviceRemoved, device: name, message: "\(name) left the inventory.", at: now)
            }
            return changes
        }
    }

    private func validate(units: [OrganisationUnit], devices: [DeviceProfile], operation: String) throws {
        let unitIDs = Set(units.map(\.id))
        for unit in units {
            if let parent = unit.parent, !unitIDs.contains(parent) {
                throw StoreError.invalidArgument(
                    path: path, operation: operation,
                    reason: "unit \(unit.id) names parent \(parent), which the inventory does not list")
            }
        }
        var seen = Set<String>()
        for device in devices {
            if !seen.insert(device.name).inserted {
                throw StoreError.invalidArgument(
                    path: path, operation: operation, reason: "device \(device.name) is listed twice")
            }
            if let unit = device.unit, !unitIDs.contains(unit) {
                throw StoreError.invalidArgument(
                    path: path, operation: operation,
                    reason: "device \(device.name) names unit \(unit), which the inventory does not list")
            }
        }
    }

    /// The asset register, by name.
    ///
    /// - Parameter includeRemoved: also list devices the inventory no longer has.
    public func devices(includeRemoved: Bool = false) throws -> [DeviceRecord] {
        try read("read the devices") { db in
            let filter = includeRemoved ? "" : "WHERE removed_at IS NULL"
            return try Row.fetchAll(db, sql: "SELECT * FROM devices \(filter) ORDER BY name").map {
                try Self.deviceRecord($0)
            }
        }
    }

    /// One device of the register, removed or not; `nil` when the store never knew it.
    public func device(named name: String) throws -> DeviceRecord? {
        try read("read device \(name)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM devices WHERE name = ?", arguments: [name]).map {
                try Self.deviceRecord($0)
            }
        }
    }

    /// The organisation units, by id.
    public func units() throws -> [OrganisationUnit] {
        try read("read the units") { db in
            try Row.fetchAll(db, sql: "SELECT id, name, level, parent FROM units ORDER BY id").map { row in
                OrganisationUnit(
                    id: try row.decode(String.self, "id", in: "units"),
                    name: try row.decode(String.self, "name", in: "units"),
                    level: try row.decode(UnitLevel.self, "level", in: "units"),
                    parent: try row.decodeIfPresent(String.self, "parent", in: "units"))
            }
        }
    }

    /// A `devices` row as a record; a kind no version wrote fails the read naming the column
    /// instead of reading as `other` (which the compliance rules of the kind would then skip).
    static func deviceRecord(_ row: Row) throws -> DeviceRecord {
        let table = "devices"
        func text(_ column: String) throws -> String? { try row.decodeIfPresent(String.self, column, in: table) }
        func time(_ column: String) throws -> Date? { try row.decodeTimeIfPresent(column, in: table) }
        return DeviceRecord(
            name: try row.decode(String.self, "name", in: table),
            address: try row.decode(String.self, "address", in: table),
            port: try row.decode(Int.self, "port", in: table), unit: try text("unit"), location: try text("location"),
            owner: try text("owner"),
            declaredKind: try row.decodeIfPresent(DeviceKind.self, "declared_kind", in: table),
            kind: try row.decode(DeviceKind.self, "kind", in: table), vendor: try text("vendor"),
            model: try text("model"), osVersion: try text("os_version"), serial: try text("serial"),
            sysDescr: try text("sys_descr"), sysObjectID: try text("sys_object_id"),
            matchedRule: try text("matched_rule"), addedAt: try row.decodeTime("added_at", in: table),
            removedAt: try time("removed_at"), firstSeen: try time("first_seen"), lastSeen: try time("last_seen"),
            lastPollID: try row.decodeIfPresent(Int64.self, "last_poll_id", in: table),
            lastPollAt: try time("last_poll_at"),
            lastPollReachable: try row.decodeIfPresent(Bool.self, "last_poll_reachable", in: table),
            lastPollError: try text("last_poll_error"))
    }

    static func jsonArray(_ strings: [String]) -> String {
        let data = (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
