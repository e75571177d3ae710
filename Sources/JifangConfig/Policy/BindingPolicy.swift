import JifangModel

/// How binding violations are enforced (Policies/bindings.yaml, Art. 34 and 109).
///
/// The action for a violation comes from the binding's own `action`, else its unit's override,
/// else ``mode``. `shutdown` only changes a switch when ``enforce`` is true; otherwise the
/// enforcer prints and logs what it would do (a dry run). A port where more than
/// ``uplinkMACThreshold`` MACs are learned is an uplink or trunk and is never shut down.
public struct BindingPolicy: Sendable, Hashable {
    /// The site-wide action.
    public var mode: BindingAction
    /// Whether `shutdown` may really set ports down.
    public var enforce: Bool
    /// A port with more MACs than this is an uplink/trunk.
    public var uplinkMACThreshold: Int
    /// Per-unit overrides of ``mode``, by unit id.
    public var unitModes: [String: BindingAction]
    /// The event types that lead to a shutdown where the action is `shutdown`.
    public var shutdownOn: Set<String>
    /// How old (seconds) the switches' forwarding and ARP tables may get on a live watch with
    /// `--locate` or `--enforce` before they are read again; a MAC not found also triggers a read.
    public var forwardingRefreshSeconds: Int = 300

    public init(
        mode: BindingAction = .alert, enforce: Bool = false, uplinkMACThreshold: Int = 4,
        unitModes: [String: BindingAction] = [:],
        shutdownOn: Set<String> = ["binding-violation", "gratuitous-wrong-mac"]
    ) {
        self.mode = mode
        self.enforce = enforce
        self.uplinkMACThreshold = uplinkMACThreshold
        self.unitModes = unitModes
        self.shutdownOn = shutdownOn
    }

    /// The action for a violation of `entry` (or of an unbound station when `entry` is nil).
    public func action(for entry: BindingEntry?) -> BindingAction {
        if let action = entry?.action { return action }
        if let unit = entry?.unit, let action = unitModes[unit] { return action }
        return mode
    }
}
