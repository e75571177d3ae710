/// Why ``Store/setSite(_:replacingExisting:)`` refused a site: one store holds one site's records.
public enum StoreIdentityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store already belongs to `stored`; its records and sequence numbers are that site's,
    /// so giving them to `requested` would send them to central under the wrong site.
    case siteAlreadySet(path: String, stored: String, requested: String)

    public var description: String {
        switch self {
        case .siteAlreadySet(let path, let stored, let requested):
            "\(path): the store belongs to site \(stored), not \(requested). Point the inventory at the "
                + "store of site \(requested), or reset the store's site (which starts a new epoch)."
        }
    }
}
