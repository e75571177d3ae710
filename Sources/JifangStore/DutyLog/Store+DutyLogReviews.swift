import Foundation
import GRDB
import JifangModel

extension Store {
    /// Records a supervisor's sign-off of `entries` (the ids the supervisor saw) and writes a
    /// `review` entry into the log, in one transaction.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)`` when an id is not in the log,
    ///   or the comment, supervisor or unit holds a NUL, which the store cannot keep.
    @discardableResult
    public func signDutyLogReview(
        unit: String?, from: CalendarDay, to: CalendarDay, supervisor: String, comment: String?, entries: [Int64],
        at time: Date = Date()
    ) throws -> DutyLogReview {
        let operation = "sign off the duty log"
        let path = self.path
        try refuseNUL(
            in: [("unit", unit), ("supervisor", supervisor), ("comment", comment)], operation: operation)
        return try write(operation) { db in
            var hashes: [String] = []
            for id in entries.sorted() {
                guard let hash = try String.fetchOne(db, sql: "SELECT hash FROM duty_log WHERE id = ?", arguments: [id])
                else {
                    throw StoreError.invalidArgument(
                        path: path, operation: operation, reason: "entry \(id) is not in the log")
                }
                hashes.append(hash)
            }
            let digest = DutyLogReview.digest(ofHashes: hashes)
            let scope = unit.map { " of \($0)" } ?? ""
            var text = "Reviewed \(from)…\(to)\(scope): \(entries.count) entries, digest \(digest.prefix(16))."
            if let comment, !comment.isEmpty { text += " \(comment)" }
            let offset = try Self.dutyLogUTCOffset(db)
            let entry = try Self.appendDutyLog(
                db,
                DutyLogEntry(
                    id: 0, unit: unit, day: CalendarDay(time, utcOffsetSeconds: offset), time: time, category: .review,
                    text: text, author: supervisor, source: .manual, recordedAt: time),
                recordedAt: time)
            try db.execute(
                sql: """
                    INSERT INTO duty_log_reviews (unit, from_day, to_day, supervisor, signed_at, comment, digest, log_entry)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    unit, from.description, to.description, supervisor, time.storeMillis, comment, digest, entry.id,
                ])
            let review = db.lastInsertedRowID
            for (id, hash) in zip(entries.sorted(), hashes) {
                try db.execute(
                    sql: "INSERT INTO duty_log_review_entries (review, entry, hash) VALUES (?, ?, ?)",
                    arguments: [review, id, hash])
            }
            return DutyLogReview(
                id: review, unit: unit, from: from, to: to, supervisor: supervisor,
                signedAt: Date(storeMillis: time.storeMillis), comment: comment, entries: entries.sorted(),
                digest: digest, logEntry: entry.id)
        }
    }

    /// Every sign-off, oldest first, with the ids of the entries it covers.
    public func dutyLogReviews() throws -> [DutyLogReview] {
        try read("read the duty-log reviews") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM duty_log_reviews ORDER BY id")
            return try rows.map { row in
                let id: Int64 = row["id"]
                let entries = try Int64.fetchAll(
                    db, sql: "SELECT entry FROM duty_log_review_entries WHERE review = ? ORDER BY entry",
                    arguments: [id])
                let from: String = row["from_day"]
                let to: String = row["to_day"]
                return DutyLogReview(
                    id: id, unit: row["unit"], from: CalendarDay(from) ?? CalendarDay(ordinal: 0),
                    to: CalendarDay(to) ?? CalendarDay(ordinal: 0), supervisor: row["supervisor"],
                    signedAt: Date(storeMillis: row["signed_at"]), comment: row["comment"], entries: entries,
                    digest: row["digest"], logEntry: row["log_entry"])
            }
        }
    }

    /// The hashes a sign-off recorded for its entries, by entry id.
    public func dutyLogReviewHashes(review: Int64) throws -> [Int64: String] {
        try read("read duty-log review \(review)") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT entry, hash FROM duty_log_review_entries WHERE review = ?", arguments: [review])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as String) })
        }
    }
}
