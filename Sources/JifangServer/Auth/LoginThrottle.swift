import Foundation
import Synchronization

/// Refuses sign-in for a username or a remote address after too many failures in a window.
///
/// Both keys count: guessing many passwords for one account from many addresses, or many accounts
/// from one address, is stopped either way. A success clears the username's count.
public final class LoginThrottle: Sendable {
    private let failures = Mutex<[String: [Date]]>([:])
    let limit: Int
    let window: TimeInterval

    public init(attempts: Int, windowMinutes: Int) {
        limit = attempts
        window = Double(windowMinutes) * 60
    }

    /// Whether a sign-in for this username from this address may be tried now.
    public func allows(username: String, address: String, now: Date = Date()) -> Bool {
        failures.withLock { failures in
            [Self.user(username), Self.address(address)].allSatisfy { key in
                (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }.count < limit
            }
        }
    }

    public func recordFailure(username: String, address: String, now: Date = Date()) {
        failures.withLock { failures in
            for key in [Self.user(username), Self.address(address)] {
                failures[key, default: []] = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now]
            }
        }
    }

    public func recordSuccess(username: String) {
        failures.withLock { _ = $0.removeValue(forKey: Self.user(username)) }
    }

    private static func user(_ name: String) -> String { "user:" + name.lowercased() }
    private static func address(_ address: String) -> String { "addr:" + address }
}
