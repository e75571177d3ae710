/// H3C (HPE Comware) MIBs: HH3C-ENTITY-EXT-MIB under enterprise 25506, and the same table under
/// its older Huawei-3Com home `1.3.6.1.4.1.2011.10` that many devices with an H3C sysObjectID still use.
///
/// Both tables are indexed by `entPhysicalIndex`; rows without a CPU report 0.
public enum H3CMIBs {
    public static let enterprise: OID = "1.3.6.1.4.1.25506"

    /// `hh3cEntityExtStateTable` (`1.3.6.1.4.1.25506.2.6.1.1.1.1`).
    public enum EntityExt {
        /// CPU usage, percent.
        public static let hh3cEntityExtCpuUsage: OID = "1.3.6.1.4.1.25506.2.6.1.1.1.1.6"
        /// Memory usage, percent.
        public static let hh3cEntityExtMemUsage: OID = "1.3.6.1.4.1.25506.2.6.1.1.1.1.8"
        /// Memory size in bytes.
        public static let hh3cEntityExtMemSize: OID = "1.3.6.1.4.1.25506.2.6.1.1.1.1.10"
        /// Temperature, °C; 65535 means not supported.
        public static let hh3cEntityExtTemperature: OID = "1.3.6.1.4.1.25506.2.6.1.1.1.1.12"
    }

    /// `h3cEntityExtStateTable` under `1.3.6.1.4.1.2011.10.2.6.1.1.1.1` (same columns).
    public enum LegacyEntityExt {
        public static let h3cEntityExtCpuUsage: OID = "1.3.6.1.4.1.2011.10.2.6.1.1.1.1.6"
        public static let h3cEntityExtMemUsage: OID = "1.3.6.1.4.1.2011.10.2.6.1.1.1.1.8"
        public static let h3cEntityExtMemSize: OID = "1.3.6.1.4.1.2011.10.2.6.1.1.1.1.10"
        public static let h3cEntityExtTemperature: OID = "1.3.6.1.4.1.2011.10.2.6.1.1.1.1.12"
    }
}
