import JifangModel
import JifangSNMP

/// Where one vendor's MIBs keep CPU, memory, sensors, sessions and tunnels: data that
/// ``VendorHealthDecoder`` reads. Profiles live in ``VendorHealthProfiles/all``.
///
/// Every list is in order of preference: the first source that yields a value wins, so newer and
/// older MIB generations can be listed side by side.
public struct VendorHealthProfile: Sendable {
    /// MIB names, for people reading a profile.
    public var name: String
    /// `sysObjectID` prefixes this profile applies to.
    public var enterprises: [OID]
    public var cpuPercent: [VendorMetric] = []
    public var memoryPercent: [VendorMetric] = []
    public var memoryBytes: [VendorMetric] = []
    public var flashBytes: [VendorMetric] = []
    public var temperatures: [VendorSensorTable] = []
    public var fans: [VendorSensorTable] = []
    public var powerSupplies: [VendorSensorTable] = []
    public var sessions: [VendorMetric] = []
    public var vpnTunnels: [VendorMetric] = []
    /// Columns with one row per configured VLAN; rows present mean the device does VLANs.
    public var vlanColumns: [OID] = []

    public init(name: String, enterprises: [OID]) {
        self.name = name
        self.enterprises = enterprises
    }

    /// Scalars to GET and table columns to walk for this profile.
    public var requests: (scalars: [OID], columns: [OID]) {
        let metrics = cpuPercent + memoryPercent + memoryBytes + flashBytes + sessions + vpnTunnels
        let tables = temperatures + fans + powerSupplies
        var scalars: [OID] = []
        var columns: [OID] = vlanColumns
        for metric in metrics {
            scalars += metric.requests.scalars
            columns += metric.requests.columns
        }
        for table in tables { columns += table.columns }
        return (unique(scalars), unique(columns))
    }
}

/// Only rows whose `column` satisfies the test take part.
public struct RowCondition: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        case positive
        case equals(Int64)
        /// The column holds text containing this string.
        case contains(String)
    }
    public var column: OID
    public var test: Test

    public static func positive(_ column: OID) -> RowCondition { RowCondition(column: column, test: .positive) }
    public static func equals(_ column: OID, _ value: Int64) -> RowCondition {
        RowCondition(column: column, test: .equals(value))
    }
    public static func contains(_ column: OID, _ text: String) -> RowCondition {
        RowCondition(column: column, test: .contains(text))
    }
}

/// How a table column's rows become one number.
public enum Aggregate: Sendable, Hashable {
    case average, maximum, sum
}

/// One way to read a number from a vendor MIB. Results are multiplied by `scale` (for example 1024
/// for KiB to bytes). Values in `invalid` (vendor "not supported" markers) and values of the wrong
/// type are ignored.
public enum VendorMetric: Sendable, Hashable {
    /// A scalar object instance (`….0`).
    case scalar(OID, scale: Double = 1)
    /// A table column combined over the rows that pass `rows`.
    case column(OID, Aggregate, scale: Double = 1, invalid: Set<Int64> = [], rows: [RowCondition] = [])
    /// `Σused / (Σused + Σfree) × 100` over two columns (memory pools).
    case usedFreePercent(used: OID, free: OID, rows: [RowCondition] = [])
    /// `(Σused + Σfree) × scale` over two columns: total size of memory pools.
    case usedFreeTotal(used: OID, free: OID, scale: Double = 1)
    /// Rows of a column, optionally only those equal to a value (tunnels that are up).
    case countRows(OID, equalTo: Int64? = nil)

    var requests: (scalars: [OID], columns: [OID]) {
        switch self {
        case .scalar(let oid, _): ([oid], [])
        case .column(let oid, _, _, _, let rows): ([], [oid] + rows.map(\.column))
        case .usedFreePercent(let used, let free, let rows): ([], [used, free] + rows.map(\.column))
        case .usedFreeTotal(let used, let free, _): ([], [used, free])
        case .countRows(let oid, _): ([], [oid])
        }
    }
}

/// A vendor table of sensors (one per row): a numeric column, a state column, or both.
public struct VendorSensorTable: Sendable, Hashable {
    /// The numeric reading, already in `unit` after `scale`; `nil` for state-only tables.
    public var value: OID?
    public var scale: Double = 1
    public var unit: String?
    /// A status column and how its values map to states.
    public var state: OID?
    public var states: [Int64: SensorState] = [:]
    /// State values meaning the part is absent: such rows produce no sensor.
    public var absentStates: Set<Int64> = []
    /// A description column; without it the entity name of the same index is used.
    public var descr: OID?
    /// Readings to ignore (vendor "not supported" markers); rows reading 0 are skipped when `skipZero`.
    public var invalid: Set<Int64> = []
    public var skipZero: Bool = false
    public var rows: [RowCondition] = []

    public init(
        value: OID? = nil, scale: Double = 1, unit: String? = nil, state: OID? = nil,
        states: [Int64: SensorState] = [:],
        absentStates: Set<Int64> = [], descr: OID? = nil, invalid: Set<Int64> = [], skipZero: Bool = false,
        rows: [RowCondition] = []
    ) {
        self.value = value
        self.scale = scale
        self.unit = unit
        self.state = state
        self.states = states
        self.absentStates = absentStates
        self.descr = descr
        self.invalid = invalid
        self.skipZero = skipZero
        self.rows = rows
    }

    var columns: [OID] { [value, state, descr].compactMap { $0 } + rows.map(\.column) }
}

private func unique(_ oids: [OID]) -> [OID] {
    var seen: Set<OID> = []
    return oids.filter { seen.insert($0).inserted }
}
