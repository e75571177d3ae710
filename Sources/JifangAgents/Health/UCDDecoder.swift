import JifangSNMP

/// Decodes net-snmp's UCD-SNMP-MIB memory and CPU scalars.
public enum UCDDecoder {
    /// `100 − ssCpuIdle`, or `nil` when not reported.
    public static func cpuPercent(_ varbinds: [VarBind]) -> Double? {
        guard let idle = VarBindLookup(varbinds)[UCDSNMPMIB.ssCpuIdle]?.int, (0...100).contains(idle) else {
            return nil
        }
        return Double(100 - idle)
    }

    /// Percent of real memory in use, not counting buffers and page cache:
    /// `(memTotalReal − memAvailReal − memBuffer − memCached) / memTotalReal`.
    /// Buffers and cache count as used when the agent does not report them.
    public static func memoryPercent(_ varbinds: [VarBind]) -> Double? {
        let values = VarBindLookup(varbinds)
        guard let total = values[UCDSNMPMIB.memTotalReal]?.int, total > 0,
            let available = values[UCDSNMPMIB.memAvailReal]?.int
        else { return nil }
        let buffers = values[UCDSNMPMIB.memBuffer]?.int ?? 0
        let cached = values[UCDSNMPMIB.memCached]?.int ?? 0
        let used = max(0, total - available - buffers - cached)
        return Double(used) / Double(total) * 100
    }

    /// `memTotalReal` in bytes.
    public static func memoryBytes(_ varbinds: [VarBind]) -> Double? {
        VarBindLookup(varbinds)[UCDSNMPMIB.memTotalReal]?.int.flatMap { $0 > 0 ? Double($0) * 1024 : nil }
    }
}
