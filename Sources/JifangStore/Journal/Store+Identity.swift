import Foundation
import GRDB
import JifangModel

/// The store's epoch and site (see ``StoreIdentity``).
extension Store {
    /// The store's epoch and site.
    ///
    /// - Throws: ``StoreError`` when the identity row cannot be read or is not a UUID and a time.
    public func identity() throws -> StoreIdentity {
        try read("read the store's identity") { db in try identity(db) }
    }

    func identity(_ db: Database) throws -> StoreIdentity {
        let table = "store_identity"
        guard let row = try Row.fetchOne(db, sql: "SELECT epoch, site, created_at FROM store_identity WHERE id = 1")
        else {
            throw StoreError.operationFailed(
                path: path, operation: "read the store's identity", reason: "store_identity has no row")
        }
        let epochText = try row.decode(String.self, "epoch", in: table)
        guard let epoch = UUID(uuidString: epochText) else {
            throw StoredValueError(table: table, column: "epoch", value: epochText.databaseValue, expected: "a UUID")
        }
        return StoreIdentity(
            epoch: epoch, site: try row.decodeIfPresent(String.self, "site", in: table),
            createdAt: Date(storeMillis: try row.decode(Int64.self, "created_at", in: table)))
    }

    /// Records that the store holds the records of `site` (the inventory's site unit id, see
    /// ``OrganisationUnit/siteUnit(named:in:)``); nothing changes when it already does.
    ///
    /// The first call sets the site. A store whose site is set refuses another one, since its
    /// records and sequence numbers are that site's, unless `replacingExisting` is true; then the
    /// site is replaced and a new epoch begins, so central never takes the ids the store gives
    /// from now on for the old site's. The journal itself is kept.
    ///
    /// - Returns: the identity after the call.
    /// - Throws: ``StoreIdentityError/siteAlreadySet(path:stored:requested:)`` for another site
    ///   (nothing is written); ``StoreError`` for an empty or over-long site or a failed write.
    @discardableResult
    public func setSite(_ site: String, replacingExisting: Bool = false) throws -> StoreIdentity {
        let operation = "set the store's site to \(site)"
        guard !site.isEmpty, site.utf8.count <= 200, !site.contains(where: \.isNewline) else {
            throw StoreError.invalidArgument(
                path: path, operation: operation, reason: "a site id is one line of 1 to 200 bytes")
        }
        let outcome: Result<StoreIdentity, StoreIdentityError> = try write(operation) { db in
            let current = try identity(db)
            if current.site == site { return .success(current) }
            if let stored = current.site, !replacingExisting {
                return .failure(.siteAlreadySet(path: path, stored: stored, requested: site))
            }
            var next = current
            next.site = site
            if current.site != nil {
                next.epoch = UUID()
                next.createdAt = Date(storeMillis: Date().storeMillis)
            }
            try db.execute(
                sql: "UPDATE store_identity SET epoch = ?, site = ?, created_at = ? WHERE id = 1",
                arguments: [next.epoch.uuidString, site, next.createdAt.storeMillis])
            return .success(next)
        }
        return try outcome.get()
    }
}
