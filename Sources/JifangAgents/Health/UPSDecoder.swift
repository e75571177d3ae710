import JifangModel
import JifangSNMP

/// Decodes UPS state from RFC 1628 UPS-MIB or APC PowerNet-MIB.
///
/// Both MIBs type their numbers as 32-bit integers and charge as `0..100` (RFC 1628 load as
/// `0..200`); a value outside is dropped and recorded in `problems`.
public enum UPSDecoder {
    /// The state from a GET of ``UPSMIB/scalars`` plus walks of ``UPSMIB/lineColumns``, or `nil`
    /// when the device reported none of it. Negative values (some agents' "unknown") are dropped.
    /// Voltages are those of the first input and output line; load is the highest line load.
    public static func rfc1628(_ varbinds: [VarBind], problems: inout DecodeProblems) -> UPSStatus? {
        let values = VarBindLookup(varbinds)
        func scalar(_ oid: OID, upTo max: Int64 = Int64(Int32.max)) -> Double? {
            nonNegative(values[oid], oid, upTo: max, "UPS-MIB", &problems)
        }
        func lines(_ column: OID, upTo max: Int64 = Int64(Int32.max)) -> [Double] {
            values.column(column).compactMap {
                nonNegative($0.value, column.appending($0.index), upTo: max, "UPS-MIB", &problems)
            }
        }
        var status = UPSStatus()
        status.batteryStatus = values[UPSMIB.upsBatteryStatus]?.int.flatMap {
            [1: "unknown", 2: "normal", 3: "low", 4: "depleted"][$0]
        }
        status.runtimeMinutes = scalar(UPSMIB.upsEstimatedMinutesRemaining)
        status.batteryChargePercent = scalar(UPSMIB.upsEstimatedChargeRemaining, upTo: 100)
        status.batteryTemperatureCelsius = problems.integer(
            values[UPSMIB.upsBatteryTemperature], in: DecodeProblems.integer32, "UPS-MIB", UPSMIB.upsBatteryTemperature
        ).map(Double.init)
        status.outputSource = values[UPSMIB.upsOutputSource]?.int.flatMap {
            [1: .other, 2: UPSOutputSource.none, 3: .online, 4: .bypass, 5: .battery, 6: .booster, 7: .reducer][$0]
        }
        status.inputVoltage = lines(UPSMIB.upsInputVoltage).first
        status.outputVoltage = lines(UPSMIB.upsOutputVoltage).first
        status.loadPercent = lines(UPSMIB.upsOutputPercentLoad, upTo: 200).max()
        status.ratedVA = scalar(UPSMIB.upsConfigOutputVA).flatMap { $0 > 0 ? $0 : nil }
        return status == UPSStatus() ? nil : status
    }

    /// The state from a GET of ``APCPowerNetMIB/scalars``, or `nil` when none was reported.
    /// Runtime is TimeTicks converted to minutes. PowerNet has no VA rating common to all models,
    /// so `ratedVA` stays `nil`.
    public static func apc(_ varbinds: [VarBind], problems: inout DecodeProblems) -> UPSStatus? {
        let values = VarBindLookup(varbinds)
        func scalar(_ oid: OID, upTo max: Int64 = Int64(UInt32.max)) -> Double? {
            nonNegative(values[oid], oid, upTo: max, "PowerNet-MIB", &problems)
        }
        var status = UPSStatus()
        status.batteryStatus = values[APCPowerNetMIB.upsBasicBatteryStatus]?.int.flatMap {
            [1: "unknown", 2: "normal", 3: "low", 4: "fault"][$0]
        }
        status.batteryChargePercent = scalar(APCPowerNetMIB.upsAdvBatteryCapacity, upTo: 100)
        status.batteryTemperatureCelsius = scalar(APCPowerNetMIB.upsAdvBatteryTemperature)
        if case .timeTicks(let ticks) = values[APCPowerNetMIB.upsAdvBatteryRunTimeRemaining] {
            status.runtimeMinutes = Double(ticks) / 6000
        }
        status.inputVoltage = scalar(APCPowerNetMIB.upsAdvInputLineVoltage)
        status.outputVoltage = scalar(APCPowerNetMIB.upsAdvOutputVoltage)
        status.loadPercent = scalar(APCPowerNetMIB.upsAdvOutputLoad)
        status.outputSource = values[APCPowerNetMIB.upsBasicOutputStatus]?.int.flatMap(apcOutputSource)
        return status == UPSStatus() ? nil : status
    }

    /// `value` as a number in `0...max`: a negative 32-bit value is an agent's "unknown" and dropped
    /// quietly; anything else outside is recorded.
    private static func nonNegative(
        _ value: SNMPValue?, _ oid: OID, upTo max: Int64, _ section: String, _ problems: inout DecodeProblems
    ) -> Double? {
        if let number = value?.int, DecodeProblems.integer32.contains(number), number < 0 { return nil }
        return problems.integer(value, in: 0...max, section, oid).map(Double.init)
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
