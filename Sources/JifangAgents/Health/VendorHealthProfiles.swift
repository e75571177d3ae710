import JifangModel
import JifangSNMP

/// The vendor profiles Jifang knows, keyed by `sysObjectID` prefix.
public enum VendorHealthProfiles {
    /// CISCO-ENVMON-MIB states.
    static let ciscoStates: [Int64: SensorState] = [1: .ok, 2: .warning, 3: .failed, 4: .failed, 6: .failed]

    public static let cisco: VendorHealthProfile = {
        var p = VendorHealthProfile(
            name: "CISCO-PROCESS-MIB, CISCO-MEMORY-POOL-MIB, CISCO-ENVMON-MIB, CISCO-FLASH-MIB",
            enterprises: [CiscoMIBs.enterprise])
        p.cpuPercent = [
            .column(CiscoMIBs.Process.cpmCPUTotal5minRev, .average),
            .column(CiscoMIBs.Process.cpmCPUTotal1minRev, .average),
            .column(CiscoMIBs.Process.cpmCPUTotal1min, .average),
        ]
        p.memoryPercent = [
            .usedFreePercent(
                used: CiscoMIBs.MemoryPool.ciscoMemoryPoolUsed, free: CiscoMIBs.MemoryPool.ciscoMemoryPoolFree),
            .usedFreePercent(used: CiscoMIBs.Process.cpmCPUMemoryUsed, free: CiscoMIBs.Process.cpmCPUMemoryFree),
        ]
        p.memoryBytes = [
            .usedFreeTotal(
                used: CiscoMIBs.MemoryPool.ciscoMemoryPoolUsed, free: CiscoMIBs.MemoryPool.ciscoMemoryPoolFree),
            .usedFreeTotal(
                used: CiscoMIBs.Process.cpmCPUMemoryUsed, free: CiscoMIBs.Process.cpmCPUMemoryFree, scale: 1024),
        ]
        p.flashBytes = [.column(CiscoMIBs.Flash.ciscoFlashDeviceSize, .sum)]
        p.temperatures = [
            VendorSensorTable(
                value: CiscoMIBs.EnvMon.temperatureValue, unit: "°C", state: CiscoMIBs.EnvMon.temperatureState,
                states: ciscoStates, absentStates: [5], descr: CiscoMIBs.EnvMon.temperatureDescr)
        ]
        p.fans = [
            VendorSensorTable(
                state: CiscoMIBs.EnvMon.fanState, states: ciscoStates, absentStates: [5],
                descr: CiscoMIBs.EnvMon.fanDescr)
        ]
        p.powerSupplies = [
            VendorSensorTable(
                state: CiscoMIBs.EnvMon.supplyState, states: ciscoStates, absentStates: [5],
                descr: CiscoMIBs.EnvMon.supplyDescr)
        ]
        p.vlanColumns = [CiscoMIBs.VTP.vtpVlanState]
        return p
    }()

    public static let huawei: VendorHealthProfile = {
        var p = VendorHealthProfile(name: "HUAWEI-ENTITY-EXTENT-MIB", enterprises: [HuaweiMIBs.enterprise])
        let boards = [RowCondition.positive(HuaweiMIBs.EntityExtent.hwEntityMemSize)]
        p.cpuPercent = [.column(HuaweiMIBs.EntityExtent.hwEntityCpuUsage, .average, rows: boards)]
        p.memoryPercent = [.column(HuaweiMIBs.EntityExtent.hwEntityMemUsage, .average, rows: boards)]
        p.memoryBytes = [.column(HuaweiMIBs.EntityExtent.hwEntityMemSize, .maximum)]
        p.temperatures = [
            VendorSensorTable(value: HuaweiMIBs.EntityExtent.hwEntityTemperature, unit: "°C", skipZero: true)
        ]
        return p
    }()

