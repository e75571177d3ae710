/// Cisco MIBs for CPU, memory, environment, flash and VLANs (enterprise 9).
public enum CiscoMIBs {
    public static let enterprise: OID = "1.3.6.1.4.1.9"

    /// CISCO-PROCESS-MIB `cpmCPUTotalTable`, one row per CPU.
    public enum Process {
        /// Percent busy over the last minute (0–100), pre-12.0(3)T agents.
        public static let cpmCPUTotal1min: OID = "1.3.6.1.4.1.9.9.109.1.1.1.1.4"
        /// Percent busy over the last minute (0–100).
        public static let cpmCPUTotal1minRev: OID = "1.3.6.1.4.1.9.9.109.1.1.1.1.7"
        /// Percent busy over the last five minutes (0–100).
        public static let cpmCPUTotal5minRev: OID = "1.3.6.1.4.1.9.9.109.1.1.1.1.8"
        /// Processor memory used/free in KiB (newer IOS, NX-OS).
        public static let cpmCPUMemoryUsed: OID = "1.3.6.1.4.1.9.9.109.1.1.1.1.12"
        public static let cpmCPUMemoryFree: OID = "1.3.6.1.4.1.9.9.109.1.1.1.1.13"
    }

    /// CISCO-MEMORY-POOL-MIB `ciscoMemoryPoolTable`: bytes used and free per pool.
    public enum MemoryPool {
        public static let ciscoMemoryPoolName: OID = "1.3.6.1.4.1.9.9.48.1.1.1.2"
        public static let ciscoMemoryPoolUsed: OID = "1.3.6.1.4.1.9.9.48.1.1.1.5"
        public static let ciscoMemoryPoolFree: OID = "1.3.6.1.4.1.9.9.48.1.1.1.6"
    }

    /// CISCO-ENVMON-MIB: temperature, fan and power-supply status tables.
    ///
    /// States: normal(1), warning(2), critical(3), shutdown(4), notPresent(5), notFunctioning(6).
    public enum EnvMon {
        public static let temperatureDescr: OID = "1.3.6.1.4.1.9.9.13.1.3.1.2"
        /// °C.
        public static let temperatureValue: OID = "1.3.6.1.4.1.9.9.13.1.3.1.3"
        public static let temperatureState: OID = "1.3.6.1.4.1.9.9.13.1.3.1.6"
        public static let fanDescr: OID = "1.3.6.1.4.1.9.9.13.1.4.1.2"
        public static let fanState: OID = "1.3.6.1.4.1.9.9.13.1.4.1.3"
        public static let supplyDescr: OID = "1.3.6.1.4.1.9.9.13.1.5.1.2"
        public static let supplyState: OID = "1.3.6.1.4.1.9.9.13.1.5.1.3"
    }

    /// CISCO-FLASH-MIB `ciscoFlashDeviceTable`.
    public enum Flash {
        /// Device size in bytes (0 if larger than 4 GiB; see the extended size).
        public static let ciscoFlashDeviceSize: OID = "1.3.6.1.4.1.9.9.10.1.1.2.1.2"
    }

    /// CISCO-VTP-MIB `vtpVlanTable` state column, indexed by management domain and VLAN ID.
    public enum VTP {
        public static let vtpVlanState: OID = "1.3.6.1.4.1.9.9.46.1.3.1.1.2"
    }
}
