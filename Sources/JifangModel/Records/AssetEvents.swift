/// A repair ticket (Art. 138): the fault, who caused the damage if a person did, and the cost.
public struct RepairTicket: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var asset: String
    public var openedOn: CalendarDay
    public var fault: String
    /// The person who caused the damage, if any; the cost is charged to them (Art. 138).
    public var causedBy: String?
    public var reportedBy: String
    public var closedOn: CalendarDay?
    /// Repair cost in yuan, known when the ticket closes.
    public var cost: Double?
    public var result: String?
    /// The state the asset returned to when the ticket closed.
    public var returnedTo: AssetState?

    public init(
        id: Int64, asset: String, openedOn: CalendarDay, fault: String, causedBy: String?, reportedBy: String,
        closedOn: CalendarDay? = nil, cost: Double? = nil, result: String? = nil, returnedTo: AssetState? = nil
    ) {
        self.id = id
        self.asset = asset
        self.openedOn = openedOn
        self.fault = fault
        self.causedBy = causedBy
        self.reportedBy = reportedBy
        self.closedOn = closedOn
        self.cost = cost
        self.result = result
        self.returnedTo = returnedTo
    }
}

/// A scrapping record (Art. 139): why, when, and to whom the item was handed over.
public struct ScrapRecord: Sendable, Hashable, Codable {
    public var asset: String
    public var day: CalendarDay
    public var reason: String
    public var handedTo: String
    public var recordedBy: String

    public init(asset: String, day: CalendarDay, reason: String, handedTo: String, recordedBy: String) {
        self.asset = asset
        self.day = day
        self.reason = reason
        self.handedTo = handedTo
        self.recordedBy = recordedBy
    }
}

/// The monthly power-on run of idle equipment (Art. 137).
public struct PowerOnRun: Sendable, Hashable, Codable {
    public var asset: String
    public var day: CalendarDay
    public var recordedBy: String
    public var note: String?

    public init(asset: String, day: CalendarDay, recordedBy: String, note: String? = nil) {
        self.asset = asset
        self.day = day
        self.recordedBy = recordedBy
        self.note = note
    }
}
