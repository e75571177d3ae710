import Foundation
import GRDB
import JifangModel

extension Store {
    /// Adds an item to the technical-document catalogue.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when the catalogue number is
    ///   taken, `asset` is not in the register or a text holds a NUL.
    public func addDocument(_ document: TechnicalDocument) throws {
        let operation = "catalogue document \(document.id)"
        let path = self.path
        try refuseNUL(
            in: [
                ("id", document.id), ("title", document.title), ("keeper", document.keeper),
                ("asset", document.asset), ("notes", document.notes),
            ], operation: operation)
        try write(operation) { db in
            if try Self.document(db, id: document.id) != nil {
                throw StoreError.invalidArgument(
                    path: path, operation: operation, reason: "catalogue number \(document.id) is already used")
            }
            if let asset = document.asset, try Self.asset(db, tag: asset) == nil {
                throw StoreError.invalidArgument(
                    path: path, operation: operation, reason: "asset \(asset) is not in the asset register")
            }
            try db.execute(
                sql: """
                    INSERT INTO documents (id, title, category, keeper, asset, price, state, notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    document.id, document.title, document.category.rawValue, document.keeper, document.asset,
                    document.price, document.state.rawValue, document.notes,
                ])
        }
    }

    /// The catalogue by number.
    public func documents() throws -> [TechnicalDocument] {
        try read("read the document catalogue") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM documents ORDER BY id").map { try Self.document($0) }
        }
    }

    /// One catalogued item, or `nil` (always for an id with a NUL, which no stored id holds).
    public func document(id: String) throws -> TechnicalDocument? {
        guard !id.containsNUL else { return nil }
        return try read("read document \(id)") { db in try Self.document(db, id: id) }
    }

    /// Records a loan and marks the item on loan, in one transaction.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when the item is already out
    ///   or a text holds a NUL.
    @discardableResult
    public func lend(_ loan: Loan) throws -> Loan {
        let operation = "lend document \(loan.document)"
        let path = self.path
        try refuseNUL(
            in: [
                ("document", loan.document), ("title", loan.title), ("borrower", loan.borrower),
                ("lent_by", loan.lentBy),
            ], operation: operation)
        return try write(operation) { db in
            if try Int64.fetchOne(
                db, sql: "SELECT id FROM loans WHERE document = ? AND returned_on IS NULL", arguments: [loan.document])
                != nil
            {
                throw StoreError.invalidArgument(path: path, operation: operation, reason: "it is already on loan")
            }
            try db.execute(
                sql: """
                    INSERT INTO loans (document, title, borrower, lent_on, due, lent_by) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    loan.document, loan.title, loan.borrower, loan.lentOn.description, loan.due.description,
                    loan.lentBy,
                ])
            var stored = loan
            stored.id = db.lastInsertedRowID
            try db.execute(
                sql: "UPDATE documents SET state = ? WHERE id = ?",
                arguments: [DocumentState.onLoan.rawValue, loan.document])
            return stored
        }
    }

    /// Records a renewal and moves the loan's due day.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when `recordedBy` holds a NUL.
    public func renew(loan id: Int64, _ renewal: LoanRenewal) throws {
        let operation = "renew loan \(id)"
        try refuseNUL(in: [("recorded_by", renewal.recordedBy)], operation: operation)
        try write(operation) { db in
            try db.execute(
                sql: "INSERT INTO loan_renewals (loan, day, new_due, recorded_by) VALUES (?, ?, ?, ?)",
                arguments: [id, renewal.day.description, renewal.newDue.description, renewal.recordedBy])
            try db.execute(sql: "UPDATE loans SET due = ? WHERE id = ?", arguments: [renewal.newDue.description, id])
        }
    }

    /// Records a return with its inspection and sets the item's state from the condition.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when `receivedBy` holds a NUL.
    public func recordReturn(
        loan id: Int64, on day: CalendarDay, condition: ReturnCondition, compensation: Double?, receivedBy: String
    ) throws {
        let operation = "record the return of loan \(id)"
        try refuseNUL(in: [("received_by", receivedBy)], operation: operation)
        try write(operation) { db in
            try db.execute(
                sql: "UPDATE loans SET returned_on = ?, condition = ?, compensation = ?, received_by = ? WHERE id = ?",
                arguments: [day.description, condition.rawValue, compensation, receivedBy, id])
            let state: DocumentState =
                switch condition {
                case .fine: .available
                case .damaged: .damaged
                case .lost: .lost
                }
            try db.execute(
                sql: "UPDATE documents SET state = ? WHERE id = (SELECT document FROM loans WHERE id = ?)",
                arguments: [state.rawValue, id])
        }
    }

    /// Loans, oldest first; only open ones with `openOnly`; only `document`'s when given.
    public func loans(openOnly: Bool = false, document: String? = nil) throws -> [Loan] {
        if let document, document.containsNUL { return [] }  // no stored id holds one
        return try read("read the loans") { db in
            var sql = "SELECT * FROM loans WHERE 1"
            var arguments: StatementArguments = []
            if openOnly { sql += " AND returned_on IS NULL" }
            if let document {
                sql += " AND document = ?"
                arguments += [document]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
                let table = "loans"
                let id = try row.decode(Int64.self, "id", in: table)
                let renewals = try Row.fetchAll(
                    db, sql: "SELECT * FROM loan_renewals WHERE loan = ? ORDER BY id", arguments: [id]
                ).map {
                    LoanRenewal(
                        day: try $0.decode(CalendarDay.self, "day", in: "loan_renewals"),
                        newDue: try $0.decode(CalendarDay.self, "new_due", in: "loan_renewals"),
                        recordedBy: try $0.decode(String.self, "recorded_by", in: "loan_renewals"))
                }
                return Loan(
                    id: id, document: try row.decode(String.self, "document", in: table),
                    title: try row.decode(String.self, "title", in: table),
                    borrower: try row.decode(String.self, "borrower", in: table),
                    lentOn: try row.decode(CalendarDay.self, "lent_on", in: table),
                    due: try row.decode(CalendarDay.self, "due", in: table),
                    lentBy: try row.decode(String.self, "lent_by", in: table), renewals: renewals,
                    returnedOn: try row.decodeIfPresent(CalendarDay.self, "returned_on", in: table),
                    condition: try row.decodeIfPresent(ReturnCondition.self, "condition", in: table),
                    compensation: try row.decodeIfPresent(Double.self, "compensation", in: table),
                    receivedBy: try row.decodeIfPresent(String.self, "received_by", in: table))
            }
        }
    }

    static func document(_ db: Database, id: String) throws -> TechnicalDocument? {
        try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = ?", arguments: [id]).map { try document($0) }
    }

    /// A `documents` row as a record; a category or state no version wrote fails the read naming
    /// the column instead of reading as `other` or `available` (a lent document would read as free).
    static func document(_ row: Row) throws -> TechnicalDocument {
        let table = "documents"
        return TechnicalDocument(
            id: try row.decode(String.self, "id", in: table), title: try row.decode(String.self, "title", in: table),
            category: try row.decode(DocumentCategory.self, "category", in: table),
            keeper: try row.decode(String.self, "keeper", in: table),
            asset: try row.decodeIfPresent(String.self, "asset", in: table),
            price: try row.decodeIfPresent(Double.self, "price", in: table),
            state: try row.decode(DocumentState.self, "state", in: table),
            notes: try row.decodeIfPresent(String.self, "notes", in: table))
    }
}
