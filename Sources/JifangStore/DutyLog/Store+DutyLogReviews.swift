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
                let table = "duty_log_reviews"
                let id = try row.decode(Int64.self, "id", in: table)
                let entries = try Int64.fetchAll(
                    db, sql: "SELECT entry FROM duty_log_review_entries WHERE review = ? ORDER BY entry",
                    arguments: [id])
                // A day that is not a day fails the read: it used to read as day 0, a sign-off
                // covering nothing.
                return DutyLogReview(
                    id: id, unit: try row.decodeIfPresent(String.self, "unit", in: table),
                    from: try row.decode(CalendarDay.self, "from_day", in: table),
                    to: try row.decode(CalendarDay.self, "to_day", in: table),
                    supervisor: try row.decode(String.self, "supervisor", in: table),
                    signedAt: try row.decodeTime("signed_at", in: table),
                    comment: try row.decodeIfPresent(String.self, "comment", in: table), entries: entries,
                    digest: try row.decode(String.self, "digest", in: table),
                    logEntry: try row.decode(Int64.self, "log_entry", in: table))
            }
        }
    }

    /// The hashes a sign-off recorded for its entries, by entry id.
    public func dutyLogReviewHashes(review: Int64) throws -> [Int64: String] {
        try read("read duty-log review \(review)") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT entry, hash FROM duty_log_review_entries WHERE review = ?", arguments: [review])
            let table = "duty_log_review_entries"
            let pairs = try rows.map {
                (try $0.decode(Int64.self, "entry", in: table), try $0.decode(String.self, "hash", in: table))
            }
            // (review, entry) is the table's key; a copy without it keeps the first hash, not a trap.
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
    }
}
