/// Where an asset stands in its life (Art. 135–139).
public enum AssetState: String, Sendable, Codable, CaseIterable {
    /// Running and in someone's charge.
    case inUse = "in-use"
    /// Not in use; must still be powered on and run once a month (Art. 137).
    case idle
    /// Reported faulty and taken out of service until repaired (Art. 135, 138).
    case underRepair = "under-repair"
    /// Written off and handed over (Art. 139); final.
    case scrapped

    /// The Chinese term users read in the register.
    public var chinese: String {
        switch self {
        case .inUse: "在用"
        case .idle: "闲置"
        case .underRepair: "维修"
        case .scrapped: "报废"
        }
    }

    /// Parses the English or Chinese term, the Snipe-IT status names (`Deployed`, `Ready to Deploy`,
    /// `Pending`, `Archived`) or NetBox's (`active`, `offline`, `planned`, `staged`, `failed`,
    /// `inventory`, `decommissioning`).
    public init?(term: String) {
        let t = term.trimmingCharacters(in: .whitespaces).lowercased()
        if let state = AssetState(rawValue: t) { self = state; return }
        switch t {
        case "在用", "in use", "deployed", "active": self = .inUse
        case "闲置", "ready to deploy", "ready-to-deploy", "inventory", "planned", "staged", "offline": self = .idle
        case "维修", "under repair", "pending", "broken", "failed": self = .underRepair
        case "报废", "archived", "decommissioned", "decommissioning", "undeployable": self = .scrapped
        default: return nil
        }
    }
}

/// What an asset is. Network devices come from discovery; the rest is entered by hand (Art. 132).
public enum AssetKind: String, Sendable, Codable, CaseIterable {
    case router
    case `switch`
    case server
    case firewall
    case ups
    case pc
    case printer
    case upsBattery = "ups-battery"
    case airConditioner = "air-conditioner"
    case testTool = "test-tool"
    case sparePart = "spare-part"
    case other

    /// The asset kind of a classified device.
    public init(_ kind: DeviceKind) {
        switch kind {
        case .router: self = .router
        case .switch: self = .switch
        case .server: self = .server
        case .ups: self = .ups
        case .firewall: self = .firewall
        case .other: self = .other
        }
    }
}
