import Foundation
import GRDB
import JifangModel

extension Store {
    /// The asset register by tag, optionally only assets in `state`.
    public func assets(state: AssetState? = nil) throws -> [Asset] {
        try read("read the asset register") { db in
            if let state {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM assets WHERE state = ? ORDER BY tag", arguments: [state.rawValue]
                ).map { try Self.asset($0) }
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM assets ORDER BY tag").map { try Self.asset($0) }
        }
    }

    /// One asset, or `nil` when the register has no such tag (a tag with a NUL names none: no
    /// stored tag holds one, and SQLite would match the tag cut at it).
    public func asset(tag: String) throws -> Asset? {
        guard !tag.containsNUL else { return nil }
        return try read("read asset \(tag)") { db in try Self.asset(db, tag: tag) }
    }

    /// Adds new assets, or (with `replace`) updates the ones whose tag exists, recording each
    /// change with `actor`, all in one transaction.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when, without `replace`, a
    ///   tag is already in the register, or a text holds a NUL; nothing is written then.
    public func saveAssets(
        _ assets: [Asset], actor: String, action: String = "created", replace: Bool = false,
        at time: Date = Date()
    ) throws {
        let operation = "save \(assets.count == 1 ? "asset \(assets[0].tag)" : "\(assets.count) assets")"
        let path = self.path
        for asset in assets {
            try refuseNUL(in: Self.texts(asset) + [("actor", actor), ("action", action)], operation: operation)
        }
        try write(operation) { db in
            for asset in assets {
                if let existing = try Self.asset(db, tag: asset.tag) {
                    guard replace else {
                        throw StoreError.invalidArgument(
                            path: path, operation: operation,
                            reason: "asset tag \(asset.tag) is already in the register")
                    }
                    try Self.updateAsset(
                        db, from: existing, to: asset, actor: actor, action: action, note: nil, at: time)
                } else {
                    try Self.insertAsset(db, asset, actor: actor, action: action, at: time)
                }
            }
        }
    }

    /// Replaces the stored asset `asset.tag` with `asset`, recording every changed field.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when the tag is unknown or
    ///   a text holds a NUL.
    public func updateAsset(
        _ asset: Asset, actor: String, action: String = "updated", note: String? = nil,
        at time: Date = Date()
    ) throws {
        let operation = "update asset \(asset.tag)"
        let path = self.path
        try refuseNUL(
            in: Self.texts(asset) + [("actor", actor), ("action", action), ("note", note)], operation: operation)
        try write(operation) { db in
            guard let existing = try Self.asset(db, tag: asset.tag) else {
                throw StoreError.invalidArgument(path: path, operation: operation, reason: "no asset has that tag")
            }
            try Self.updateAsset(db, from: existing, to: asset, actor: actor, action: action, note: note, at: time)
        }
    }

