import Foundation
import GRDB
import JifangModel

/// Asset state changes that come with a record: a repair ticket, a scrapping, a power-on run.
/// Each writes the record and the asset's new state in one transaction; the rules deciding whether
/// a change is allowed live with the caller.
extension Store {
    /// Opens a repair ticket and puts the asset under repair.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when a text holds a NUL.
    @discardableResult
    public func openRepair(_ ticket: RepairTicket, at time: Date = Date()) throws -> RepairTicket {
        let operation = "open a repair ticket for \(ticket.asset)"
        try refuseNUL(
            in: [
                ("asset", ticket.asset), ("fault", ticket.fault), ("caused_by", ticket.causedBy),
                ("reported_by", ticket.reportedBy),
            ], operation: operation)
        return try write(operation) { db in
            try db.execute(
                sql: """
                    INSERT INTO repair_tickets (asset, opened_on, fault, caused_by, reported_by) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ticket.asset, ticket.openedOn.description, ticket.fault, ticket.causedBy, ticket.reportedBy,
                ])
            var stored = ticket
            stored.id = db.lastInsertedRowID
            try setState(
                db, tag: ticket.asset, to: .underRepair, on: ticket.openedOn, actor: ticket.reportedBy,
                action: "repair-opened", note: "ticket \(stored.id): \(ticket.fault)", at: time)
            return stored
        }
    }

    /// Closes the asset's open repair ticket with its cost and result, returning the asset to `ticket.returnedTo`.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when a text holds a NUL.
    public func closeRepair(_ ticket: RepairTicket, actor: String, at time: Date = Date()) throws {
        let operation = "close repair ticket \(ticket.id)"
        try refuseNUL(
            in: [("asset", ticket.asset), ("result", ticket.result), ("caused_by", ticket.causedBy), ("actor", actor)],
            operation: operation)
        try write(operation) { db in
            try db.execute(
                sql: "UPDATE repair_tickets SET closed_on = ?, cost = ?, result = ?, returned_to = ? WHERE id = ?",
                arguments: [
                    ticket.closedOn?.description, ticket.cost, ticket.result, ticket.returnedTo?.rawValue, ticket.id,
                ])
            let cost = ticket.cost.map { String(format: "%.2f", $0) } ?? "no cost"
            let charged = ticket.causedBy.map { ", charged to \($0)" } ?? ""
            try setState(
                db, tag: ticket.asset, to: ticket.returnedTo ?? .inUse, on: ticket.closedOn ?? ticket.openedOn,
                actor: actor, action: "repair-closed",
                note: "ticket \(ticket.id): \(ticket.result ?? "closed"), \(cost)\(charged)", at: time)
        }
    }

    /// Repair tickets, newest first; only `asset`'s when given, only open ones with `openOnly`.
    public func repairTickets(asset: String? = nil, openOnly: Bool = false) throws -> [RepairTicket] {
        if let asset, asset.containsNUL { return [] }  // no stored tag holds one
        return try read("read the repair tickets") { db in
            var sql = "SELECT * FROM repair_tickets WHERE 1"
            var arguments: StatementArguments = []
            if let asset {
                sql += " AND asset = ?"
                arguments += [asset]
            }
            if openOnly { sql += " AND closed_on IS NULL" }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id DESC", arguments: arguments).map { row in
                let table = "repair_tickets"
                return RepairTicket(
                    id: try row.decode(Int64.self, "id", in: table),
                    asset: try row.decode(String.self, "asset", in: table),
                    openedOn: try row.decode(CalendarDay.self, "opened_on", in: table),
                    fault: try row.decode(String.self, "fault", in: table),
                    causedBy: try row.decodeIfPresent(String.self, "caused_by", in: table),
                    reportedBy: try row.decode(String.self, "reported_by", in: table),
                    closedOn: try row.decodeIfPresent(CalendarDay.self, "closed_on", in: table),
                    cost: try row.decodeIfPresent(Double.self, "cost", in: table),
                    result: try row.decodeIfPresent(String.self, "result", in: table),
                    returnedTo: try row.decodeIfPresent(AssetState.self, "returned_to", in: table))
            }
        }
    }

    /// Records the scrapping and hand-over of an asset and marks it scrapped.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when a text holds a NUL.
    public func recordScrap(_ record: ScrapRecord, at time: Date = Date()) throws {
        let operation = "scrap asset \(record.asset)"
        try refuseNUL(
            in: [
                ("asset", record.asset), ("reason", record.reason), ("handed_to", record.handedTo),
                ("recorded_by", record.recordedBy),
            ], operation: operation)
        try write(operation) { db in
            try db.execute(
                sql: "INSERT INTO scrap_records (asset, day, reason, handed_to, recorded_by) VALUES (?, ?, ?, ?, ?)",
                arguments: [record.asset, record.day.description, record.reason, record.handedTo, record.recordedBy])
            try db.execute(
                sql:
                    "UPDATE repair_tickets SET closed_on = ?, result = 'scrapped' WHERE asset = ? AND closed_on IS NULL",
                arguments: [record.day.description, record.asset])
            try setState(
                db, tag: record.asset, to: .scrapped, on: record.day, actor: record.recordedBy, action: "scrapped",
                note: "\(record.reason); handed to \(record.handedTo)", at: time)
        }
    }

    /// The scrapping record of an asset, if it was scrapped.
    public func scrapRecord(asset: String) throws -> ScrapRecord? {
        try read("read the scrapping of \(asset)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM scrap_records WHERE asset = ?", arguments: [asset]).map { row in
                let table = "scrap_records"
                return ScrapRecord(
                    asset: try row.decode(String.self, "asset", in: table),
                    day: try row.decode(CalendarDay.self, "day", in: table),
                    reason: try row.decode(String.self, "reason", in: table),
                    handedTo: try row.decode(String.self, "handed_to", in: table),
                    recordedBy: try row.decode(String.self, "recorded_by", in: table))
            }
        }
    }

    /// Records a power-on run of an idle asset and makes it the asset's last one if it is newer.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when a text holds a NUL.
    public func recordPowerOn(_ run: PowerOnRun, at time: Date = Date()) throws {
        let operation = "record a power-on run of \(run.asset)"
        try refuseNUL(
            in: [("asset", run.asset), ("recorded_by", run.recordedBy), ("note", run.note)], operation: operation)
        try write(operation) { db in
            try db.execute(
                sql: "INSERT INTO asset_power_on_runs (asset, day, recorded_by, note) VALUES (?, ?, ?, ?)",
                arguments: [run.asset, run.day.description, run.recordedBy, run.note])
            guard let old = try Self.asset(db, tag: run.asset) else { return }
            var new = old
            new.lastPowerOn = max(old.lastPowerOn ?? run.day, run.day)
            try Self.updateAsset(
                db, from: old, to: new, actor: run.recordedBy, action: "power-on", note: run.note, at: time)
        }
    }

    /// Power-on runs of an asset, oldest first.
    public func powerOnRuns(asset: String) throws -> [PowerOnRun] {
        try read("read the power-on runs of \(asset)") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM asset_power_on_runs WHERE asset = ? ORDER BY day, id", arguments: [asset]
            ).map { row in
                let table = "asset_power_on_runs"
                return PowerOnRun(
                    asset: try row.decode(String.self, "asset", in: table),
                    day: try row.decode(CalendarDay.self, "day", in: table),
                    recordedBy: try row.decode(String.self, "recorded_by", in: table),
                    note: try row.decodeIfPresent(String.self, "note", in: table))
            }
        }
    }

    private func setState(
        _ db: Database, tag: String, to state: AssetState, on day: CalendarDay, actor: String, action: String,
        note: String, at time: Date
    ) throws {
        guard let old = try Self.asset(db, tag: tag) else {
            throw StoreError.invalidArgument(path: path, operation: action, reason: "no asset has tag \(tag)")
        }
        var new = old
        new.state = state
        new.stateSince = day
        try Self.updateAsset(db, from: old, to: new, actor: actor, action: action, note: note, at: time)
    }
}
