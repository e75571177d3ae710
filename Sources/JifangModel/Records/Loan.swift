/// What a returned item looked like on inspection (Art. 146).
public enum ReturnCondition: String, Sendable, Codable, CaseIterable {
    case fine
    case damaged
    case lost
}

/// One renewal (续借) of a loan.
public struct LoanRenewal: Sendable, Hashable, Codable {
    public var day: CalendarDay
    public var newDue: CalendarDay
    public var recordedBy: String

    public init(day: CalendarDay, newDue: CalendarDay, recordedBy: String) {
        self.day = day
        self.newDue = newDue
        self.recordedBy = recordedBy
    }
}

/// A loan (借阅) of a technical document to a member of staff: date, borrower, title (Art. 146).
public struct Loan: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var document: String
    /// The title at the time of lending, as the regulation asks the loan to record it.
    public var title: String
    /// The borrower's staff id.
    public var borrower: String
    public var lentOn: CalendarDay
    /// The current due day, after any renewals.
    public var due: CalendarDay
    public var lentBy: String
    public var renewals: [LoanRenewal]
    public var returnedOn: CalendarDay?
    public var condition: ReturnCondition?
    /// What the borrower pays for a damaged or lost item, in yuan.
    public var compensation: Double?
    public var receivedBy: String?

    public init(
        id: Int64, document: String, title: String, borrower: String, lentOn: CalendarDay, due: CalendarDay,
        lentBy: String, renewals: [LoanRenewal] = [], returnedOn: CalendarDay? = nil,
        condition: ReturnCondition? = nil, compensation: Double? = nil, receivedBy: String? = nil
    ) {
        self.id = id
        self.document = document
        self.title = title
        self.borrower = borrower
        self.lentOn = lentOn
        self.due = due
        self.lentBy = lentBy
        self.renewals = renewals
        self.returnedOn = returnedOn
        self.condition = condition
        self.compensation = compensation
        self.receivedBy = receivedBy
    }

    public var isOpen: Bool { returnedOn == nil }

    /// Whether the loan is still out after its due day.
    public func isOverdue(on day: CalendarDay) -> Bool { isOpen && day > due }
}
