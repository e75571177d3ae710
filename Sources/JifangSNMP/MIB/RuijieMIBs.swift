/// Ruijie MIBs (enterprise 4881).
public enum RuijieMIBs {
    public static let enterprise: OID = "1.3.6.1.4.1.4881"
    /// RUIJIE-PROCESS-MIB: total CPU percent over the last minute.
    public static let ruijieCPUUtilization1Min: OID = "1.3.6.1.4.1.4881.1.1.10.2.36.1.1.2.0"
    /// RUIJIE-PROCESS-MIB: total CPU percent over the last five minutes.
    public static let ruijieCPUUtilization5Min: OID = "1.3.6.1.4.1.4881.1.1.10.2.36.1.1.3.0"
    /// RUIJIE-MEMORY-MIB `ruijieMemoryPoolTable`: current utilization, percent.
    public static let ruijieMemoryPoolCurrentUtilization: OID = "1.3.6.1.4.1.4881.1.1.10.2.35.1.1.1.3"
    /// RUIJIE-MEMORY-MIB `ruijieMemoryPoolTable`: pool size in KiB.
    public static let ruijieMemoryPoolSize: OID = "1.3.6.1.4.1.4881.1.1.10.2.35.1.1.1.6"
}
