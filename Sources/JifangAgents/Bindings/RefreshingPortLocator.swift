import JifangModel

/// A ``PortLocator`` whose forwarding tables are read again while a live watch runs for days.
///
/// The tables are re-read when they are older than ``refreshInterval`` (Policies/bindings.yaml
/// `forwardingRefreshSeconds`), or when a MAC is not found and the last read is at least
/// ``missInterval`` old: a station that just appeared is found on its next event without letting
/// a flood of unknown MACs read the switches continuously. Not thread-safe: use it on one task.
public final class RefreshingPortLocator {
    /// The locator over the tables of the last read.
    public private(set) var locator: PortLocator
    public let refreshInterval: Duration
    public let missInterval: Duration
    /// When the tables in use were read.
    public private(set) var readAt: ContinuousClock.Instant
    /// How many times the tables were read, the first read included.
    public private(set) var reads = 1
    private let read: () async -> [ForwardingTable]

    /// Reads the tables once with `read` and returns a locator over them.
    ///
    /// - Parameters:
    ///   - uplinkThreshold: ports with more MACs are uplinks (``PortLocator/uplinkThreshold``).
    ///   - refreshInterval: the tables' greatest age.
    ///   - missInterval: the least time between reads triggered by MACs not found.
    ///   - now: the time the first read counts as done (for tests).
    ///   - read: reads every switch's tables; a switch that does not answer is left out, not an error.
    public init(
        uplinkThreshold: Int, refreshInterval: Duration = .seconds(300), missInterval: Duration = .seconds(30),
        now: ContinuousClock.Instant? = nil, read: @escaping () async -> [ForwardingTable]
    ) async {
        self.read = read
        self.refreshInterval = refreshInterval
        self.missInterval = missInterval
        locator = PortLocator(tables: await read(), uplinkThreshold: uplinkThreshold)
        readAt = now ?? .now
    }

    /// Whether the tables should be read again at `now`, after a lookup that `missed` or not.
    public func isDue(missed: Bool, at now: ContinuousClock.Instant) -> Bool {
        let age = now - readAt
        return age >= refreshInterval || (missed && age >= missInterval)
    }

    /// Reads the tables again now, whatever their age.
    public func refresh(at now: ContinuousClock.Instant? = nil) async {
        locator.tables = await read()
        readAt = now ?? .now
        reads += 1
    }

    /// The access port of `mac`, reading the tables again first when they are too old, and
    /// once more (if allowed) when the MAC is not found in them.
    public func locate(_ mac: MACAddress, at now: ContinuousClock.Instant? = nil) async -> PortLocation? {
        let time = now ?? .now
        if isDue(missed: false, at: time) { await refresh(at: time) }
        if let location = locator.locate(mac) { return location }
        guard isDue(missed: true, at: time) else { return nil }
        await refresh(at: time)
        return locator.locate(mac)
    }

    /// The event with its switch and port filled in, as ``PortLocator/locate(_:)-(ARPEvent)``
    /// does, after any refresh that is due.
    public func locate(_ event: ARPEvent, at now: ContinuousClock.Instant? = nil) async -> (
        event: LocatedARPEvent, location: PortLocation?
    ) {
        guard let mac = event.mac, let location = await locate(mac, at: now) else {
            return (LocatedARPEvent(event), nil)
        }
        return (LocatedARPEvent(event, switchName: location.device, port: location.portName), location)
    }
}
