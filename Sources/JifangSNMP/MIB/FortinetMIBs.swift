/// FORTINET-FORTIGATE-MIB (enterprise 12356).
public enum FortinetMIBs {
    public static let enterprise: OID = "1.3.6.1.4.1.12356"
    /// CPU usage, percent.
    public static let fgSysCpuUsage: OID = "1.3.6.1.4.1.12356.101.4.1.3.0"
    /// Memory usage, percent.
    public static let fgSysMemUsage: OID = "1.3.6.1.4.1.12356.101.4.1.4.0"
    /// Physical memory in KiB.
    public static let fgSysMemCapacity: OID = "1.3.6.1.4.1.12356.101.4.1.5.0"
    /// Active IP sessions.
    public static let fgSysSesCount: OID = "1.3.6.1.4.1.12356.101.4.1.8.0"
    /// IPsec tunnels that are up.
    public static let fgVpnTunnelUpCount: OID = "1.3.6.1.4.1.12356.101.12.1.1.0"
    /// `fgVpnTunEntStatus` column of `fgVpnTunTable`: down(1), up(2).
    public static let fgVpnTunEntStatus: OID = "1.3.6.1.4.1.12356.101.12.2.2.1.20"
}
