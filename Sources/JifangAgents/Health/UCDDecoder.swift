import JifangSNMP

/// Decodes net-snmp's UCD-SNMP-MIB memory and CPU scalars.
///
/// UCD-SNMP-MIB types `ssCpuIdle` as `Integer32 (0..100)` and the memory sizes (KiB) as
/// `Integer32 (0..2147483647)`; a value outside is dropped and recorded in `problems`.
public enum UCDDecoder {
    static let section = "UCD-SNMP-MIB"

    /// `100 − ssCpuIdle`, or `nil` when not reported.
    public static func cpuPercent(_ varbinds: [VarBind], problems: inout DecodeProblems) -> Double? {
        let value = VarBindLookup(varbinds)[UCDSNMPMIB.ssCpuIdle]
        guard let idle = problems.integer(value, in: DecodeProblems.percent, section, UCDSNMPMIB.ssCpuIdle) else {
            return nil
        }
        return Double(100 - idle)
    }

    /// Percent of real memory in use, not counting buffers and page cache:
    /// `(memTotalReal − memAvailReal − memBuffer − memCached) / memTotalReal`.
    /// Buffers and cache count as used when the agent does not report them.
    public static func memoryPercent(_ varbinds: [VarBind], problems: inout DecodeProblems) -> Double? {
        let values = VarBindLookup(varbinds)
        func kibibytes(_ oid: OID) -> Int64? {
            problems.integer(values[oid], in: DecodeProblems.nonNegative32, section, oid)
        }
        guard let total = kibibytes(UCDSNMPMIB.memTotalReal), total > 0,
            let available = kibibytes(UCDSNMPMIB.memAvailReal)
        else { return nil }
        // Each term lies in 0...2^31-1, so the difference cannot overflow Int64.
        let buffers = kibibytes(UCDSNMPMIB.memBuffer) ?? 0
        let cached = kibibytes(UCDSNMPMIB.memCached) ?? 0
        let used = max(0, total - available - buffers - cached)
        return Double(used) / Double(total) * 100
    }

    /// `memTotalReal` in bytes.
    public static func memoryBytes(_ varbinds: [VarBind]) -> Double? {
        VarBindLookup(varbinds)[UCDSNMPMIB.memTotalReal]?.int.flatMap { $0 > 0 ? Double($0) * 1024 : nil }
    }
}
