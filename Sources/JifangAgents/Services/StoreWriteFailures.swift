import Foundation

/// Counts store writes that failed in a long-running service, for `/metrics` and the logs.
///
/// Every failed write is also logged and reported by the run it belongs to; the count says how
/// many there were since the service started. Thread-safe (a lock, since `Synchronization.Atomic`
/// needs macOS 15 and this package supports 14).
public final class StoreWriteFailures: @unchecked Sendable {
    // @unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Failed writes so far.
    public var value: Int { lock.withLock { count } }

    /// Counts `amount` failed writes (saturating at `Int.max`).
    public func increment(by amount: Int = 1) {
        lock.withLock {
            let (sum, overflow) = count.addingReportingOverflow(amount)
            count = overflow ? .max : sum
        }
    }
}
