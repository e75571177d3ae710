import JifangModel

/// Which state changes the asset register allows (Art. 135–139).
///
/// in-use ⇄ idle; in-use or idle → under-repair only by opening a repair ticket; under-repair →
/// in-use or idle only by closing it; anything → scrapped only with a scrapping record; scrapped is final.
public enum AssetLifecycle {
    /// How a change from one state to another must be made.
    public enum Route: Sendable, Equatable {
        case direct
        case openRepair
        case closeRepair
        case scrap
    }

    /// The route from `from` to `to`, or `nil` when the change is not allowed.
    public static func route(from: AssetState, to: AssetState) -> Route? {
        switch (from, to) {
        case (.scrapped, _): nil
        case (_, .scrapped): .scrap
        case (.inUse, .idle), (.idle, .inUse): .direct
        case (.inUse, .underRepair), (.idle, .underRepair): .openRepair
        case (.underRepair, .inUse), (.underRepair, .idle): .closeRepair
        default: nil
        }
    }
}
