import JifangModel
import JifangSNMP

/// What the vendor MIBs told; every field `nil`/empty where no profile source answered.
public struct VendorReadings: Sendable, Hashable {
    public var cpuPercent: Double?
    public var memoryPercent: Double?
    public var memoryBytes: Double?
    public var flashBytes: Double?
    public var sensors: [Sensor] = []
    public var sessions: Int?
    public var vpnTunnels: Int?
    /// Rows found in the profile's VLAN columns, `nil` if it has none or none answered.
    public var vlanCount: Int?
    /// Power supplies the vendor's environment tables list.
    public var powerSupplyCount: Int?

    public init() {}
}

/// The one engine that reads ``VendorHealthProfile`` data; no vendor appears in its code.
public enum VendorHealthDecoder {
    /// Readings from `varbinds` (the GETs and walks of every profile's ``VendorHealthProfile/requests``).
    /// `profiles` are tried in order for each metric; `entities` name rows that have no description column.
    public static func decode(
        _ varbinds: [VarBind], profiles: [VendorHealthProfile], entities: [PhysicalEntity] = []
    ) -> VendorReadings {
        let values = VarBindLookup(varbinds)
        func first(_ metrics: (VendorHealthProfile) -> [VendorMetric]) -> Double? {
            for profile in profiles {
                for metric in metrics(profile) {
                    if let value = evaluate(metric, values) { return value }
                }
            }
            return nil
        }
        var readings = VendorReadings()
        readings.cpuPercent = first(\.cpuPercent)
        readings.memoryPercent = first(\.memoryPercent)
        readings.memoryBytes = first(\.memoryBytes)
        readings.flashBytes = first(\.flashBytes)
        readings.sessions = first(\.sessions).flatMap { Int(exactly: $0.rounded()) }
        readings.vpnTunnels = first(\.vpnTunnels).flatMap { Int(exactly: $0.rounded()) }
        for profile in profiles {
            // Within a profile, tables of the same kind are alternatives (new and legacy MIB).
            for (tables, sensorClass) in [
                (profile.temperatures, SensorClass.temperature), (profile.fans, .fan),
                (profile.powerSupplies, .powerSupply),
            ] {
                for table in tables {
                    let found = sensors(table, sensorClass, values, entities)
                    if !found.isEmpty {
                        readings.sensors += found
                        if sensorClass == .powerSupply { readings.powerSupplyCount = found.count }
                        break
                    }
                }
            }
            let vlans = profile.vlanColumns.map { values.column($0).count }.max() ?? 0
            if vlans > 0, readings.vlanCount == nil { readings.vlanCount = vlans }
        }
        return readings
    }

    static func evaluate(_ metric: VendorMetric, _ values: VarBindLookup) -> Double? {
        switch metric {
        case .scalar(let oid, let scale):
            return values[oid]?.number.map { $0 * scale }
        case .column(let oid, let aggregate, let scale, let invalid, let conditions):
            let numbers = values.column(oid).compactMap { row -> Double? in
                guard passes(row.index, conditions, values), let v = row.value.int, !invalid.contains(v) else {
                    return nil
                }
                return Double(v)
            }
            guard !numbers.isEmpty else { return nil }
            let combined: Double =
                switch aggregate {
                case .average: numbers.reduce(0, +) / Double(numbers.count)
                case .maximum: numbers.max()!
                case .sum: numbers.reduce(0, +)
                }
            return combined * scale
        case .usedFreePercent(let usedColumn, let freeColumn, let conditions):
            guard let (used, free) = usedFree(usedColumn, freeColumn, conditions, values), used + free > 0 else {
                return nil
            }
            return used / (used + free) * 100
        case .usedFreeTotal(let usedColumn, let freeColumn, let scale):
            guard let (used, free) = usedFree(usedColumn, freeColumn, [], values), used + free > 0 else { return nil }
            return (used + free) * scale
        case .countRows(let oid, let equalTo):
            let rows = values.column(oid)
            guard !rows.isEmpty else { return nil }
            guard let equalTo else { return Double(rows.count) }
            return Double(rows.filter { $0.value.int == equalTo }.count)
        }
    }

    private static func usedFree(
        _ usedColumn: OID, _ freeColumn: OID, _ conditions: [RowCondition], _ values: VarBindLookup
    )
        -> (Double, Double)?
    {
        var used = 0.0
        var free = 0.0
        var any = false
        for row in values.column(usedColumn) where passes(row.index, conditions, values) {
            guard let u = row.value.number, let f = values[freeColumn.appending(row.index)]?.number else { continue }
            used += u
            free += f
            any = true
        }
        return any ? (used, free) : nil
    }

    private static func passes(_ index: [UInt32], _ conditions: [RowCondition], _ values: VarBindLookup) -> Bool {
        conditions.allSatisfy { condition in
            let value = values[condition.column.appending(index)]
            switch condition.test {
            case .positive: return (value?.int ?? 0) > 0
            case .equals(let expected): return value?.int == expected
            case .contains(let text): return value?.text?.contains(text) ?? false
            }
        }
    }

    private static func sensors(
        _ table: VendorSensorTable, _ sensorClass: SensorClass, _ values: VarBindLookup, _ entities: [PhysicalEntity]
    ) -> [Sensor] {
        guard let key = table.value ?? table.state else { return [] }
        return values.column(key).compactMap { row -> Sensor? in
            guard passes(row.index, table.rows, values) else { return nil }
            let rawState = table.state.flatMap { values[$0.appending(row.index)]?.int }
            if let rawState, table.absentStates.contains(rawState) { return nil }
            var reading: Double?
            if let valueColumn = table.value {
                guard let raw = values[valueColumn.appending(row.index)]?.int else { return nil }
                if table.invalid.contains(raw) || (table.skipZero && raw == 0) { return nil }
                reading = Double(raw) * table.scale
            }
            let descr =
                table.descr.flatMap { values[$0.appending(row.index)]?.text }
                ?? (row.index.count == 1 ? EntityDecoder.label(Int(row.index[0]), in: entities) : nil)
                ?? "\(sensorClass.rawValue) \(row.index.map(String.init).joined(separator: "."))"
            let state = rawState.map { table.states[$0] ?? .unknown } ?? .unknown
            return Sensor(
                class: sensorClass, description: descr, value: reading, unit: reading == nil ? nil : table.unit,
                state: state)
        }
    }
}
