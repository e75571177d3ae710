/// UCD-SNMP-MIB: net-snmp's own memory, CPU and load scalars (`1.3.6.1.4.1.2021`).
public enum UCDSNMPMIB {
    /// Total swap in KiB.
    public static let memTotalSwap: OID = "1.3.6.1.4.1.2021.4.3.0"
    public static let memAvailSwap: OID = "1.3.6.1.4.1.2021.4.4.0"
    /// Total physical memory in KiB.
    public static let memTotalReal: OID = "1.3.6.1.4.1.2021.4.5.0"
    /// Free physical memory in KiB (not counting buffers and cache).
    public static let memAvailReal: OID = "1.3.6.1.4.1.2021.4.6.0"
    public static let memTotalFree: OID = "1.3.6.1.4.1.2021.4.11.0"
    public static let memShared: OID = "1.3.6.1.4.1.2021.4.13.0"
    /// Memory used for kernel buffers, KiB; reclaimable.
    public static let memBuffer: OID = "1.3.6.1.4.1.2021.4.14.0"
    /// Memory used for the page cache, KiB; reclaimable.
    public static let memCached: OID = "1.3.6.1.4.1.2021.4.15.0"

    /// `laLoad` column: 1-, 5- and 15-minute load averages as text (`"0.46"`), rows 1–3.
    public static let laLoad: OID = "1.3.6.1.4.1.2021.10.1.3"

    /// Percentage of CPU time in user, system and idle state (integers).
    public static let ssCpuUser: OID = "1.3.6.1.4.1.2021.11.9.0"
    public static let ssCpuSystem: OID = "1.3.6.1.4.1.2021.11.10.0"
    public static let ssCpuIdle: OID = "1.3.6.1.4.1.2021.11.11.0"

    /// Every scalar the health collector reads, in one GET.
    public static let scalars: [OID] = [
        memTotalSwap, memAvailSwap, memTotalReal, memAvailReal, memTotalFree, memBuffer, memCached,
        ssCpuUser, ssCpuSystem, ssCpuIdle,
    ]
}
