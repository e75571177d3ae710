import Foundation
import GRDB
import JifangModel

extension Store {
    /// Appends many entries to the duty log in one transaction, chained in the order given, each
    /// recorded at its own `recordedAt`.
    ///
    /// Meant for loading a log in bulk (a synthetic province, a log carried over from paper); the
    /// chain is the same as appending the entries one by one with
    /// ``appendDutyLogEntry(_:recordedAt:)``. All entries are written or none.
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when an entry corrects one
    ///   the log does not have, or holds a NUL.
    @discardableResult
    public func appendDutyLogEntries(_ drafts: [DutyLogEntry]) throws -> [DutyLogEntry] {
        guard !drafts.isEmpty else { return [] }
        let operation = "add \(drafts.count) entries to the duty log"
        let path = self.path
        for draft in drafts { try refuseNUL(in: Self.texts(draft), operation: operation) }
        return try write(operation) { db in
            var written: [DutyLogEntry] = []
            written.reserveCapacity(drafts.count)
            for draft in drafts {
                if let target = draft.corrects,
                    try Int64.fetchOne(db, sql: "SELECT id FROM duty_log WHERE id = ?", arguments: [target]) == nil
                {
                    throw StoreError.invalidArgument(
                        path: path, operation: operation,
                        reason: "entry \(target), which it corrects, is not in the log"
                    )
                }
                written.append(try Self.appendDutyLog(db, draft, recordedAt: draft.recordedAt))
            }
            return written
        }
    }
}
