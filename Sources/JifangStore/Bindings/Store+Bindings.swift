import Foundation
import GRDB
import JifangModel

/// Duty-log event types the binding register writes.
extension EventType {
    public static let bindingsImported: EventType = "bindings-imported"
    public static let bindingApproved: EventType = "binding-approved"
    public static let bindingRemoved: EventType = "binding-removed"
}

extension Store {
    /// The binding register, in IP order.
    public func bindings() throws -> [BindingEntry] {
        try read("read the bindings") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.bindingColumns) FROM bindings ORDER BY ip").map(Self.entry)
        }
    }

    /// The entry for `ip`, if the register binds it.
    public func binding(for ip: IPv4Address) throws -> BindingEntry? {
        try read("read a binding") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.bindingColumns) FROM bindings WHERE ip = ?", arguments: [ip.rawValue]
            ).map(Self.entry)
        }
    }

    /// Adds or updates `entries` in one transaction, recording each change in the history and
    /// one `bindings-imported` duty-log event.
    ///
    /// - Parameters:
    ///   - source: where the entries come from, e.g. `import:Inventory/bindings.csv`.
    ///   - replace: also remove every binding `entries` does not list.
    ///   - actor: who imports, for the history.
    @discardableResult
    public func importBindings(
        _ entries: [BindingEntry], source: String, replace: Bool = false, actor: String? = nil, at time: Date = Date()
    ) throws -> BindingImportResult {
        try write("import bindings") { db in
            var result = BindingImportResult()
            for entry in entries {
                switch try put(db, entry, source: source, actor: actor, at: time) {
                case .added?: result.added += 1
                case .changed?: result.changed += 1
                default: result.unchanged += 1
                }
            }
            if replace {
                let listed = Set(entries.map(\.ip.rawValue))
                let all = try Row.fetchAll(db, sql: "SELECT \(Self.bindingColumns) FROM bindings").map(Self.entry)
                for old in all where !listed.contains(old.ip.rawValue) {
                    try delete(db, old, source: source, actor: actor, at: time)
                    result.removed += 1
                }
            }
            let message =
                "Binding register imported from \(source): \(result.added) added, \(result.changed) changed, "
                + "\(result.unchanged) unchanged, \(result.removed) removed"
            _ = try appendEvent(db, type: .bindingsImported, device: nil, message: message, at: time)
            return result
        }
    }

    /// Removes the binding of `ip`; returns false when there was none.
    @discardableResult
    public func removeBinding(ip: IPv4Address, source: String = "manual", actor: String? = nil, at time: Date = Date())
        throws -> Bool
    {
        try write("remove a binding") { db in
            guard
                let old = try Row.fetchOne(
                    db, sql: "SELECT \(Self.bindingColumns) FROM bindings WHERE ip = ?", arguments: [ip.rawValue]
                ).map(Self.entry)
            else { return false }
            try delete(db, old, source: source, actor: actor, at: time)
            _ = try appendEvent(
                db, type: .bindingRemoved, device: nil, message: "Binding \(ip) → \(old.mac) removed (\(source))",
                at: time)
            return true
        }
    }

    /// Every change of the register, oldest first; only `ip`'s when given.
    public func bindingHistory(ip: IPv4Address? = nil) throws -> [BindingChange] {
        try read("read the binding history") { db in
            var sql = "SELECT id, time, ip, change, old_entry, new_entry, source, actor FROM binding_history"
            var arguments: StatementArguments = []
            if let ip {
                sql += " WHERE ip = ?"
                arguments += [ip.rawValue]
            }
            sql += " ORDER BY time, id"
            let decoder = JSONDecoder()
            let table = "binding_history"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let old = try row.decodeIfPresent(String.self, "old_entry", in: table)
                let new = try row.decodeIfPresent(String.self, "new_entry", in: table)
                return BindingChange(
                    id: try row.decode(Int64.self, "id", in: table),
                    time: Date(storeMillis: try row.decode(Int64.self, "time", in: table)),
                    ip: try row.decode(IPv4Address.self, "ip", in: table),
                    kind: BindingChange.Kind(rawValue: try row.decode(String.self, "change", in: table)) ?? .changed,
                    old: try old.map { try decoder.decode(BindingEntry.self, from: Data($0.utf8)) },
                    new: try new.map { try decoder.decode(BindingEntry.self, from: Data($0.utf8)) },
                    source: try row.decode(String.self, "source", in: table),
                    actor: try row.decodeIfPresent(String.self, "actor", in: table))
            }
        }
    }

    /// Inserts or updates one entry with its history row; `nil` when nothing changed.
    func put(_ db: Database, _ entry: BindingEntry, source: String, actor: String?, at time: Date) throws
        -> BindingChange.Kind?
    {
        let old = try Row.fetchOne(
            db, sql: "SELECT \(Self.bindingColumns) FROM bindings WHERE ip = ?", arguments: [entry.ip.rawValue]
        ).map(Self.entry)
        if old == entry { return nil }
        try db.execute(
            sql: """
                INSERT INTO bindings (ip, mac, owner, unit, vlan, switch, port, action, source, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(ip) DO UPDATE SET mac = excluded.mac, owner = excluded.owner, unit = excluded.unit,
                    vlan = excluded.vlan, switch = excluded.switch, port = excluded.port, action = excluded.action,
                    source = excluded.source, updated_at = excluded.updated_at
                """,
            arguments: [
                entry.ip.rawValue, entry.mac.description, entry.owner, entry.unit, entry.vlan.map { Int($0) },
                entry.switchName, entry.port, entry.action?.rawValue, source, time.storeMillis,
            ])
        let kind: BindingChange.Kind = old == nil ? .added : .changed
        try history(db, ip: entry.ip, kind: kind, old: old, new: entry, source: source, actor: actor, at: time)
        return kind
    }

    private func delete(_ db: Database, _ old: BindingEntry, source: String, actor: String?, at time: Date) throws {
        try db.execute(sql: "DELETE FROM bindings WHERE ip = ?", arguments: [old.ip.rawValue])
        try history(db, ip: old.ip, kind: .removed, old: old, new: nil, source: source, actor: actor, at: time)
    }

    private func history(
        _ db: Database, ip: IPv4Address, kind: BindingChange.Kind, old: BindingEntry?, new: BindingEntry?,
        source: String, actor: String?, at time: Date
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ entry: BindingEntry?) throws -> String? {
            try entry.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
        try db.execute(
            sql: """
                INSERT INTO binding_history (time, ip, change, old_entry, new_entry, source, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [time.storeMillis, ip.rawValue, kind.rawValue, try json(old), try json(new), source, actor])
    }

    static let bindingColumns = "ip, mac, owner, unit, vlan, switch, port, action"

    /// A row of ``bindingColumns``; a stored value the entry cannot hold fails the read naming it.
    static func entry(_ row: Row) throws -> BindingEntry {
        let table = "bindings"
        let action = try row.decodeIfPresent(String.self, "action", in: table)
        return BindingEntry(
            ip: try row.decode(IPv4Address.self, "ip", in: table),
            mac: try row.decode(MACAddress.self, "mac", in: table),
            owner: try row.decodeIfPresent(String.self, "owner", in: table),
            unit: try row.decodeIfPresent(String.self, "unit", in: table),
            vlan: try row.decodeIfPresent(UInt16.self, "vlan", in: table),
            switchName: try row.decodeIfPresent(String.self, "switch", in: table),
            port: try row.decodeIfPresent(String.self, "port", in: table),
            action: action.flatMap(BindingAction.init(rawValue:)))
    }

    /// `name` when the store's inventory has that device, so duty-log rows never point nowhere.
    static func knownDevice(_ db: Database, _ name: String?) throws -> String? {
        guard let name else { return nil }
        return try String.fetchOne(db, sql: "SELECT name FROM devices WHERE name = ?", arguments: [name])
    }
}
