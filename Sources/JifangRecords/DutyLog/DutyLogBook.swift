import Foundation
import JifangModel
import JifangStore

/// The duty log's rules (Art. 26, 40, 102, 105): who may write, what a major-fault record needs,
/// supervisor sign-off, and the lists of what is missing.
///
/// Entries are append-only; a correction is a new entry pointing at the one it corrects. Automatic
/// entries arrive by themselves: every store event (device down/up, reboot, alert opened/cleared,
/// backups, binding violations) is chained into the log in the transaction that records it.
public struct DutyLogBook: Sendable, StaffCheckedDesk {
    public let store: Store
    public let policy: RecordsPolicy

    public init(store: Store, policy: RecordsPolicy = RecordsPolicy()) {
        self.store = store
        self.policy = policy
    }

    /// The working day `time` falls on at the policy's UTC offset.
    public func day(of time: Date) -> CalendarDay {
        CalendarDay(time, utcOffsetSeconds: policy.utcOffsetSeconds)
    }

    /// Adds a daily entry written by a member of staff.
    ///
    /// - Parameters:
    ///   - day: the working day it belongs to; defaults to the day of `time`.
    ///   - unit: the site; defaults to the author's unit.
    ///   - corrects: the entry this one corrects.
    /// - Throws: ``RecordsError`` when the category is not one people choose, the text is empty
    ///   or breaks ``RecordText``'s rule, the author is not active staff, or `corrects` names no entry.
    @discardableResult
    public func add(
        category: DutyLogCategory, text: String, author: String, unit: String? = nil, time: Date = Date(),
        day: CalendarDay? = nil, corrects: Int64? = nil, device: String? = nil
    ) throws -> DutyLogEntry {
        guard DutyLogCategory.manual.contains(category) else {
            throw RecordsError.invalidField(
                field: "category", value: category.rawValue,
                reason:
                    "is not a duty-log category (use one of \(DutyLogCategory.manual.map(\.rawValue).joined(separator: ", ")); "
                    + "major faults go through `jifang log fault`)")
        }
        guard let text = try text.recordText(field: "text").nonBlank else {
            throw RecordsError.missingField(field: "text", context: "a duty-log entry")
        }
        let entryDay = day ?? self.day(of: time)
        let person = try staff.activePerson(author, on: entryDay, for: "write the duty log")
        if let corrects { _ = try entry(corrects) }
        let draft = DutyLogEntry(
            id: 0, unit: unit ?? person.unit, day: entryDay, time: time, category: category, text: text,
            author: person.id, source: .manual, device: device, corrects: corrects, recordedAt: Date())
        return try storing { try store.appendDutyLogEntry(draft) }
    }

    /// Opens a major-fault record (Art. 105). The symptom is required; the other four fields may
    /// follow with ``completeFault(_:with:author:time:)``; until all five are filled the fault is
    /// listed as incomplete and its period cannot be signed off.
    ///
    /// - Throws: ``RecordsError/missingField(field:context:)`` naming `symptom` when it is empty,
    ///   ``RecordsError/invalidField(field:value:reason:)`` naming a field that breaks ``RecordText``'s rule.
    @discardableResult
    public func recordFault(
        _ details: FaultDetails, author: String, unit: String? = nil, time: Date = Date(), day: CalendarDay? = nil,
        device: String? = nil
    ) throws -> DutyLogEntry {
        let details = try Self.cleaned(details)
        guard details.symptom != nil else {
            throw RecordsError.missingField(field: "symptom", context: "a major-fault record")
        }
        let entryDay = day ?? self.day(of: time)
        let person = try staff.activePerson(author, on: entryDay, for: "write the duty log")
        let draft = DutyLogEntry(
            id: 0, unit: unit ?? person.unit, day: entryDay, time: time, category: .fault, text: details.symptom!,
            author: person.id, source: .manual, device: device, fault: details, recordedAt: Date())
        return try storing { try store.appendDutyLogEntry(draft) }
    }

