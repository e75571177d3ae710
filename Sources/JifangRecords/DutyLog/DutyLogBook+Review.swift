import Foundation
import JifangModel
import JifangStore

extension DutyLogBook {
    /// A supervisor signs off days `from`…`to`: the sign-off covers exactly the entries of that
    /// period present now (reviews excluded), and writes a `review` entry into the log.
    ///
    /// - Throws: ``RecordsError/notAllowed(reason:)`` when the signer is not an active supervisor,
    ///   the period has no entries, a fault in it lacks any of its five fields (named), or the
    ///   chain does not verify.
    @discardableResult
    public func review(
        from: CalendarDay, to: CalendarDay, supervisor: String, unit: String? = nil, comment: String? = nil,
        at time: Date = Date()
    ) throws -> DutyLogReview {
        guard from <= to else {
            throw RecordsError.invalidField(field: "to", value: to.description, reason: "is before \(from)")
        }
        let comment = try comment?.recordText(field: "comment").nonBlank
        let person = try staff.activePerson(
            supervisor, on: day(of: time), role: .supervisor, for: "sign off the duty log")
        let verification = try verify()
        if let problem = verification.problems.first {
            throw RecordsError.notAllowed(
                reason: "the duty log does not verify (\(problem.message)); it cannot be signed off")
        }
        let incomplete = try faults(from: from, to: to, unit: unit).filter { !$0.isComplete }
        if !incomplete.isEmpty {
            let list = incomplete.map {
                "fault \($0.entry.id) of \($0.entry.day) lacks \($0.missingFields.joined(separator: ", "))"
            }
            throw RecordsError.notAllowed(
                reason: "the period has incomplete major-fault records: \(list.joined(separator: "; ")); "
                    + "complete them with `jifang log fault --update ID`")
        }
        let covered = try entries(from: from, to: to, unit: unit).filter { $0.category != .review }
        guard !covered.isEmpty else {
            throw RecordsError.notAllowed(reason: "there are no duty-log entries from \(from) to \(to) to sign off")
        }
        return try storing {
            try store.signDutyLogReview(
                unit: unit, from: from, to: to, supervisor: person.id, comment: comment,
                entries: covered.map(\.id), at: time)
        }
    }

    /// Entries of days `from`…`to` that no sign-off covers (reviews themselves excluded).
    public func unreviewed(from: CalendarDay? = nil, to: CalendarDay? = nil, unit: String? = nil) throws
        -> [DutyLogEntry]
    {
        let covered = Set(try storing { try store.dutyLogReviews() }.flatMap(\.entries))
        return try entries(from: from, to: to, unit: unit).filter { $0.category != .review && !covered.contains($0.id) }
    }
}
