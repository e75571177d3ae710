/// IF-MIB (RFC 2863): the interfaces table and its 64-bit extension.
///
/// Column OIDs; a row's index is the `ifIndex`.
public enum IFMIB {
    /// `ifTable` columns (`1.3.6.1.2.1.2.2.1.x`).
    public enum IfTable {
        public static let ifIndex: OID = "1.3.6.1.2.1.2.2.1.1"
        public static let ifDescr: OID = "1.3.6.1.2.1.2.2.1.2"
        /// IANAifType number (6 = ethernetCsmacd).
        public static let ifType: OID = "1.3.6.1.2.1.2.2.1.3"
        public static let ifMtu: OID = "1.3.6.1.2.1.2.2.1.4"
        /// Gauge32 in bit/s; saturates at 4294967295 for interfaces faster than ~4.3 Gbit/s.
        public static let ifSpeed: OID = "1.3.6.1.2.1.2.2.1.5"
        public static let ifPhysAddress: OID = "1.3.6.1.2.1.2.2.1.6"
        public static let ifAdminStatus: OID = "1.3.6.1.2.1.2.2.1.7"
        public static let ifOperStatus: OID = "1.3.6.1.2.1.2.2.1.8"
        /// Counter32 octets received.
        public static let ifInOctets: OID = "1.3.6.1.2.1.2.2.1.10"
        public static let ifInDiscards: OID = "1.3.6.1.2.1.2.2.1.13"
        public static let ifInErrors: OID = "1.3.6.1.2.1.2.2.1.14"
        /// Counter32 octets sent.
        public static let ifOutOctets: OID = "1.3.6.1.2.1.2.2.1.16"
        public static let ifOutDiscards: OID = "1.3.6.1.2.1.2.2.1.19"
        public static let ifOutErrors: OID = "1.3.6.1.2.1.2.2.1.20"
    }

    /// `ifXTable` columns (`1.3.6.1.2.1.31.1.1.1.x`).
    public enum IfXTable {
        /// The name the device's own CLI uses (`Gi0/1`); preferred over `ifDescr`.
        public static let ifName: OID = "1.3.6.1.2.1.31.1.1.1.1"
        /// Counter64 octets received (HC = high capacity).
        public static let ifHCInOctets: OID = "1.3.6.1.2.1.31.1.1.1.6"
        /// Counter64 octets sent.
        public static let ifHCOutOctets: OID = "1.3.6.1.2.1.31.1.1.1.10"
        /// Gauge32 in units of 1,000,000 bit/s.
        public static let ifHighSpeed: OID = "1.3.6.1.2.1.31.1.1.1.15"
        /// Free text an administrator gave the interface.
        public static let ifAlias: OID = "1.3.6.1.2.1.31.1.1.1.18"
    }
}
