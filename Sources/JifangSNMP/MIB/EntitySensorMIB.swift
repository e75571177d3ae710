/// ENTITY-SENSOR-MIB (RFC 3433) `entPhySensorTable`, indexed by `entPhysicalIndex`.
///
/// The reading is `entPhySensorValue × 10^(scale exponent) ÷ 10^precision` in the unit that
/// `entPhySensorType` names.
public enum EntitySensorMIB {
    /// `EntitySensorDataType`: other(1), unknown(2), voltsAC(3), voltsDC(4), amperes(5), watts(6),
    /// hertz(7), celsius(8), percentRH(9), rpm(10), cmm(11), truthvalue(12).
    public static let entPhySensorType: OID = "1.3.6.1.2.1.99.1.1.1.1"
    /// `EntitySensorDataScale`: yocto(1) … milli(8), units(9), kilo(10) … yotta(17).
    public static let entPhySensorScale: OID = "1.3.6.1.2.1.99.1.1.1.2"
    /// Number of decimal places in the value (-8…9).
    public static let entPhySensorPrecision: OID = "1.3.6.1.2.1.99.1.1.1.3"
    public static let entPhySensorValue: OID = "1.3.6.1.2.1.99.1.1.1.4"
    /// ok(1), unavailable(2), nonoperational(3).
    public static let entPhySensorOperStatus: OID = "1.3.6.1.2.1.99.1.1.1.5"
    public static let entPhySensorUnitsDisplay: OID = "1.3.6.1.2.1.99.1.1.1.6"

    public static let columns: [OID] = [
        entPhySensorType, entPhySensorScale, entPhySensorPrecision, entPhySensorValue, entPhySensorOperStatus,
        entPhySensorUnitsDisplay,
    ]

    /// Powers of ten for `EntitySensorDataScale` values, as RFC 3433 defines them
    /// (the RFC lists exa(14) before peta(15); the exponents follow the names).
    public static let scaleExponent: [Int64: Int] = [
        1: -24, 2: -21, 3: -18, 4: -15, 5: -12, 6: -9, 7: -6, 8: -3, 9: 0,
        10: 3, 11: 6, 12: 9, 13: 12, 14: 18, 15: 15, 16: 21, 17: 24,
    ]
}
