/// One row of the binding register: an ``AddressBinding`` with where the station belongs and,
/// optionally, where it is plugged in and what enforcement applies to it.
///
/// `switch` and `port` name an inventory device and one of its interfaces (`ifName`, e.g.
/// `GigabitEthernet0/0/7`); when they are absent the enforcer finds the port from the switches'
/// forwarding tables.
public struct BindingEntry: Sendable, Hashable, Codable {
    public var ip: IPv4Address
    public var mac: MACAddress
    /// The person or device responsible for the station, free text.
    public var owner: String?
    /// The organisation unit id the station belongs to (see ``OrganisationUnit``).
    public var unit: String?
    /// The VLAN the station lives on; `nil` means any.
    public var vlan: UInt16?
    /// The inventory name of the switch the station is plugged into, if known.
    public var switchName: String?
    /// The switch port (ifName) the station is plugged into, if known.
    public var port: String?
    /// Enforcement for this binding; `nil` follows the unit's or the site's policy.
    public var action: BindingAction?

    public init(
        ip: IPv4Address, mac: MACAddress, owner: String? = nil, unit: String? = nil, vlan: UInt16? = nil,
        switchName: String? = nil, port: String? = nil, action: BindingAction? = nil
    ) {
        self.ip = ip
        self.mac = mac
        self.owner = owner
        self.unit = unit
        self.vlan = vlan
        self.switchName = switchName
        self.port = port
        self.action = action
    }

    /// The entry as the ARP watcher's binding table needs it.
    public var binding: AddressBinding { AddressBinding(ip: ip, mac: mac, owner: owner, vlan: vlan) }

    private enum CodingKeys: String, CodingKey {
        case ip, mac, owner, unit, vlan
        case switchName = "switch"
        case port, action
    }
}

/// What to do when a binding is violated (Art. 34).
public enum BindingAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Record the violation in the duty log and raise it; the default.
    case alert
    /// Also shut the offender's access port by SNMP SET, when the policy says `enforce: true`.
    case shutdown
}
