import Foundation
import GRDB
import JifangModel

extension Store {
    /// Records a waiver and returns it with its id.
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when it expires before it starts.
    @discardableResult
    public func addWaiver(_ waiver: Waiver) throws -> Waiver {
        let operation = "record a waiver of \(waiver.rule)"
        guard waiver.startsOn <= waiver.expiresOn else {
            throw StoreError.invalidArgument(
                path: path, operation: operation,
                reason: "it expires on \(waiver.expiresOn), before it starts on \(waiver.startsOn)")
        }
        return try write(operation) { db in
            try db.execute(
                sql: """
                    INSERT INTO waivers (rule, unit, justification, approver, starts_on, expires_on, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    waiver.rule, waiver.unit, waiver.justification, waiver.approver, waiver.startsOn.description,
                    waiver.expiresOn.description, waiver.createdAt.storeMillis,
                ])
            var stored = waiver
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// Every waiver, oldest first (expired ones too: they are the record of past exceptions).
    ///
    /// - Throws: ``StoreError/operationFailed(path:operation:reason:)`` naming the column when a
    ///   stored value is NULL or not its type (a row written by hand or by another program).
    public func waivers() throws -> [Waiver] {
        try read("read the waivers") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM waivers ORDER BY id").map { row in
                let table = "waivers"
                return Waiver(
                    id: try row.decode(Int64.self, "id", in: table),
                    rule: try row.decode(String.self, "rule", in: table),
                    unit: try row.decodeIfPresent(String.self, "unit", in: table),
                    justification: try row.decode(String.self, "justification", in: table),
                    approver: try row.decode(String.self, "approver", in: table),
                    startsOn: try row.decode(CalendarDay.self, "starts_on", in: table),
                    expiresOn: try row.decode(CalendarDay.self, "expires_on", in: table),
                    createdAt: try row.decodeTime("created_at", in: table))
            }
        }
    }
}
