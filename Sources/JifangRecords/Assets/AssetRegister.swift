import Foundation
import JifangModel
import JifangStore

/// The asset register's rules: entering assets, state changes through their records (repairs,
/// scrapping), monthly power-on runs of idle equipment, and who changed what.
///
/// Network devices enter by themselves from the devices register that polls keep; everything else
/// is entered here or imported from CSV (see ``AssetCSV``).
public struct AssetRegister: Sendable {
    public let store: Store
    public let policy: RecordsPolicy

    public init(store: Store, policy: RecordsPolicy = RecordsPolicy()) {
        self.store = store
        self.policy = policy
    }

    public func assets(state: AssetState? = nil) throws -> [Asset] { try storing { try store.assets(state: state) } }

    public func asset(_ tag: String) throws -> Asset {
        guard let asset = try storing({ try store.asset(tag: tag) }) else {
            throw RecordsError.notFound(kind: "asset", key: tag)
        }
        return asset
    }

    public func history(_ tag: String) throws -> [AssetChange] {
        _ = try asset(tag)
        return try storing { try store.assetChanges(tag: tag) }
    }

    /// Enters a new asset by hand. Scrapped or under-repair assets come in through their records, not here.
    ///
    /// - Throws: ``RecordsError`` naming the field when a text breaks ``RecordText``'s rule, the
    ///   tag or name is empty, the price is negative or not finite, or the state is not one a new
    ///   asset starts in; nothing is stored then.
    public func add(_ asset: Asset, actor: String, on day: CalendarDay) throws {
        var asset = try Self.validated(asset)
        guard asset.state == .inUse || asset.state == .idle else {
            throw RecordsError.invalidField(
                field: "state", value: asset.state.rawValue,
                reason: "is not a state a new asset starts in (use in-use or idle)")
        }
        asset.stateSince = asset.stateSince ?? day
        try storing { try store.saveAssets([asset], actor: actor) }
    }

    /// Changes descriptive fields; the state goes through ``changeState(_:to:actor:on:note:)``.
    public func update(_ asset: Asset, actor: String) throws {
        let asset = try Self.validated(asset)
        let current = try self.asset(asset.tag)
        guard current.state == asset.state else {
            throw RecordsError.invalidField(
                field: "state", value: asset.state.rawValue,
                reason: "cannot be changed by an edit; use `jifang assets state`, `repair` or `scrap`")
        }
        try storing { try store.updateAsset(asset, actor: actor) }
    }

    /// Moves an asset between in-use and idle.
    ///
    /// - Throws: ``RecordsError/notAllowed(reason:)`` naming the record the change needs instead
    ///   (a repair ticket, a scrapping record) or saying it is not possible (from scrapped).
    public func changeState(
        _ tag: String, to state: AssetState, actor: String, on day: CalendarDay, note: String? = nil
    )
        throws
    {
        let note = try note?.recordText(field: "note").nonBlank
        var asset = try self.asset(tag)
        guard asset.state != state else { return }
        switch AssetLifecycle.route(from: asset.state, to: state) {
        case .direct:
            asset.state = state
            asset.stateSince = day
            try storing { try store.updateAsset(asset, actor: actor, action: "state", note: note) }
        case .openRepair:
            throw RecordsError.notAllowed(
                reason: "\(tag) goes under repair by opening a repair ticket (`jifang assets repair`)")
        case .closeRepair:
            throw RecordsError.notAllowed(
                reason: "\(tag) leaves repair by closing its ticket (`jifang assets repaired`)")
        case .scrap:
            throw RecordsError.notAllowed(reason: "\(tag) is scrapped with a scrapping record (`jifang assets scrap`)")
        case nil:
            throw RecordsError.notAllowed(
                reason: "\(tag) is \(asset.state.rawValue); it cannot become \(state.rawValue)")
        }
    }

    /// Reports a fault (Art. 138): opens a repair ticket and takes the asset out of service.
    @discardableResult
    public func openRepair(_ tag: String, fault: String, causedBy: String?, reportedBy: String, on day: CalendarDay)
        throws -> RepairTicket
    {
        let asset = try self.asset(tag)
        let causedBy = try causedBy?.recordText(field: "caused-by")
        guard let fault = try fault.recordText(field: "fault").nonBlank else {
            throw RecordsError.missingField(field: "fault", context: "a repair ticket")
        }
        guard AssetLifecycle.route(from: asset.state, to: .underRepair) == .openRepair else {
            throw RecordsError.notAllowed(reason: "\(tag) is \(asset.state.rawValue) and cannot go under repair")
        }
        return try storing {
            try store.openRepair(
                RepairTicket(
                    id: 0, asset: tag, openedOn: day, fault: fault, causedBy: causedBy?.nonBlank, reportedBy: reportedBy
                ))
        }
    }

    /// Closes the open repair ticket with its cost and result; the asset returns to `returnTo`.
    @discardableResult
    public func closeRepair(
        _ tag: String, result: String, cost: Double?, returnTo: AssetState = .inUse, actor: String, on day: CalendarDay
    ) throws -> RepairTicket {
        guard var ticket = try storing({ try store.repairTickets(asset: tag, openOnly: true) }).first else {
            throw RecordsError.notAllowed(reason: "\(tag) has no open repair ticket")
        }
        guard AssetLifecycle.route(from: .underRepair, to: returnTo) == .closeRepair else {
            throw RecordsError.invalidField(
                field: "return-to", value: returnTo.rawValue, reason: "is not in-use or idle")
        }
        guard let result = try result.recordText(field: "result").nonBlank else {
            throw RecordsError.missingField(field: "result", context: "closing a repair")
        }
        if let cost { try Self.checkAmount(cost, field: "cost") }
        if day < ticket.openedOn {
            throw RecordsError.invalidField(
                field: "day", value: day.description, reason: "is before the ticket opened (\(ticket.openedOn))")
        }
        ticket.closedOn = day
        ticket.cost = cost
        ticket.result = result
        ticket.returnedTo = returnTo
        try storing { try store.closeRepair(ticket, actor: actor) }
        return ticket
    }

