import Foundation

/// Dashboard panels as last drawn for one account and language, reused for a moment.
///
/// The dashboard is the page everyone keeps open and reloads; each module's panels read the
/// store (today's duty log, faults, loans, backups due, violations). Like the monitoring
/// snapshot, what is drawn is reused for ``WebServer/Options/snapshotMaximumAge`` seconds (0 draws
/// every time), so a burst of reloads reads the store once a second, not once per request.
final class PanelCache: Sendable {
    private let maximumAge: TimeInterval
    private let drawn = LockedValue<[String: (at: Date, panels: [HTML])]>([:])

    init(maximumAge: TimeInterval) {
        self.maximumAge = maximumAge
    }

    /// The panels for `key` (an account and language), drawn by `draw` when none are fresh.
    func panels(for key: String, now: Date = Date(), draw: () throws -> [HTML]) rethrows -> [HTML] {
        guard maximumAge > 0 else { return try draw() }
        if let fresh = drawn.withLock({ cache -> [HTML]? in
            guard let entry = cache[key], now.timeIntervalSince(entry.at) < maximumAge else { return nil }
            return entry.panels
        }) {
            return fresh
        }
        let panels = try draw()
        drawn.withLock { cache in
            // Entries of accounts gone quiet go when new ones come, so the cache follows who is active.
            cache = cache.filter { now.timeIntervalSince($0.value.at) < maximumAge }
            cache[key] = (now, panels)
        }
        return panels
    }
}
