/// SNMPv2-MIB (RFC 3418) system group: what every agent says about itself.
public enum SNMPv2MIB {
    /// The system group subtree, `1.3.6.1.2.1.1`.
    public static let system: OID = "1.3.6.1.2.1.1"
    /// Free-text description of the device (hardware, OS, version).
    public static let sysDescr: OID = "1.3.6.1.2.1.1.1.0"
    /// The vendor's product OID, under the vendor's enterprise number.
    public static let sysObjectID: OID = "1.3.6.1.2.1.1.2.0"
    /// TimeTicks (hundredths of a second) since the agent's network management part restarted.
    public static let sysUpTime: OID = "1.3.6.1.2.1.1.3.0"
    public static let sysContact: OID = "1.3.6.1.2.1.1.4.0"
    public static let sysName: OID = "1.3.6.1.2.1.1.5.0"
    public static let sysLocation: OID = "1.3.6.1.2.1.1.6.0"

    /// The scalars a poll reads first, in one GET.
    public static let systemScalars: [OID] = [sysDescr, sysObjectID, sysUpTime, sysContact, sysName, sysLocation]

    /// Enterprise numbers live under this prefix (`1.3.6.1.4.1.<enterprise>`).
    public static let enterprises: OID = "1.3.6.1.4.1"
}
