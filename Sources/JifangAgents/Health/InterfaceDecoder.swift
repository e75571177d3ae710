import JifangModel
import JifangSNMP

/// Decodes IF-MIB `ifTable` + `ifXTable` + EtherLike-MIB into ``InterfaceStatus`` rows.
public enum InterfaceDecoder {
    /// The `ifTable` columns the collector walks.
    public static let ifTableColumns: [OID] = [
        IFMIB.IfTable.ifDescr, IFMIB.IfTable.ifType, IFMIB.IfTable.ifSpeed, IFMIB.IfTable.ifAdminStatus,
        IFMIB.IfTable.ifOperStatus, IFMIB.IfTable.ifInOctets, IFMIB.IfTable.ifInDiscards, IFMIB.IfTable.ifInErrors,
        IFMIB.IfTable.ifOutOctets, IFMIB.IfTable.ifOutDiscards, IFMIB.IfTable.ifOutErrors,
    ]
    /// The `ifXTable` columns the collector walks.
    public static let ifXTableColumns: [OID] = [
        IFMIB.IfXTable.ifName, IFMIB.IfXTable.ifHCInOctets, IFMIB.IfXTable.ifHCOutOctets,
        IFMIB.IfXTable.ifHighSpeed, IFMIB.IfXTable.ifAlias,
    ]

    /// Interfaces, plus which ones count octets with 32-bit counters (their rates must allow for wrap).
    public struct Result: Sendable {
        public var interfaces: [InterfaceStatus]
        /// `ifIndex` values whose octet counters came from 32-bit `ifInOctets`/`ifOutOctets`.
        public var counter32: Set<Int>
        /// Values dropped because they lie outside their MIB range (an `ifHighSpeed` past Gauge32).
        public var problems = DecodeProblems()
    }

    /// Joins the tables by `ifIndex`. `ifName` is preferred over `ifDescr`; `ifHighSpeed` × 10⁶ is used
    /// when `ifSpeed` saturates at 4294967295 or is missing; HC octet counters are preferred.
    /// Values of the wrong type are skipped; rates are left `nil` (see ``InterfaceRates``).
    public static func decode(ifTable: SNMPTable, ifXTable: SNMPTable = SNMPTable(), etherLike: SNMPTable = SNMPTable())
        -> Result
    {
        var interfaces: [InterfaceStatus] = []
        var counter32: Set<Int> = []
        var problems = DecodeProblems()
        for row in ifTable.rows {
            guard let index = row.intIndex else { continue }
            let x = { (column: OID) in ifXTable[row.index, column] }
            let descr = row[IFMIB.IfTable.ifDescr]?.text
            let highSpeed = x(IFMIB.IfXTable.ifHighSpeed).flatMap {
                problems.integer(
                    $0, in: DecodeProblems.unsigned32, "ifXTable", IFMIB.IfXTable.ifHighSpeed.appending(row.index))
            }
            let name = x(IFMIB.IfXTable.ifName)?.text ?? descr ?? "if\(index)"
            var status = InterfaceStatus(
                index: index,
                name: name,
                descr: descr,
                alias: x(IFMIB.IfXTable.ifAlias)?.text,
                type: row[IFMIB.IfTable.ifType]?.int.map(Int.init),
                adminStatus: row[IFMIB.IfTable.ifAdminStatus]?.int.map { InterfaceState(ifMIBValue: Int($0)) }
                    ?? .unknown,
                operStatus: row[IFMIB.IfTable.ifOperStatus]?.int.map { InterfaceState(ifMIBValue: Int($0)) }
                    ?? .unknown,
                speedBps: speed(ifSpeed: row[IFMIB.IfTable.ifSpeed], highSpeedMbps: highSpeed),
                duplex: etherLike[row.index, EtherLikeMIB.dot3StatsDuplexStatus]?.int.flatMap(duplex)
            )
            let hcIn = x(IFMIB.IfXTable.ifHCInOctets).flatMap(counter64)
            let hcOut = x(IFMIB.IfXTable.ifHCOutOctets).flatMap(counter64)
            if let hcIn, let hcOut {
                status.inOctets = hcIn
                status.outOctets = hcOut
            } else {
                status.inOctets = row[IFMIB.IfTable.ifInOctets].flatMap(counter32Value)
                status.outOctets = row[IFMIB.IfTable.ifOutOctets].flatMap(counter32Value)
                if status.inOctets != nil || status.outOctets != nil { counter32.insert(index) }
            }
            status.inErrors = row[IFMIB.IfTable.ifInErrors].flatMap(counter32Value)
            status.outErrors = row[IFMIB.IfTable.ifOutErrors].flatMap(counter32Value)
            status.inDiscards = row[IFMIB.IfTable.ifInDiscards].flatMap(counter32Value)
            status.outDiscards = row[IFMIB.IfTable.ifOutDiscards].flatMap(counter32Value)
            interfaces.append(status)
        }
        return Result(interfaces: interfaces, counter32: counter32, problems: problems)
    }

    /// `ifSpeed` in bit/s, or `ifHighSpeed` (already range-checked, in Mbit/s) × 10⁶ when `ifSpeed`
    /// saturates or is missing. A product that would overflow is no speed.
    static func speed(ifSpeed: SNMPValue?, highSpeedMbps: Int64?) -> UInt64? {
        let low: UInt64? =
            if case .gauge32(let v) = ifSpeed { UInt64(v) } else { ifSpeed?.int.flatMap { UInt64(exactly: $0) } }
        let high = highSpeedMbps.flatMap { UInt64(exactly: $0) }.flatMap { mbps -> UInt64? in
            let (bps, overflow) = mbps.multipliedReportingOverflow(by: 1_000_000)
            return overflow ? nil : bps
        }
        if let low, low < UInt64(UInt32.max) { return low }
        return high ?? low
    }

    static func duplex(_ value: Int64) -> Duplex? {
        switch value {
        case 1: .unknown
        case 2: .half
        case 3: .full
        default: nil
        }
    }

    private static func counter64(_ value: SNMPValue) -> UInt64? {
        if case .counter64(let v) = value { return v }
        return nil
    }

    private static func counter32Value(_ value: SNMPValue) -> UInt64? {
        switch value {
        case .counter32(let v), .gauge32(let v): UInt64(v)
        default: nil
        }
    }
}
