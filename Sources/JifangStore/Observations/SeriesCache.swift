import Foundation

/// Identifies one time series: a metric of a device, optionally of one part of it.
struct SeriesKey: Hashable, Sendable {
    var device: String
    var metric: String
    var instance: String
}

/// Series ids already committed to the file, so ingest resolves a series without a query.
///
/// Only ids of committed transactions enter the cache (see ``Store/seriesID(_:_:created:)``);
/// an id created by a transaction that rolls back never does. Series are never deleted.
final class SeriesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [SeriesKey: Int64] = [:]

    /// The ids known now; a copy that shares storage, read without locking per sample.
    func snapshot() -> [SeriesKey: Int64] {
        lock.withLock { ids }
    }

    func add(_ created: [SeriesKey: Int64]) {
        guard !created.isEmpty else { return }
        lock.withLock { ids.merge(created) { _, new in new } }
    }
}
