/// ENTITY-MIB (RFC 6933) `entPhysicalTable`: the device's chassis, modules, fans, supplies, ports.
///
/// Index is `entPhysicalIndex`, which ENTITY-SENSOR-MIB and several vendor MIBs reuse.
public enum EntityMIB {
    public static let entPhysicalDescr: OID = "1.3.6.1.2.1.47.1.1.1.1.2"
    public static let entPhysicalVendorType: OID = "1.3.6.1.2.1.47.1.1.1.1.3"
    public static let entPhysicalContainedIn: OID = "1.3.6.1.2.1.47.1.1.1.1.4"
    /// `PhysicalClass`: chassis(3), powerSupply(6), fan(7), sensor(8), module(9), port(10), cpu(12), …
    public static let entPhysicalClass: OID = "1.3.6.1.2.1.47.1.1.1.1.5"
    public static let entPhysicalName: OID = "1.3.6.1.2.1.47.1.1.1.1.7"
    public static let entPhysicalHardwareRev: OID = "1.3.6.1.2.1.47.1.1.1.1.8"
    public static let entPhysicalFirmwareRev: OID = "1.3.6.1.2.1.47.1.1.1.1.9"
    public static let entPhysicalSoftwareRev: OID = "1.3.6.1.2.1.47.1.1.1.1.10"
    public static let entPhysicalSerialNum: OID = "1.3.6.1.2.1.47.1.1.1.1.11"
    public static let entPhysicalMfgName: OID = "1.3.6.1.2.1.47.1.1.1.1.12"
    public static let entPhysicalModelName: OID = "1.3.6.1.2.1.47.1.1.1.1.13"

    /// The columns the collector walks.
    public static let columns: [OID] = [
        entPhysicalDescr, entPhysicalContainedIn, entPhysicalClass, entPhysicalName, entPhysicalHardwareRev,
        entPhysicalFirmwareRev, entPhysicalSoftwareRev, entPhysicalSerialNum, entPhysicalMfgName,
        entPhysicalModelName,
    ]
}
