import struct Foundation.UUID

/// A record's id outside its site: the site's unit id, the store's epoch and the journal's
/// sequence number, e.g. `330102/4B0C2F7E-9A3D-4C51-8E2B-1F6A7D3C9E05/42`.
///
/// The text form is the three parts joined by `/`, the epoch as an upper-case UUID and the
/// sequence number in decimal; it is stable and is what evidence and central name records by.
/// A unit id may itself hold a `/`, so the text is read from the right: the last part is the
/// sequence number, the one before it the epoch, everything before them the site.
public struct SiteRecordID: Sendable, Hashable, LosslessStringConvertible {
    public var site: String
    public var epoch: UUID
    public var seq: Int64

    public init(site: String, epoch: UUID, seq: Int64) {
        self.site = site
        self.epoch = epoch
        self.seq = seq
    }

    /// Reads the text form; `nil` unless it is a non-empty site, a UUID and a sequence number ≥ 1.
    public init?(_ description: String) {
        let parts = description.split(separator: "/", omittingEmptySubsequences: false)
        // Only the canonical decimal form ("42", not "+42" or "042"), so a text names one id.
        guard parts.count >= 3, let seq = Int64(parts[parts.count - 1]), seq >= 1,
            String(seq) == parts[parts.count - 1],
            let epoch = UUID(uuidString: String(parts[parts.count - 2]))
        else { return nil }
        let site = parts.dropLast(2).joined(separator: "/")
        guard !site.isEmpty else { return nil }
        self.init(site: site, epoch: epoch, seq: seq)
    }

    public var description: String { "\(site)/\(epoch.uuidString)/\(seq)" }
}
