import struct Foundation.Date

/// A supervisor's sign-off of a period of the duty log (Art. 105: the book goes to the supervisor
/// for review and filing).
///
/// The sign-off covers exactly the entries it saw: their ids and hashes are kept with it, so an
/// entry added to the period later is listed as not reviewed, and a covered entry that changed
/// or vanished makes `jifang log verify` fail.
public struct DutyLogReview: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var unit: String?
    public var from: CalendarDay
    public var to: CalendarDay
    public var supervisor: String
    public var signedAt: Date
    public var comment: String?
    /// The entries covered, by id.
    public var entries: [Int64]
    /// SHA-256 over the covered entries' hashes in id order, one per line.
    public var digest: String
    /// The `review` entry the sign-off wrote into the log.
    public var logEntry: Int64

    public init(
        id: Int64, unit: String?, from: CalendarDay, to: CalendarDay, supervisor: String, signedAt: Date,
        comment: String?, entries: [Int64], digest: String, logEntry: Int64
    ) {
        self.id = id
        self.unit = unit
        self.from = from
        self.to = to
        self.supervisor = supervisor
        self.signedAt = signedAt
        self.comment = comment
        self.entries = entries
        self.digest = digest
        self.logEntry = logEntry
    }

    /// The digest of a list of entry hashes, as ``digest`` holds it.
    public static func digest(ofHashes hashes: [String]) -> String {
        SHA256.hex(Array(hashes.map { $0 + "\n" }.joined().utf8))
    }
}