    /// Fills in fields of fault `id` with a `fault-update` entry pointing at it; fields not given
    /// keep their earlier values.
    ///
    /// - Throws: ``RecordsError`` when `id` is not a fault, or `details` fills nothing.
    @discardableResult
    public func completeFault(_ id: Int64, with details: FaultDetails, author: String, time: Date = Date()) throws
        -> DutyLogEntry
    {
        let target = try entry(id)
        guard target.category == .fault else {
            throw RecordsError.invalidField(
                field: "fault", value: String(id), reason: "is a \(target.category.rawValue) entry, not a major fault")
        }
        let details = try Self.cleaned(details)
        guard !details.isEmpty else {
            throw RecordsError.missingField(
                field: FaultDetails.fieldNames.joined(separator: "|"), context: "completing fault \(id)")
        }
        let entryDay = day(of: time)
        let person = try staff.activePerson(author, on: entryDay, for: "write the duty log")
        let filled = zip(FaultDetails.fieldNames, details.values).compactMap { $1 == nil ? nil : $0 }
        let draft = DutyLogEntry(
            id: 0, unit: target.unit, day: entryDay, time: time, category: .faultUpdate,
            text: "Fault \(id): \(filled.joined(separator: ", ")) recorded.", author: person.id, source: .manual,
            device: target.device, corrects: id, fault: details, recordedAt: Date())
        return try storing { try store.appendDutyLogEntry(draft) }
    }

    /// Entries of days `from`…`to` (all when nil), in chain order.
    public func entries(from: CalendarDay? = nil, to: CalendarDay? = nil, unit: String? = nil) throws -> [DutyLogEntry]
    {
        try storing { try store.dutyLog(from: from, to: to, unit: unit) }
    }

    /// Major faults of days `from`…`to` with their updates merged in.
    public func faults(from: CalendarDay? = nil, to: CalendarDay? = nil, unit: String? = nil) throws -> [FaultStatus] {
        let all = try entries(unit: unit)
        var updates: [Int64: [DutyLogEntry]] = [:]
        for entry in all where entry.category == .faultUpdate {
            if let target = entry.corrects { updates[target, default: []].append(entry) }
        }
        return all.filter { entry in
            entry.category == .fault && from.map { entry.day >= $0 } ?? true && to.map { entry.day <= $0 } ?? true
        }.map { entry in
            let later = updates[entry.id] ?? []
            let merged = later.reduce(entry.fault ?? FaultDetails()) { $0.merging($1.fault ?? FaultDetails()) }
            return FaultStatus(entry: entry, details: merged, updates: later.map(\.id))
        }
    }

    /// Days in `from`…`to` on which nobody wrote an entry (automatic entries and reviews do not count).
    public func daysWithoutEntries(from: CalendarDay, to: CalendarDay, unit: String? = nil) throws -> [CalendarDay] {
        let written = Set(
            try entries(from: from, to: to, unit: unit).filter { $0.source == .manual && $0.category != .review }.map(
                \.day))
        guard from <= to else { return [] }
        return (0...from.days(until: to)).map { from.adding(days: $0) }.filter { !written.contains($0) }
    }

    func entry(_ id: Int64) throws -> DutyLogEntry {
        guard let entry = try storing({ try store.dutyLogEntry(id: id) }) else {
            throw RecordsError.notFound(kind: "duty-log entry", key: String(id))
        }
        return entry
    }

    /// The five fields checked by ``RecordText`` and trimmed; blank fields become nil.
    static func cleaned(_ d: FaultDetails) throws(RecordsError) -> FaultDetails {
        func clean(_ value: String?, _ field: String) throws(RecordsError) -> String? {
            try value?.recordText(field: field).nonBlank
        }
        return FaultDetails(
            symptom: try clean(d.symptom, "symptom"), cause: try clean(d.cause, "cause"),
            handling: try clean(d.handling, "handling"), participants: try clean(d.participants, "participants"),
            result: try clean(d.result, "result"))
    }
}

/// A major fault as it stands: the original record with later updates merged in.
public struct FaultStatus: Sendable, Hashable, Codable {
    public var entry: DutyLogEntry
    public var details: FaultDetails
    /// The `fault-update` entries merged in, by id.
    public var updates: [Int64]
    public var missingFields: [String] { details.missingFields }
    public var isComplete: Bool { details.isComplete }
}
