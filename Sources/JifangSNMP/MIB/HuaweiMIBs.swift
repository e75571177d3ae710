/// Huawei MIBs (enterprise 2011).
public enum HuaweiMIBs {
    public static let enterprise: OID = "1.3.6.1.4.1.2011"

    /// HUAWEI-ENTITY-EXTENT-MIB `hwEntityStateTable`, indexed by `entPhysicalIndex`.
    ///
    /// Boards without a CPU report 0 for usage and memory size.
    public enum EntityExtent {
        /// CPU usage, percent.
        public static let hwEntityCpuUsage: OID = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1.5"
        /// Memory usage, percent.
        public static let hwEntityMemUsage: OID = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1.7"
        /// Memory size in bytes.
        public static let hwEntityMemSize: OID = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1.9"
        /// Board temperature, °C.
        public static let hwEntityTemperature: OID = "1.3.6.1.4.1.2011.5.25.31.1.1.1.1.11"
    }
}
