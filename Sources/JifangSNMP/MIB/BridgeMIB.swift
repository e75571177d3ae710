/// BRIDGE-MIB (RFC 4188): the transparent bridge a switch is.
public enum BridgeMIB {
    /// Number of ports the bridge controls.
    public static let dot1dBaseNumPorts: OID = "1.3.6.1.2.1.17.1.2.0"
}
