/// What a sensor measures, after ENTITY-SENSOR-MIB's `EntitySensorDataType` and vendor tables.
public enum SensorClass: String, Sendable, Codable, CaseIterable {
    case temperature, fan, power, powerSupply, voltage, current, humidity, other
}

/// Whether a sensor or the part it watches is working, where the device says.
public enum SensorState: String, Sendable, Codable {
    case ok, warning, failed, unknown
}

/// One reading from a device's sensors.
///
/// `value` is in `unit` (already scaled: °C, RPM, W, V, A, %); `nil` where the device reports
/// only a state, such as a fan or power supply that is merely "normal".
public struct Sensor: Sendable, Hashable, Codable {
    public var `class`: SensorClass
    public var description: String
    public var value: Double?
    public var unit: String?
    public var state: SensorState

    public init(
        class: SensorClass, description: String, value: Double?, unit: String?, state: SensorState = .unknown
    ) {
        self.class = `class`
        self.description = description
        self.value = value
        self.unit = unit
        self.state = state
    }
}
