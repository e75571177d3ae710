import JifangModel
import JifangStore

/// The technical-document lending desk (Art. 144–146): catalogue, loans to staff only, renewals,
/// overdue loans, and returns with inspection and compensation at the item's price.
public struct DocumentDesk: Sendable, StaffCheckedDesk {
    public let store: Store
    public let policy: RecordsPolicy

    public init(store: Store, policy: RecordsPolicy = RecordsPolicy()) {
        self.store = store
        self.policy = policy
    }

    /// Catalogues an item; the keeper must be registered staff and the asset, if given, in the register.
    ///
    /// - Throws: ``RecordsError`` naming the field when a text breaks ``RecordText``'s rule, the id
    ///   or title is empty, or the price is negative or not finite; nothing is stored then.
    public func add(_ document: TechnicalDocument) throws {
        var document = document
        document.id = try document.id.recordText(field: "id")
        document.title = try document.title.recordText(field: "title")
        document.keeper = try document.keeper.recordText(field: "keeper")
        document.asset = try document.asset?.recordText(field: "asset")
        document.notes = try document.notes?.recordText(field: "notes")
        guard document.id.nonBlank != nil else { throw RecordsError.missingField(field: "id", context: "a document") }
        guard document.title.nonBlank != nil else {
            throw RecordsError.missingField(field: "title", context: "document \(document.id)")
        }
        if let price = document.price { try AssetRegister.checkAmount(price, field: "price") }
        document.keeper = try staff.person(document.keeper).id
        try storing { try store.addDocument(document) }
    }

    /// Lends `document` to `borrower` on `day`, due `policy.loanDays` later.
    ///
    /// - Throws: ``RecordsError/notAllowed(reason:)`` when the borrower is not active staff of
    ///   the system (nothing is lent outside), or the item is out, lost or damaged.
    @discardableResult
    public func lend(_ documentID: String, to borrower: String, on day: CalendarDay, by keeper: String) throws -> Loan {
        let document = try self.document(try documentID.recordText(field: "document"))
        let person = try staff.activePerson(
            try borrower.recordText(field: "borrower"), on: day, for: "borrow technical documents")
        let lender = try staff.person(try keeper.recordText(field: "keeper"))
        guard document.state == .available else {
            throw RecordsError.notAllowed(
                reason: "\(document.id) \"\(document.title)\" is \(document.state.rawValue), not on the shelf")
        }
        let loan = Loan(
            id: 0, document: document.id, title: document.title, borrower: person.id, lentOn: day,
            due: day.adding(days: policy.loanDays), lentBy: lender.id)
        return try storing { try store.lend(loan) }
    }

    /// Renews the open loan of `documentID` on `day`: due `policy.loanDays` after `day`.
    ///
    /// - Throws: ``RecordsError/notAllowed(reason:)`` when the item is not on loan, the loan is
    ///   already overdue (it must be returned), or it was renewed `policy.maxRenewals` times.
    @discardableResult
    public func renew(_ documentID: String, on day: CalendarDay, by keeper: String) throws -> Loan {
        var loan = try openLoan(try documentID.recordText(field: "document"))
        let lender = try staff.person(try keeper.recordText(field: "keeper"))
        if loan.isOverdue(on: day) {
            throw RecordsError.notAllowed(
                reason: "the loan of \(documentID) was due on \(loan.due); an overdue loan is returned, not renewed")
        }
        if loan.renewals.count >= policy.maxRenewals {
            throw RecordsError.notAllowed(
                reason:
                    "the loan of \(documentID) was already renewed \(loan.renewals.count) times (the policy allows \(policy.maxRenewals))"
            )
        }
        let renewal = LoanRenewal(day: day, newDue: day.adding(days: policy.loanDays), recordedBy: lender.id)
        try storing { try store.renew(loan: loan.id, renewal) }
        loan.renewals.append(renewal)
        loan.due = renewal.newDue
        return loan
    }

    /// Takes back `documentID` on `day` after inspection. A damaged or lost item is paid for at its
    /// price (Art. 146), unless `compensation` says otherwise.
    ///
    /// - Throws: ``RecordsError/missingField(field:context:)`` naming `price` when the item is
    ///   damaged or lost, has no price and no compensation was given;
    ///   ``RecordsError/invalidField(field:value:reason:)`` naming `compensation` when it is
    ///   negative or not finite.
    @discardableResult
    public func takeBack(
        _ documentID: String, on day: CalendarDay, condition: ReturnCondition, by keeper: String,
        compensation: Double? = nil
    ) throws -> Loan {
        var loan = try openLoan(try documentID.recordText(field: "document"))
        let document = try self.document(documentID)
        let receiver = try staff.person(try keeper.recordText(field: "keeper"))
        if let compensation { try AssetRegister.checkAmount(compensation, field: "compensation") }
        if day < loan.lentOn {
            throw RecordsError.invalidField(
                field: "day", value: day.description, reason: "is before the loan began (\(loan.lentOn))")
        }
        var owed: Double?
        if condition != .fine {
            guard let amount = compensation ?? document.price else {
                throw RecordsError.missingField(
                    field: "price",
                    context:
                        "compensating a \(condition.rawValue) item (\(documentID) has no price; give --compensation)")
            }
            owed = amount
        }
        try storing {
            try store.recordReturn(
                loan: loan.id, on: day, condition: condition, compensation: owed, receivedBy: receiver.id)
        }
        loan.returnedOn = day
        loan.condition = condition
        loan.compensation = owed
        loan.receivedBy = receiver.id
        return loan
    }

    /// Open loans past their due day on `day`.
    public func overdue(on day: CalendarDay) throws -> [Loan] {
        try storing { try store.loans(openOnly: true) }.filter { $0.isOverdue(on: day) }
    }

    public func catalogue() throws -> [TechnicalDocument] { try storing { try store.documents() } }

    public func loans(openOnly: Bool = false) throws -> [Loan] { try storing { try store.loans(openOnly: openOnly) } }

    func document(_ id: String) throws -> TechnicalDocument {
        guard let document = try storing({ try store.document(id: id) }) else {
            throw RecordsError.notFound(kind: "document", key: id)
        }
        return document
    }

    func openLoan(_ documentID: String) throws -> Loan {
        _ = try document(documentID)
        guard let loan = try storing({ try store.loans(openOnly: true, document: documentID) }).first else {
            throw RecordsError.notAllowed(reason: "\(documentID) is not on loan")
        }
        return loan
    }
}
