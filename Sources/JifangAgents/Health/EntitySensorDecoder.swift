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
    /// A sensor whose status is `unavailable` keeps its state but has no value.
    public static func decode(_ table: SNMPTable, entities: [PhysicalEntity]) -> [Sensor] {
        table.rows.compactMap { row in
            guard let index = row.intIndex, let type = row[EntitySensorMIB.entPhySensorType]?.int,
                let info = types[type]
            else { return nil }
            let exponent =
                row[EntitySensorMIB.entPhySensorScale]?.int.flatMap { EntitySensorMIB.scaleExponent[$0] } ?? 0
            let precision = row[EntitySensorMIB.entPhySensorPrecision]?.int ?? 0
            let state: SensorState =
                switch row[EntitySensorMIB.entPhySensorOperStatus]?.int {
                case 1: .ok
                case 2: .unknown
                case 3: .failed
                default: .unknown
                }
            var value = row[EntitySensorMIB.entPhySensorValue]?.int.map {
                Double($0) * pow(10, Double(exponent)) / pow(10, Double(precision))
            }
            if row[EntitySensorMIB.entPhySensorOperStatus]?.int == 2 { value = nil }
            if type == 12 { value = nil }
            return Sensor(
                class: info.sensorClass,
                description: EntityDecoder.label(index, in: entities) ?? "sensor \(index)",
                value: value,
                unit: value == nil ? nil : info.unit,
                state: state
            )
        }
    }
}
