/// APC PowerNet-MIB UPS objects (`1.3.6.1.4.1.318.1.1.1`), for APC UPSs without RFC 1628.
public enum APCPowerNetMIB {
    /// APC's enterprise subtree.
    public static let enterprise: OID = "1.3.6.1.4.1.318"
    public static let upsBasicIdentModel: OID = "1.3.6.1.4.1.318.1.1.1.1.1.1.0"
    public static let upsAdvIdentSerialNumber: OID = "1.3.6.1.4.1.318.1.1.1.1.2.3.0"
    /// unknown(1), batteryNormal(2), batteryLow(3), batteryInFaultCondition(4).
    public static let upsBasicBatteryStatus: OID = "1.3.6.1.4.1.318.1.1.1.2.1.1.0"
    /// Battery charge in percent.
    public static let upsAdvBatteryCapacity: OID = "1.3.6.1.4.1.318.1.1.1.2.2.1.0"
    /// Battery temperature in °C.
    public static let upsAdvBatteryTemperature: OID = "1.3.6.1.4.1.318.1.1.1.2.2.2.0"
    /// Runtime left, as TimeTicks (hundredths of a second).
    public static let upsAdvBatteryRunTimeRemaining: OID = "1.3.6.1.4.1.318.1.1.1.2.2.3.0"
    /// Input line voltage, V.
    public static let upsAdvInputLineVoltage: OID = "1.3.6.1.4.1.318.1.1.1.3.2.1.0"
    /// unknown(1), onLine(2), onBattery(3), onSmartBoost(4), timedSleeping(5), softwareBypass(6),
    /// off(7), rebooting(8), switchedBypass(9), hardwareFailureBypass(10), sleepingUntilPowerReturn(11),
    /// onSmartTrim(12), ecoMode(13), hotStandby(14), onBatteryTest(15), emergencyStaticBypass(16), …
    public static let upsBasicOutputStatus: OID = "1.3.6.1.4.1.318.1.1.1.4.1.1.0"
    /// Output voltage, V.
    public static let upsAdvOutputVoltage: OID = "1.3.6.1.4.1.318.1.1.1.4.2.1.0"
    /// Output load in percent of capacity.
    public static let upsAdvOutputLoad: OID = "1.3.6.1.4.1.318.1.1.1.4.2.3.0"
    /// Rated output voltage, V. (PowerNet has no VA rating object common to all models.)
    public static let upsAdvConfigRatedOutputVoltage: OID = "1.3.6.1.4.1.318.1.1.1.5.2.1.0"

    public static let scalars: [OID] = [
        upsBasicBatteryStatus, upsAdvBatteryCapacity, upsAdvBatteryTemperature, upsAdvBatteryRunTimeRemaining,
        upsAdvInputLineVoltage, upsBasicOutputStatus, upsAdvOutputVoltage, upsAdvOutputLoad,
    ]
}
