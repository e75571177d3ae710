import JifangModel
import JifangSNMP

/// Decodes UPS state from RFC 1628 UPS-MIB or APC PowerNet-MIB.
public enum UPSDecoder {
    /// The state from a GET of ``UPSMIB/scalars`` plus walks of ``UPSMIB/lineColumns``, or `nil`
    /// when the device reported none of it. Negative values (some agents' "unknown") are dropped.
    /// Voltages are those of the first input and output line; load is the highest line load.
    public static func rfc1628(_ varbinds: [VarBind]) -> UPSStatus? {
        let values = VarBindLookup(varbinds)
        func scalar(_ oid: OID) -> Double? { values[oid]?.int.flatMap { $0 >= 0 ? Double($0) : nil } }
        func lines(_ column: OID) -> [Double] {
            values.column(column).compactMap { $0.value.int.flatMap { $0 >= 0 ? Double($0) : nil } }
        }
        var status = UPSStatus()
        status.batteryStatus = values[UPSMIB.upsBatteryStatus]?.int.flatMap {
            [1: "unknown", 2: "normal", 3: "low", 4: "depleted"][$0]
        }
        status.runtimeMinutes = scalar(UPSMIB.upsEstimatedMinutesRemaining)
        status.batteryChargePercent = scalar(UPSMIB.upsEstimatedChargeRemaining)
        status.batteryTemperatureCelsius = values[UPSMIB.upsBatteryTemperature]?.int.map(Double.init)
        status.outputSource = values[UPSMIB.upsOutputSource]?.int.flatMap {
            [1: .other, 2: UPSOutputSource.none, 3: .online, 4: .bypass, 5: .battery, 6: .booster, 7: .reducer][$0]
        }
        status.inputVoltage = lines(UPSMIB.upsInputVoltage).first
        status.outputVoltage = lines(UPSMIB.upsOutputVoltage).first
        status.loadPercent = lines(UPSMIB.upsOutputPercentLoad).max()
        status.ratedVA = scalar(UPSMIB.upsConfigOutputVA).flatMap { $0 > 0 ? $0 : nil }
        return status == UPSStatus() ? nil : status
    }

    /// The state from a GET of ``APCPowerNetMIB/scalars``, or `nil` when none was reported.
    /// Runtime is TimeTicks converted to minutes. PowerNet has no VA rating common to all models,
    /// so `ratedVA` stays `nil`.
    public static func apc(_ varbinds: [VarBind]) -> UPSStatus? {
        let values = VarBindLookup(varbinds)
        func scalar(_ oid: OID) -> Double? { values[oid]?.int.flatMap { $0 >= 0 ? Double($0) : nil } }
        var status = UPSStatus()
        status.batteryStatus = values[APCPowerNetMIB.upsBasicBatteryStatus]?.int.flatMap {
            [1: "unknown", 2: "normal", 3: "low", 4: "fault"][$0]
        }
        status.batteryChargePercent = scalar(APCPowerNetMIB.upsAdvBatteryCapacity)
        status.batteryTemperatureCelsius = values[APCPowerNetMIB.upsAdvBatteryTemperature]?.int.map(Double.init)
        if case .timeTicks(let ticks) = values[APCPowerNetMIB.upsAdvBatteryRunTimeRemaining] {
            status.runtimeMinutes = Double(ticks) / 6000
        }
        status.inputVoltage = scalar(APCPowerNetMIB.upsAdvInputLineVoltage)
        status.outputVoltage = scalar(APCPowerNetMIB.upsAdvOutputVoltage)
        status.loadPercent = scalar(APCPowerNetMIB.upsAdvOutputLoad)
        status.outputSource = values[APCPowerNetMIB.upsBasicOutputStatus]?.int.flatMap(apcOutputSource)
        return status == UPSStatus() ? nil : status
    }

    /// `upsBasicOutputStatus` → output source; `nil` for unknown(1).
    static func apcOutputSource(_ value: Int64) -> UPSOutputSource? {
        switch value {
        case 2, 13, 14, 20: .online  // onLine, ecoMode, hotStandby, eConversion
        case 3, 15: .battery  // onBattery, onBatteryTest
        case 4: .booster  // onSmartBoost
        case 12: .reducer  // onSmartTrim
        case 6, 9, 10, 16, 17: .bypass
        case 5, 7, 8, 11: UPSOutputSource.none  // sleeping, off, rebooting
        case 1: nil
        default: .other
        }
    }
}
