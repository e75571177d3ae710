import struct Foundation.Date
import struct Foundation.UUID

/// Who a store's records belong to: its site, and the epoch its sequence numbers count in.
///
/// The epoch is a random UUID made when the store file is created (or first upgraded to a
/// version with a journal). A store restored from an old backup would count sequence numbers
/// again from an earlier point; a new epoch keeps the ids it then gives apart from the ones
/// already sent.
public struct StoreIdentity: Sendable, Hashable {
    public var epoch: UUID
    /// The site's unit id (``OrganisationUnit/id``); `nil` until the inventory has been synced.
    public var site: String?
    /// When the epoch was made.
    public var createdAt: Date

    public init(epoch: UUID, site: String?, createdAt: Date) {
        self.epoch = epoch
        self.site = site
        self.createdAt = createdAt
    }
}
