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
/// Only the account's explicit link (``Account/staffID``, set by `jifang users link` or the
/// Accounts page) makes it a staff member; its username or display name are never matched
/// against the register, so an account named like a colleague cannot write as that colleague.
/// Accounts without a link may read the records but not write them.
struct StaffIdentity {
    let store: Store

    /// The staff member `account` is linked to, if the link names a registered member.
    func person(for account: Account?) throws -> StaffMember? {
        guard let id = account?.staffID else { return nil }
        // The register is looked up by id only: `staffMember(_:)` would also take a name.
        return try store.staff().first { $0.id == id }
    }

    /// Staff id → name, for showing who wrote or did what.
    func names() throws -> [String: String] {
        Dictionary(try store.staff().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The notice above a records form when `account` is no registered staff member (it may read
    /// the records but not write them); `nil` when it is one.
    func notStaffNotice(for account: Account?, _ t: Localizer) throws -> HTML? {
        try person(for: account) == nil ? "<p class=\"notice error\">\(t(.notStaff))</p>" : nil
    }

    /// The staff member `account` acts as through the API; an account that is none may not `act`
    /// (a 403 refusal that says so).
    func apiActor(_ account: Account?, mayNot act: String) throws -> StaffMember {
        guard let person = try person(for: account) else {
            throw JSONRefusal(
                "the account \(account?.username ?? "") is linked to no registered staff member, so it may not \(act)",
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