    public func repairs(_ tag: String? = nil) throws -> [RepairTicket] {
        try storing { try store.repairTickets(asset: tag) }
    }

    /// Scraps an asset with its hand-over record (Art. 139). An open repair ticket is closed as "scrapped".
    public func scrap(_ tag: String, reason: String, handedTo: String, actor: String, on day: CalendarDay) throws {
        let asset = try self.asset(tag)
        guard let reason = try reason.recordText(field: "reason").nonBlank else {
            throw RecordsError.missingField(field: "reason", context: "scrapping \(tag)")
        }
        guard let handedTo = try handedTo.recordText(field: "handed-to").nonBlank else {
            throw RecordsError.missingField(field: "handed-to", context: "scrapping \(tag)")
        }
        guard AssetLifecycle.route(from: asset.state, to: .scrapped) == .scrap else {
            throw RecordsError.notAllowed(reason: "\(tag) is already scrapped")
        }
        try storing {
            try store.recordScrap(
                ScrapRecord(asset: tag, day: day, reason: reason, handedTo: handedTo, recordedBy: actor))
        }
    }

    /// Records the monthly power-on run of an idle asset (Art. 137).
    public func recordPowerOn(_ tag: String, on day: CalendarDay, actor: String, note: String? = nil) throws {
        let asset = try self.asset(tag)
        let note = try note?.recordText(field: "note")
        guard asset.state == .idle else {
            throw RecordsError.notAllowed(
                reason: "\(tag) is \(asset.state.rawValue); power-on runs are recorded for idle equipment")
        }
        try storing {
            try store.recordPowerOn(PowerOnRun(asset: tag, day: day, recordedBy: actor, note: note?.nonBlank))
        }
    }

    /// Idle assets whose power-on run is due within `policy.powerOnDueWithinDays` of `day`, or overdue.
    public func powerOnSchedule(on day: CalendarDay) throws -> [PowerOnStatus] {
        try assets(state: .idle).compactMap { asset in
            let since = asset.lastPowerOn ?? asset.stateSince ?? day
            let due = since.adding(months: policy.idlePowerOnMonths)
            let daysLeft = day.days(until: due)
            guard daysLeft <= policy.powerOnDueWithinDays else { return nil }
            return PowerOnStatus(
                asset: asset.tag, name: asset.name, lastPowerOn: asset.lastPowerOn, due: due,
                overdue: daysLeft < 0, responsible: asset.responsible)
        }.sorted { $0.due < $1.due }
    }

    /// `asset` with its texts checked by ``RecordText`` (line ends made line feeds), or the
    /// refusal naming the first field at fault.
    static func validated(_ asset: Asset) throws(RecordsError) -> Asset {
        var a = asset
        a.tag = try a.tag.recordText(field: "tag")
        a.name = try a.name.recordText(field: "name")
        a.unit = try a.unit?.recordText(field: "unit")
        a.location = try a.location?.recordText(field: "location")
        a.rack = try a.rack?.recordText(field: "rack")
        a.responsible = try a.responsible?.recordText(field: "responsible")
        a.vendor = try a.vendor?.recordText(field: "vendor")
        a.model = try a.model?.recordText(field: "model")
        a.serial = try a.serial?.recordText(field: "serial")
        a.osVersion = try a.osVersion?.recordText(field: "os-version")
        a.device = try a.device?.recordText(field: "device")
        a.notes = try a.notes?.recordText(field: "notes")
        guard a.tag.nonBlank != nil else { throw RecordsError.missingField(field: "tag", context: "an asset") }
        guard a.name.nonBlank != nil else {
            throw RecordsError.missingField(field: "name", context: "asset \(a.tag)")
        }
        if let count = a.interfaceCount, count < 0 {
            throw RecordsError.invalidField(field: "interfaces", value: String(count), reason: "is negative")
        }
        if let price = a.price { try checkAmount(price, field: "price") }
        if let purchase = a.purchaseDate, let warranty = a.warrantyEnd, warranty < purchase {
            throw RecordsError.invalidField(
                field: "warranty-end", value: warranty.description, reason: "is before the purchase date (\(purchase))")
        }
        return a
    }

    /// Refuses an amount in yuan that is negative, infinite or NaN (which SQLite would keep as no
    /// value at all).
    static func checkAmount(_ amount: Double, field: String) throws(RecordsError) {
        guard amount.isFinite else {
            throw RecordsError.invalidField(field: field, value: String(amount), reason: "is not an amount in yuan")
        }
        guard amount >= 0 else {
            throw RecordsError.invalidField(field: field, value: String(amount), reason: "is negative")
        }
    }
}

/// An idle asset's next power-on run.
public struct PowerOnStatus: Sendable, Hashable, Codable {
    public var asset: String
    public var name: String
    public var lastPowerOn: CalendarDay?
    public var due: CalendarDay
    public var overdue: Bool
    public var responsible: String?
}
