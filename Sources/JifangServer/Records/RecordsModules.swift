import Foundation
import JifangModel
import JifangRecords
import JifangStore

/// The operations-records part of the UI: duty log, asset register and lending desk, ready to
/// pass to ``WebServer/init(store:policy:options:modules:)``.
public enum RecordsModules {
    /// Makers of the duty-log, asset-register and lending-desk modules under `policy`
    /// (Policies/records.yaml).
    public static func makers(policy: RecordsPolicy) -> [@Sendable (WebServerParts) -> any WebModule] {
        [
            { parts in DutyLogModule(store: parts.store, policy: policy, layout: parts.layout) },
            { parts in AssetsModule(store: parts.store, policy: policy, layout: parts.layout) },
            { parts in LendingModule(store: parts.store, policy: policy, layout: parts.layout) },
        ]
    }
}

/// Who a signed-in account is in the staff register: records name the person who did what.
///
/// An account matches the staff member whose id is its username, else whose name is its display
/// name. Accounts with no match may read the records but not write them (the records module
/// refuses authors who are not registered staff).
struct StaffIdentity {
    let store: Store

    /// The staff id of `account`, or its username when no staff member matches (the records
    /// module then refuses and says so).
    func key(for account: Account?) -> String {
        guard let account else { return "anonymous" }
        if let person = try? store.staffMember(account.username) { return person.id }
        if let person = try? store.staffMember(account.displayName) { return person.id }
        return account.username
    }

    /// The staff member of `account`, if registered.
    func person(for account: Account?) -> StaffMember? {
        guard let account else { return nil }
        return (try? store.staffMember(account.username)) ?? (try? store.staffMember(account.displayName)) ?? nil
    }

    /// Staff id → name, for showing who wrote or did what.
    func names() throws -> [String: String] {
        Dictionary(try store.staff().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The notice above a records form when `account` is no registered staff member (it may read
    /// the records but not write them); `nil` when it is one.
    func notStaffNotice(for account: Account?, _ t: Localizer) -> HTML? {
        person(for: account) == nil ? "<p class=\"notice error\">\(t(.notStaff))</p>" : nil
    }

    /// The staff member `account` acts as through the API; an account that is none may not `act`
    /// (a 403 refusal that says so).
    func apiActor(_ account: Account?, mayNot act: String) throws -> StaffMember {
        guard let person = person(for: account) else {
            throw JSONRefusal(
                "the account \(account?.username ?? "") matches no registered staff member, so it may not \(act)",
                status: .forbidden)
        }
        return person
    }
}

/// Today and dates as the records policy counts them.
struct RecordsClock {
    let policy: RecordsPolicy

    var today: CalendarDay { CalendarDay(Date(), utcOffsetSeconds: policy.utcOffsetSeconds) }

    /// `HH:mm` of `date` at the policy's offset.
    func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: policy.utcOffsetSeconds)
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }
}
