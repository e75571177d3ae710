import JifangModel
import JifangStore

/// What every records module (duty log, asset register, lending desk) keeps besides its own book:
/// who the signed-in account is in the staff register, the audit trail every form write goes
/// through, today under the records policy, and the page layout.
struct RecordsModuleParts: Sendable {
    let staff: StaffIdentity
    let audit: AuditTrail
    let clock: RecordsClock
    let layout: Layout

    init(store: Store, policy: RecordsPolicy, layout: Layout) {
        staff = StaffIdentity(store: store)
        audit = AuditTrail(store: store)
        clock = RecordsClock(policy: policy)
        self.layout = layout
    }
}

/// A web module over the operations records, built on ``RecordsModuleParts``.
protocol RecordsWebModule: WebModule {
    var parts: RecordsModuleParts { get }
}

extension RecordsWebModule {
    var staff: StaffIdentity { parts.staff }
    var audit: AuditTrail { parts.audit }
    var clock: RecordsClock { parts.clock }
    var layout: Layout { parts.layout }
}
