import Foundation
import Synchronization

/// Limits password guessing, per address and per account, without letting an attacker lock the
/// real user out.
///
/// The rule (OWASP's Authentication Cheat Sheet: count per account and per source, and do not
/// let the lockout become a denial of service):
/// - **Per address**: `attempts` failed sign-ins from one remote address within `windowMinutes`
///   refuse that address, whatever account it names. This stops one machine guessing many
///   passwords or many accounts.
/// - **Per account**: ``accountFactor`` × `attempts` failures for one account from all addresses
///   together within the window refuse that account, but only from addresses that have not
///   signed in to it successfully in the last ``trustDuration``. This stops many machines guessing
///   one password, while the person who owns the account still signs in from where they usually
///   do. The addresses an account signed in from are kept in memory: after a restart an account
///   under attack is refused from every address until its window passes.
///
/// A success clears neither counter (an attacker may not reset them by signing in to an account
/// of their own); it only takes back its own attempt.
///
/// Checking and counting are one step: ``reserve(username:address:now:)`` counts an attempt as
/// failed before the password is verified, under the same lock as the check, so a burst of
/// parallel requests gets exactly the limit and no more; ``succeeded(_:)`` takes the attempt
/// back when the password was right.
public final class LoginThrottle: Sendable {
    /// An attempt counted against both keys; give it back with ``LoginThrottle/succeeded(_:)``.
    public struct Reservation: Sendable, Hashable {
        let user: String
        let address: String
        let time: Date
    }

    /// Why a sign-in was not tried.
    public enum Refusal: Error, Sendable, Hashable {
        /// The remote address failed too often.
        case address
        /// The account failed too often, and this address has not signed in to it lately.
        case account
    }

    private struct State {
        var byAddress: [String: [Date]] = [:]
        var byAccount: [String: [Date]] = [:]
        /// When each account last signed in from each address.
        var trusted: [String: [String: Date]] = [:]
        var lastPrune = Date.distantPast
    }

    private let state = Mutex(State())
    /// Failures one address may make within the window (`loginAttempts`).
    let limit: Int
    /// Failures one account may take from all addresses within the window.
    let accountLimit: Int
    let window: TimeInterval

    /// How many times the per-address limit one account may take from all addresses together.
    public static let accountFactor = 4
    /// How long a successful sign-in from an address exempts it from its account's limit.
    public static let trustDuration: TimeInterval = 30 * 86_400

    /// - Parameters:
    ///   - attempts: failures per address per window (`loginAttempts` of Policies/accounts.yaml), at least 1.
    ///   - windowMinutes: the window (`loginWindowMinutes`), at least 1.
    public init(attempts: Int, windowMinutes: Int) {
        limit = max(attempts, 1)
        let (product, overflow) = limit.multipliedReportingOverflow(by: Self.accountFactor)
        accountLimit = overflow ? Int.max : product
        window = Double(max(windowMinutes, 1)) * 60
    }

    /// Counts an attempt for `username` from `address`, or refuses it when a limit is reached.
    ///
    /// The attempt counts as a failure until ``succeeded(_:)`` takes it back.
    public func reserve(username: String, address: String, now: Date = Date()) -> Result<Reservation, Refusal> {
        let user = username.lowercased()
        return state.withLock { state in
            prune(&state, now: now)
            let addressFailures = recent(state.byAddress[address], now)
            guard addressFailures.count < limit else { return .failure(.address) }
            let accountFailures = recent(state.byAccount[user], now)
            let trusted = state.trusted[user]?[address].map { now.timeIntervalSince($0) < Self.trustDuration } ?? false
            guard accountFailures.count < accountLimit || trusted else { return .failure(.account) }
            state.byAddress[address] = addressFailures + [now]
            state.byAccount[user] = accountFailures + [now]
            return .success(Reservation(user: user, address: address, time: now))
        }
    }

    /// The password was right: takes the attempt back and trusts the address for the account.
    public func succeeded(_ reservation: Reservation) {
        state.withLock { state in
            Self.remove(reservation.time, from: &state.byAddress, key: reservation.address)
            Self.remove(reservation.time, from: &state.byAccount, key: reservation.user)
            state.trusted[reservation.user, default: [:]][reservation.address] = reservation.time
        }
    }

    private func recent(_ times: [Date]?, _ now: Date) -> [Date] {
        (times ?? []).filter { now.timeIntervalSince($0) < window }
    }

    private static func remove(_ time: Date, from table: inout [String: [Date]], key: String) {
        guard var times = table[key], let index = times.firstIndex(of: time) else { return }
        times.remove(at: index)
        table[key] = times.isEmpty ? nil : times
    }

    /// Forgets counts older than the window and trust older than its duration, at most once a
    /// minute, so that guessing many usernames or addresses cannot grow the tables without end.
    private func prune(_ state: inout State, now: Date) {
        guard now.timeIntervalSince(state.lastPrune) >= 60 else { return }
        state.lastPrune = now
        state.byAddress = state.byAddress.compactMapValues { times in
            let kept = recent(times, now)
            return kept.isEmpty ? nil : kept
        }
        state.byAccount = state.byAccount.compactMapValues { times in
            let kept = recent(times, now)
            return kept.isEmpty ? nil : kept
        }
        state.trusted = state.trusted.compactMapValues { addresses in
            let kept = addresses.filter { now.timeIntervalSince($0.value) < Self.trustDuration }
            return kept.isEmpty ? nil : kept
        }
    }
}