    /// The history of an asset, oldest first.
    public func assetChanges(tag: String) throws -> [AssetChange] {
        try read("read the history of asset \(tag)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM asset_changes WHERE asset = ? ORDER BY id", arguments: [tag]).map {
                let table = "asset_changes"
                return AssetChange(
                    id: try $0.decode(Int64.self, "id", in: table),
                    asset: try $0.decode(String.self, "asset", in: table),
                    time: try $0.decodeTime("time", in: table), actor: try $0.decode(String.self, "actor", in: table),
                    action: try $0.decode(String.self, "action", in: table),
                    field: try $0.decodeIfPresent(String.self, "field", in: table),
                    before: try $0.decodeIfPresent(String.self, "before", in: table),
                    after: try $0.decodeIfPresent(String.self, "after", in: table),
                    note: try $0.decodeIfPresent(String.self, "note", in: table))
            }
        }
    }

    /// The text fields of `a`, named as its columns, for ``refuseNUL(in:operation:)``.
    static func texts(_ a: Asset) -> [(field: String, value: String?)] {
        [
            ("tag", a.tag), ("name", a.name), ("unit", a.unit), ("location", a.location), ("rack", a.rack),
            ("responsible", a.responsible), ("vendor", a.vendor), ("model", a.model), ("serial", a.serial),
            ("os_version", a.osVersion), ("device", a.device), ("notes", a.notes),
        ]
    }

    static func asset(_ db: Database, tag: String) throws -> Asset? {
        try Row.fetchOne(db, sql: "SELECT * FROM assets WHERE tag = ?", arguments: [tag]).map { try asset($0) }
    }

    static func insertAsset(_ db: Database, _ asset: Asset, actor: String, action: String, at time: Date) throws {
        let values = fieldValues(asset)
        let columns = values.map(\.column).joined(separator: ", ")
        let marks = values.map { _ in "?" }.joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO assets (\(columns)) VALUES (\(marks))",
            arguments: StatementArguments(values.map { $0.value?.databaseValue ?? .null }))
        try db.execute(
            sql: "INSERT INTO asset_changes (asset, time, actor, action, after) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                asset.tag, time.storeMillis, actor, action,
                "\(asset.name) (\(asset.kind.rawValue), \(asset.state.rawValue))",
            ])
    }

    static func updateAsset(
        _ db: Database, from old: Asset, to new: Asset, actor: String, action: String, note: String?, at time: Date
    ) throws {
        let before = fieldValues(old)
        let after = fieldValues(new)
        var changed = false
        for (b, a) in zip(before, after) where b.text != a.text {
            changed = true
            try db.execute(
                sql: "UPDATE assets SET \(a.column) = ? WHERE tag = ?",
                arguments: [a.value?.databaseValue ?? .null, new.tag])
            try db.execute(
                sql: """
                    INSERT INTO asset_changes (asset, time, actor, action, field, before, after, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [new.tag, time.storeMillis, actor, action, a.column, b.text, a.text, note])
        }
        if !changed, let note {
            try db.execute(
                sql: "INSERT INTO asset_changes (asset, time, actor, action, note) VALUES (?, ?, ?, ?, ?)",
                arguments: [new.tag, time.storeMillis, actor, action, note])
        }
    }

    struct FieldValue {
        var column: String
        var value: (any DatabaseValueConvertible)?
        var text: String? {
            guard let value else { return nil }
            let stored = value.databaseValue
            if let double = Double.fromDatabaseValue(stored), case .double = stored.storage {
                return String(double)
            }
            return String.fromDatabaseValue(stored) ?? Int64.fromDatabaseValue(stored).map(String.init)
        }
    }

    /// Every column of an asset except its tag's identity, in table order.
    static func fieldValues(_ a: Asset) -> [FieldValue] {
        [
            .init(column: "tag", value: a.tag), .init(column: "name", value: a.name),
            .init(column: "kind", value: a.kind.rawValue), .init(column: "state", value: a.state.rawValue),
            .init(column: "unit", value: a.unit), .init(column: "location", value: a.location),
            .init(column: "rack", value: a.rack), .init(column: "responsible", value: a.responsible),
            .init(column: "vendor", value: a.vendor), .init(column: "model", value: a.model),
            .init(column: "serial", value: a.serial), .init(column: "os_version", value: a.osVersion),
            .init(column: "interface_count", value: a.interfaceCount),
            .init(column: "purchase_date", value: a.purchaseDate?.description),
            .init(column: "warranty_end", value: a.warrantyEnd?.description), .init(column: "price", value: a.price),
            .init(column: "device", value: a.device), .init(column: "notes", value: a.notes),
            .init(column: "state_since", value: a.stateSince?.description),
            .init(column: "last_power_on", value: a.lastPowerOn?.description),
        ]
    }

    /// An `assets` row as a record; a kind or state no version wrote, or a day that is not a day,
    /// fails the read naming the column instead of reading as `other`, `in use` or no day (an idle
    /// asset would then miss its power-on check).
    static func asset(_ row: Row) throws -> Asset {
        let table = "assets"
        func text(_ column: String) throws -> String? { try row.decodeIfPresent(String.self, column, in: table) }
        func day(_ column: String) throws -> CalendarDay? {
            try row.decodeIfPresent(CalendarDay.self, column, in: table)
        }
        return Asset(
            tag: try row.decode(String.self, "tag", in: table), name: try row.decode(String.self, "name", in: table),
            kind: try row.decode(AssetKind.self, "kind", in: table),
            state: try row.decode(AssetState.self, "state", in: table), unit: try text("unit"),
            location: try text("location"), rack: try text("rack"), responsible: try text("responsible"),
            vendor: try text("vendor"), model: try text("model"), serial: try text("serial"),
            osVersion: try text("os_version"),
            interfaceCount: try row.decodeIfPresent(Int.self, "interface_count", in: table),
            purchaseDate: try day("purchase_date"), warrantyEnd: try day("warranty_end"),
            price: try row.decodeIfPresent(Double.self, "price", in: table), device: try text("device"),
            notes: try text("notes"), stateSince: try day("state_since"), lastPowerOn: try day("last_power_on"))
    }
}
