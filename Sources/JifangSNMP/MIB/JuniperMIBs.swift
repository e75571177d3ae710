/// JUNIPER-MIB `jnxOperatingTable` (enterprise 2636), indexed by container.L1.L2.L3.
public enum JuniperMIBs {
    public static let enterprise: OID = "1.3.6.1.4.1.2636"
    public static let jnxOperatingDescr: OID = "1.3.6.1.4.1.2636.3.1.13.1.5"
    /// unknown(1), running(2), ready(3), reset(4), runningAtFullSpeed(5), down(6), standby(7).
    public static let jnxOperatingState: OID = "1.3.6.1.4.1.2636.3.1.13.1.6"
    /// °C; 0 where the component has no sensor.
    public static let jnxOperatingTemp: OID = "1.3.6.1.4.1.2636.3.1.13.1.7"
    /// CPU usage, percent.
    public static let jnxOperatingCPU: OID = "1.3.6.1.4.1.2636.3.1.13.1.8"
    /// Memory (buffer) usage, percent.
    public static let jnxOperatingBuffer: OID = "1.3.6.1.4.1.2636.3.1.13.1.11"
    /// Installed memory in MiB.
    public static let jnxOperatingMemory: OID = "1.3.6.1.4.1.2636.3.1.13.1.15"
}
