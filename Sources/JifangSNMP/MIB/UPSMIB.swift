/// UPS-MIB (RFC 1628), `1.3.6.1.2.1.33`: the standard UPS objects.
public enum UPSMIB {
    public static let upsIdentManufacturer: OID = "1.3.6.1.2.1.33.1.1.1.0"
    public static let upsIdentModel: OID = "1.3.6.1.2.1.33.1.1.2.0"
    /// unknown(1), batteryNormal(2), batteryLow(3), batteryDepleted(4).
    public static let upsBatteryStatus: OID = "1.3.6.1.2.1.33.1.2.1.0"
    /// Seconds on battery, 0 when on mains.
    public static let upsSecondsOnBattery: OID = "1.3.6.1.2.1.33.1.2.2.0"
    /// Minutes of runtime left at the present load.
    public static let upsEstimatedMinutesRemaining: OID = "1.3.6.1.2.1.33.1.2.3.0"
    /// Battery charge in percent of full.
    public static let upsEstimatedChargeRemaining: OID = "1.3.6.1.2.1.33.1.2.4.0"
    /// Battery temperature in °C.
    public static let upsBatteryTemperature: OID = "1.3.6.1.2.1.33.1.2.7.0"
    /// Column of `upsInputTable` (per input line, RMS volts).
    public static let upsInputVoltage: OID = "1.3.6.1.2.1.33.1.3.3.1.3"
    /// other(1), none(2), normal(3), bypass(4), battery(5), booster(6), reducer(7).
    public static let upsOutputSource: OID = "1.3.6.1.2.1.33.1.4.1.0"
    /// Column of `upsOutputTable` (per output line, RMS volts).
    public static let upsOutputVoltage: OID = "1.3.6.1.2.1.33.1.4.4.1.2"
    /// Column of `upsOutputTable`: percent of rated capacity per output line.
    public static let upsOutputPercentLoad: OID = "1.3.6.1.2.1.33.1.4.4.1.5"
    /// Rated output apparent power in VA.
    public static let upsConfigOutputVA: OID = "1.3.6.1.2.1.33.1.9.5.0"
    /// Rated output real power in W.
    public static let upsConfigOutputPower: OID = "1.3.6.1.2.1.33.1.9.6.0"

    /// The scalars read in one GET.
    public static let scalars: [OID] = [
        upsBatteryStatus, upsSecondsOnBattery, upsEstimatedMinutesRemaining, upsEstimatedChargeRemaining,
        upsBatteryTemperature, upsOutputSource, upsConfigOutputVA, upsConfigOutputPower,
    ]
    /// The per-line columns walked.
    public static let lineColumns: [OID] = [upsInputVoltage, upsOutputVoltage, upsOutputPercentLoad]
}
