import Foundation
import JifangModel
import JifangSNMP

/// Decodes ENTITY-SENSOR-MIB `entPhySensorTable` into scaled ``Sensor`` readings.
public enum EntitySensorDecoder {
    /// What a sensor type measures and in which unit Jifang reports it.
    public struct TypeInfo: Sendable, Hashable {
        public var sensorClass: SensorClass
        public var unit: String?
    }

    /// `EntitySensorDataType` → class and unit.
    public static let types: [Int64: TypeInfo] = [
        1: TypeInfo(sensorClass: .other, unit: nil),
        2: TypeInfo(sensorClass: .other, unit: nil),
        3: TypeInfo(sensorClass: .voltage, unit: "V"),
        4: TypeInfo(sensorClass: .voltage, unit: "V"),
        5: TypeInfo(sensorClass: .current, unit: "A"),
        6: TypeInfo(sensorClass: .power, unit: "W"),
        7: TypeInfo(sensorClass: .other, unit: "Hz"),
        8: TypeInfo(sensorClass: .temperature, unit: "°C"),
        9: TypeInfo(sensorClass: .humidity, unit: "%"),
        10: TypeInfo(sensorClass: .fan, unit: "RPM"),
        11: TypeInfo(sensorClass: .fan, unit: "m³/min"),
        12: TypeInfo(sensorClass: .other, unit: nil),
    ]

    /// One sensor per row with a type and a numeric value: `value × 10^scale ÷ 10^precision`.
    /// The description is the entity's name (or description) from `entities`, with the same index.
    /// A sensor whose status is `unavailable` keeps its state but has no value; so does one whose
    /// value, scale or precision lies outside ENTITY-SENSOR-MIB's ranges, which is recorded in `problems`.
    public static func decode(
        _ table: SNMPTable, entities: [PhysicalEntity], problems: inout DecodeProblems
    ) -> [Sensor] {
        table.rows.compactMap { row in
            guard let index = row.intIndex, let type = row[EntitySensorMIB.entPhySensorType]?.int,
                let info = types[type]
            else { return nil }
            let state: SensorState =
                switch row[EntitySensorMIB.entPhySensorOperStatus]?.int {
                case 1: .ok
                case 2: .unknown
                case 3: .failed
                default: .unknown
                }
            var value: Double?
            if row[EntitySensorMIB.entPhySensorOperStatus]?.int != 2, type != 12 {
                value = reading(row, &problems)
            }
            return Sensor(
                class: info.sensorClass,
                description: EntityDecoder.label(index, in: entities) ?? "sensor \(index)",
                value: value,
                unit: value == nil ? nil : info.unit,
                state: state
            )
        }
    }

    /// `EntitySensorValue` is `Integer32 (-1000000000..1000000000)`, `EntitySensorPrecision`
    /// `Integer32 (-8..9)`, `EntitySensorDataScale` 1…17; a row outside them has no reading.
    private static func reading(_ row: SNMPTable.Row, _ problems: inout DecodeProblems) -> Double? {
        let section = "entPhySensorTable"
        func oid(_ column: OID) -> OID { column.appending(row.index) }
        var exponent = 0
        if let scale = row[EntitySensorMIB.entPhySensorScale] {
            let oid = oid(EntitySensorMIB.entPhySensorScale)
            guard let code = problems.integer(scale, in: 1...17, section, oid) else { return nil }
            exponent = EntitySensorMIB.scaleExponent[code] ?? 0
        }
        var precision: Int64 = 0
        if let raw = row[EntitySensorMIB.entPhySensorPrecision] {
            let oid = oid(EntitySensorMIB.entPhySensorPrecision)
            guard let checked = problems.integer(raw, in: -8...9, section, oid) else { return nil }
            precision = checked
        }
        let oid = oid(EntitySensorMIB.entPhySensorValue)
        guard
            let raw = problems.integer(
                row[EntitySensorMIB.entPhySensorValue], in: -1_000_000_000...1_000_000_000, section, oid)
        else { return nil }
        // With the ranges checked the powers lie within 10^±24 and the result is finite; the check
        // stays so the rule holds if the tables ever grow.
        let value = Double(raw) * pow(10, Double(exponent)) / pow(10, Double(precision))
        return problems.finite(value, section, oid.description)
    }
}
