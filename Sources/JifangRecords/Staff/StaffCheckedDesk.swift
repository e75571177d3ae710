import JifangStore

/// A records desk whose writers must be registered staff: it asks the staff register kept in
/// the same store who may write, borrow or sign.
protocol StaffCheckedDesk: Sendable {
    var store: Store { get }
}

extension StaffCheckedDesk {
    /// The staff register of the desk's store.
    var staff: StaffRegister { StaffRegister(store: store) }
}
