/// BRIDGE-MIB and Q-BRIDGE-MIB forwarding databases: which MAC a switch learned on which port.
extension BridgeMIB {
    /// `dot1dBasePortIfIndex`, indexed by bridge port: the ifIndex of each bridge port.
    public static let dot1dBasePortIfIndex: OID = "1.3.6.1.2.1.17.1.4.1.2"
    /// `dot1dTpFdbPort`, indexed by the six MAC octets: the bridge port the MAC was learned on.
    public static let dot1dTpFdbPort: OID = "1.3.6.1.2.1.17.4.3.1.2"
    /// `dot1dTpFdbStatus` (3 learned, 4 self, 5 mgmt), same index.
    public static let dot1dTpFdbStatus: OID = "1.3.6.1.2.1.17.4.3.1.3"
}

extension QBridgeMIB {
    /// `dot1qTpFdbPort`, indexed by FDB id (usually the VLAN) and the six MAC octets.
    public static let dot1qTpFdbPort: OID = "1.3.6.1.2.1.17.7.1.2.2.1.2"
    /// `dot1qTpFdbStatus` (3 learned, 4 self, 5 mgmt), same index.
    public static let dot1qTpFdbStatus: OID = "1.3.6.1.2.1.17.7.1.2.2.1.3"
}