    public static let h3c: VendorHealthProfile = {
        // Many devices with an H3C sysObjectID answer only under the older 2011.10 subtree.
        var p = VendorHealthProfile(
            name: "HH3C-ENTITY-EXT-MIB", enterprises: [H3CMIBs.enterprise, OID("1.3.6.1.4.1.2011.10")])
        let new = H3CMIBs.EntityExt.self
        let old = H3CMIBs.LegacyEntityExt.self
        p.cpuPercent = [
            .column(new.hh3cEntityExtCpuUsage, .average, rows: [.positive(new.hh3cEntityExtMemSize)]),
            .column(old.h3cEntityExtCpuUsage, .average, rows: [.positive(old.h3cEntityExtMemSize)]),
        ]
        p.memoryPercent = [
            .column(new.hh3cEntityExtMemUsage, .average, rows: [.positive(new.hh3cEntityExtMemSize)]),
            .column(old.h3cEntityExtMemUsage, .average, rows: [.positive(old.h3cEntityExtMemSize)]),
        ]
        p.memoryBytes = [
            .column(new.hh3cEntityExtMemSize, .maximum), .column(old.h3cEntityExtMemSize, .maximum),
        ]
        p.temperatures = [
            VendorSensorTable(value: new.hh3cEntityExtTemperature, unit: "°C", invalid: [65535], skipZero: true),
            VendorSensorTable(value: old.h3cEntityExtTemperature, unit: "°C", invalid: [65535], skipZero: true),
        ]
        return p
    }()

    public static let fortinet: VendorHealthProfile = {
        var p = VendorHealthProfile(name: "FORTINET-FORTIGATE-MIB", enterprises: [FortinetMIBs.enterprise])
        p.cpuPercent = [.scalar(FortinetMIBs.fgSysCpuUsage)]
        p.memoryPercent = [.scalar(FortinetMIBs.fgSysMemUsage)]
        p.memoryBytes = [.scalar(FortinetMIBs.fgSysMemCapacity, scale: 1024)]
        p.sessions = [.scalar(FortinetMIBs.fgSysSesCount)]
        p.vpnTunnels = [
            .scalar(FortinetMIBs.fgVpnTunnelUpCount), .countRows(FortinetMIBs.fgVpnTunEntStatus, equalTo: 2),
        ]
        return p
    }()

    public static let juniper: VendorHealthProfile = {
        var p = VendorHealthProfile(name: "JUNIPER-MIB jnxOperatingTable", enterprises: [JuniperMIBs.enterprise])
        // Line cards have CPUs and memory too; only the running (master) routing engine counts.
        let master = [
            RowCondition.contains(JuniperMIBs.jnxOperatingDescr, "Routing Engine"),
            .equals(JuniperMIBs.jnxOperatingState, 2),
        ]
        p.cpuPercent = [.column(JuniperMIBs.jnxOperatingCPU, .average, rows: master)]
        p.memoryPercent = [.column(JuniperMIBs.jnxOperatingBuffer, .average, rows: master)]
        p.memoryBytes = [.column(JuniperMIBs.jnxOperatingMemory, .maximum, scale: 1_048_576, rows: master)]
        p.temperatures = [
            VendorSensorTable(
                value: JuniperMIBs.jnxOperatingTemp, unit: "°C", descr: JuniperMIBs.jnxOperatingDescr, skipZero: true)
        ]
        return p
    }()

    public static let ruijie: VendorHealthProfile = {
        var p = VendorHealthProfile(name: "RUIJIE-PROCESS-MIB, RUIJIE-MEMORY-MIB", enterprises: [RuijieMIBs.enterprise])
        p.cpuPercent = [.scalar(RuijieMIBs.ruijieCPUUtilization5Min), .scalar(RuijieMIBs.ruijieCPUUtilization1Min)]
        p.memoryPercent = [.column(RuijieMIBs.ruijieMemoryPoolCurrentUtilization, .average)]
        p.memoryBytes = [.column(RuijieMIBs.ruijieMemoryPoolSize, .maximum, scale: 1024)]
        return p
    }()

    /// Every profile, in no particular order.
    public static let all: [VendorHealthProfile] = [cisco, huawei, h3c, fortinet, juniper, ruijie]

    /// Profiles whose enterprise prefix contains `sysObjectID`, most specific prefix first.
    public static func matching(sysObjectID: String?, in profiles: [VendorHealthProfile] = all) -> [VendorHealthProfile]
    {
        guard let sysObjectID, let oid = OID(sysObjectID) else { return [] }
        return profiles.compactMap { profile -> (Int, VendorHealthProfile)? in
            let lengths = profile.enterprises.filter { $0.isPrefix(of: oid) }.map(\.components.count)
            return lengths.max().map { ($0, profile) }
        }.sorted { $0.0 > $1.0 }.map(\.1)
    }
}
