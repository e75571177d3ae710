import Foundation
import JifangModel
import JifangStore

/// Binding violations of a time window that nobody has dealt with yet (Art. 34, 109).
///
/// A violation is an ARP event of a type in ``types``: a bound address claimed by another MAC.
/// It counts as handled once a port action (shutdown, dry run or refusal) for the same MAC
/// follows it, or once the register binds the address to the MAC that was seen (an
/// administrator approved the new station).
struct BindingViolations {
    static let types: Set<ARPEventType> = [.bindingViolation, .gratuitousWrongMAC]

    /// The unhandled violations at or after `since`, newest first.
    static func unhandled(in store: Store, since: Date) throws -> [LocatedARPEvent] {
        let events = try store.arpEvents(since: since).filter { types.contains($0.event.type) }
        guard !events.isEmpty else { return [] }
        let bound = Dictionary(try store.bindings().map { ($0.ip, $0.mac) }, uniquingKeysWith: { a, _ in a })
        let actions = try store.portActions()
        return events.filter { located in
            let event = located.event
            if let ip = event.ip, let mac = event.mac, bound[ip] == mac { return false }
            return !actions.contains { action in
                action.mac != nil && action.mac == event.mac && action.time >= event.time
            }
        }.reversed()
    }
}
