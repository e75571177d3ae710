import Foundation
import JifangServer
import Testing

/// The throttle's two counters: per address, and per account with addresses that signed in
/// to it exempt.
@Suite struct LoginThrottleTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func anAddressIsLockedForEveryAccountAfterItsLimit() {
        let throttle = LoginThrottle(attempts: 3, windowMinutes: 15)
        for name in ["a", "b", "c"] {
            #expect((try? throttle.reserve(username: name, address: "10.0.0.9", now: Self.now).get()) != nil)
        }
        #expect(throttle.reserve(username: "d", address: "10.0.0.9", now: Self.now) == .failure(.address))
        #expect((try? throttle.reserve(username: "d", address: "10.0.0.8", now: Self.now).get()) != nil)
        let later = Self.now.addingTimeInterval(15 * 60)
        #expect(
            (try? throttle.reserve(username: "d", address: "10.0.0.9", now: later).get()) != nil, "the window passed")
    }

    @Test func manyAddressesLockAnAccountButNotFromWhereItsOwnerSignsIn() throws {
        let throttle = LoginThrottle(attempts: 3, windowMinutes: 15)
        let owner = try throttle.reserve(username: "Auditor", address: "10.0.0.1", now: Self.now).get()
        throttle.succeeded(owner)
        // 4 × 3 failures from twelve addresses, each below its own limit.
        for host in 2...13 {
            #expect((try? throttle.reserve(username: "auditor", address: "10.0.1.\(host)", now: Self.now).get()) != nil)
        }
        #expect(throttle.reserve(username: "auditor", address: "10.0.1.99", now: Self.now) == .failure(.account))
        #expect((try? throttle.reserve(username: "AUDITOR", address: "10.0.0.1", now: Self.now).get()) != nil)
        #expect((try? throttle.reserve(username: "other", address: "10.0.1.99", now: Self.now).get()) != nil)
    }

    @Test func aSuccessTakesBackOnlyItsOwnAttempt() throws {
        let throttle = LoginThrottle(attempts: 2, windowMinutes: 15)
        _ = try throttle.reserve(username: "a", address: "10.0.0.9", now: Self.now).get()
        let right = try throttle.reserve(username: "a", address: "10.0.0.9", now: Self.now.addingTimeInterval(1)).get()
        #expect(throttle.reserve(username: "a", address: "10.0.0.9", now: Self.now) == .failure(.address))
        throttle.succeeded(right)
        #expect((try? throttle.reserve(username: "a", address: "10.0.0.9", now: Self.now).get()) != nil)
        #expect(throttle.reserve(username: "a", address: "10.0.0.9", now: Self.now) == .failure(.address))
    }
}
