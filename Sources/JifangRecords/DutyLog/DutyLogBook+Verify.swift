import JifangModel
import JifangStore

extension DutyLogBook {
    /// Walks the hash chain and the sign-offs, naming each entry that was edited, removed or reordered.
    ///
    /// What it can tell: an entry whose fields changed (its hash no longer matches); a broken link
    /// with missing ids (removed); a link to an entry found elsewhere (reordered); a link broken
    /// while ids are contiguous (the entry before was changed and re-hashed); the newest entries
    /// gone (the recorded head is ahead of the log); entries signed off that are gone or differ.
    /// Rewriting the whole chain from some point on, head included, is only caught where a
    /// sign-off covers the rewritten entries.
    public func verify() throws -> DutyLogVerification {
        let (entries, head) = try storing { try store.dutyLogChain() }
        var problems: [DutyLogVerification.Problem] = []
        var position: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { position[entry.hash] = i }
        var expected = DutyLogChain.genesis
        var previousID: Int64 = 0
        for (i, entry) in entries.enumerated() {
            let label = "entry \(entry.id) of \(entry.day)"
            if DutyLogChain.hash(of: entry) != entry.hash {
                problems.append(
                    .init(
                        kind: .edited, entry: entry.id, day: entry.day,
                        message: "\(label) was edited after it was written (its contents no longer match its hash)"))
            }
            if entry.prevHash != expected {
                if let j = position[entry.prevHash], j != i - 1 {
                    problems.append(
                        .init(
                            kind: .reordered, entry: entry.id, day: entry.day,
                            message:
                                "\(label) is out of place: it followed entry \(entries[j].id), not entry \(previousID)")
                    )
                } else if entry.id > previousID + 1 {
                    let missing = entry.id - previousID - 1
                    let range =
                        missing == 1 ? "entry \(previousID + 1) was" : "entries \(previousID + 1)–\(entry.id - 1) were"
                    problems.append(
                        .init(
                            kind: .removed, entry: entry.id, day: entry.day,
                            message: "\(range) removed before \(label)"))
                } else if i == 0 {
                    problems.append(
                        .init(
                            kind: .removed, entry: entry.id, day: entry.day,
                            message: "entries before \(label) were removed (it does not start the chain)"))
                } else {
                    problems.append(
                        .init(
                            kind: .relinked, entry: previousID, day: entries[i - 1].day,
                            message: "entry \(previousID) of \(entries[i - 1].day) was replaced or re-hashed "
                                + "(\(label) does not link to it)"))
                }
            }
            expected = entry.hash
            previousID = entry.id
        }
        if let head {
            let last = entries.last
            if head.lastEntry > (last?.id ?? 0) || head.count > entries.count {
                let lost =
                    head.lastEntry > (last?.id ?? 0) ? "entries \((last?.id ?? 0) + 1)–\(head.lastEntry)" : "entries"
                problems.append(
                    .init(
                        kind: .truncated, entry: head.lastEntry, day: nil,
                        message:
                            "\(lost) at the end of the log were removed (the log held \(head.count), now \(entries.count))"
                    ))
            } else if let last, head.lastEntry == last.id, head.lastHash != last.hash, problems.isEmpty {
                problems.append(
                    .init(
                        kind: .edited, entry: last.id, day: last.day,
                        message: "entry \(last.id) of \(last.day) differs from the entry the log last wrote"))
            }
        } else if let first = entries.first {
            problems.append(
                .init(
                    kind: .edited, entry: first.id, day: first.day,
                    message: "the log's head record is missing although the log has entries"))
        }
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        for review in try storing({ try store.dutyLogReviews() }) {
            let signed = try storing { try store.dutyLogReviewHashes(review: review.id) }
            for id in review.entries {
                guard let entry = byID[id] else {
                    problems.append(
                        .init(
                            kind: .reviewMismatch, entry: id, day: nil,
                            message: "entry \(id), signed off in review \(review.id) by \(review.supervisor), is gone"))
                    continue
                }
                if signed[id] != entry.hash || DutyLogChain.hash(of: entry) != entry.hash {
                    problems.append(
                        .init(
                            kind: .reviewMismatch, entry: id, day: entry.day,
                            message: "entry \(id) of \(entry.day) differs from what review \(review.id) signed off"))
                }
            }
        }
        return DutyLogVerification(entries: entries.count, headHash: entries.last?.hash, problems: problems)
    }
}
