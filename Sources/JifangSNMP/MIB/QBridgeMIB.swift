/// Q-BRIDGE-MIB (RFC 4363): IEEE 802.1Q VLANs.
public enum QBridgeMIB {
    /// The 802.1Q version the device implements (1 = IEEE 802.1Q-1998); present means VLAN capable.
    public static let dot1qVlanVersionNumber: OID = "1.3.6.1.2.1.17.7.1.1.1.0"
    /// Largest VLAN ID the device supports.
    public static let dot1qMaxVlanId: OID = "1.3.6.1.2.1.17.7.1.1.2.0"
    /// VLANs currently configured.
    public static let dot1qNumVlans: OID = "1.3.6.1.2.1.17.7.1.1.4.0"
    /// `dot1qVlanStaticName` column of `dot1qVlanStaticTable`, indexed by VLAN ID.
    public static let dot1qVlanStaticName: OID = "1.3.6.1.2.1.17.7.1.4.3.1.1"

    public static let scalars: [OID] = [dot1qVlanVersionNumber, dot1qMaxVlanId, dot1qNumVlans]
}
