import JifangModel
import JifangSNMP

/// Decodes the SNMPv2-MIB system group.
public enum SystemDecoder {
    /// `SystemInfo` from the varbinds of a GET of ``SNMPv2MIB/systemScalars``; `entities` is left
    /// empty (see ``EntityDecoder``). Missing or wrongly typed values stay `nil`.
    public static func decode(_ varbinds: [VarBind]) -> SystemInfo {
        let values = VarBindLookup(varbinds)
        var info = SystemInfo()
        info.sysDescr = values[SNMPv2MIB.sysDescr]?.text
        info.sysObjectID = values[SNMPv2MIB.sysObjectID]?.oid?.description
        info.sysName = values[SNMPv2MIB.sysName]?.text
        info.sysLocation = values[SNMPv2MIB.sysLocation]?.text
        info.sysContact = values[SNMPv2MIB.sysContact]?.text
        if case .timeTicks(let ticks) = values[SNMPv2MIB.sysUpTime] {
            info.uptimeSeconds = Double(ticks) / 100
        }
        return info
    }
}
