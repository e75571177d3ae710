import Foundation
import JifangStore

/// The one way a web form writes a record: the write and its audit-trail entry in one call, with
/// the signed-in account as actor and the request's remote address as origin.
///
/// JSON writes get their entry from ``SecuredRoutes/postJSON(_:_:as:_:)``; forms go through
/// ``record(_:by:_:entry:)``, so neither can store a record and forget to say who did it.
/// The entry is appended right after the record's own transaction commits (the records desks
/// write through their own store calls); if appending fails, the request fails with the error.
struct AuditTrail: Sendable {
    let store: Store

    /// The signed-in account and where it asks from.
    static func actor(_ context: WebContext) -> Store.Actor {
        Store.Actor(context.account?.username ?? "anonymous", origin: context.remoteAddress)
    }

    /// Runs `write`; when it stored something (returned non-nil), appends `action` with the
    /// subject and detail `entry` gives for it, and returns what was stored. A write that stored
    /// nothing (a refused form, `nil`) leaves no entry.
    @discardableResult
    func record<Record>(
        _ action: String, by context: WebContext, _ write: () throws -> Record?,
        entry: (Record) -> (subject: String, detail: String)
    ) throws -> Record? {
        guard let stored = try write() else { return nil }
        let (subject, detail) = entry(stored)
        try store.appendAudit(
            actor: Self.actor(context), action: action, subject: subject, detail: String(detail.prefix(500)))
        return stored
    }

    /// Runs `write`, which changes something without returning a record (it throws if it stores
    /// nothing), then appends the entry.
    func record(
        _ action: String, subject: String, detail: String, by context: WebContext, _ write: () throws -> Void
    ) throws {
        try record(action, by: context, { try write() as Void? }, entry: { _ in (subject, detail) })
    }

    /// Appends the entry of a change made outside this process's store calls and known to have
    /// succeeded (a switch port set up over SNMP, then marked released).
    func append(_ action: String, subject: String, detail: String, by context: WebContext) throws {
        try store.appendAudit(
            actor: Self.actor(context), action: action, subject: subject, detail: String(detail.prefix(500)))
    }
}
