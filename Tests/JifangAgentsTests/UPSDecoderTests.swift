import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@testable import JifangAgents

@Suite struct UPSDecoderTests {
    func rfc1628(_ fixture: String) throws -> UPSStatus? {
        let recording = try Fixtures.load(fixture)
        var varbinds = UPSMIB.scalars.compactMap { oid in recording[oid].map { VarBind(oid: oid, value: $0) } }
        varbinds += UPSMIB.lineColumns.flatMap { recording.subtree($0) }
        var problems = DecodeProblems()
        defer { #expect(problems.all.isEmpty) }
        return UPSDecoder.rfc1628(varbinds, problems: &problems)
    }

    /// Eaton 93E 80 kVA (snmpsim-data UPS/eaton-93e-80), three-phase.
    @Test func eatonEveryField() throws {
        let ups = try #require(try rfc1628("eaton-93e-80"))
        #expect(ups.batteryStatus == "normal")
        #expect(ups.runtimeMinutes == 1092)
        #expect(ups.batteryChargePercent == 100)
        #expect(ups.batteryTemperatureCelsius == 25)
        #expect(ups.outputSource == .online)
        #expect(ups.inputVoltage == 227)
        #expect(ups.outputVoltage == 220)
        #expect(ups.loadPercent == 21)  // the busiest of 21, 16, 12
        #expect(ups.ratedVA == 80_100)
    }

    /// Huawei UPS5000 behind a GSE200M card reports -1 for what it does not know.
    @Test func negativeUnknownsAreDropped() throws {
        let ups = try #require(try rfc1628("huawei-ups5000"))
        #expect(ups.runtimeMinutes == nil)
        #expect(ups.batteryChargePercent == nil)
        #expect(ups.batteryStatus == "normal")
        #expect(ups.outputSource == .online)
    }

    @Test func nothingReportedIsNil() {
        var problems = DecodeProblems()
        #expect(
            UPSDecoder.rfc1628([VarBind(oid: UPSMIB.upsBatteryStatus, value: .noSuchObject)], problems: &problems)
                == nil)
        #expect(UPSDecoder.apc([], problems: &problems) == nil)
    }

    /// No APC UPS recording exists in snmpsim-data (its APC files are rack PDUs), so these are the
    /// PowerNet-MIB objects with the types the MIB defines, as an APC Smart-UPS sends them.
    @Test func apcPowerNet() throws {
        var problems = DecodeProblems()
        let ups = try #require(
            UPSDecoder.apc(
                [
                    VarBind(oid: APCPowerNetMIB.upsBasicBatteryStatus, value: .integer(2)),
                    VarBind(oid: APCPowerNetMIB.upsAdvBatteryCapacity, value: .gauge32(100)),
                    VarBind(oid: APCPowerNetMIB.upsAdvBatteryTemperature, value: .gauge32(29)),
                    VarBind(oid: APCPowerNetMIB.upsAdvBatteryRunTimeRemaining, value: .timeTicks(190_200)),
                    VarBind(oid: APCPowerNetMIB.upsAdvInputLineVoltage, value: .gauge32(228)),
                    VarBind(oid: APCPowerNetMIB.upsBasicOutputStatus, value: .integer(3)),
                    VarBind(oid: APCPowerNetMIB.upsAdvOutputVoltage, value: .gauge32(230)),
                    VarBind(oid: APCPowerNetMIB.upsAdvOutputLoad, value: .gauge32(37)),
                ], problems: &problems))
        #expect(ups.runtimeMinutes == 31.7)  // 1902 s
        #expect(ups.batteryChargePercent == 100)
        #expect(ups.batteryTemperatureCelsius == 29)
        #expect(ups.outputSource == .battery)
        #expect(ups.inputVoltage == 228)
        #expect(ups.outputVoltage == 230)
        #expect(ups.loadPercent == 37)
        #expect(ups.batteryStatus == "normal")
        #expect(ups.ratedVA == nil)
    }

    @Test func apcRuntimeOfTheWrongTypeIsSkipped() {
        var problems = DecodeProblems()
        let ups = UPSDecoder.apc(
            [
                VarBind(
                    oid: APCPowerNetMIB.upsAdvBatteryRunTimeRemaining, value: .octetString(Array("0:31:42.00".utf8))),
                VarBind(oid: APCPowerNetMIB.upsAdvBatteryCapacity, value: .gauge32(90)),
            ], problems: &problems)
        #expect(ups?.runtimeMinutes == nil)
        #expect(ups?.batteryChargePercent == 90)
    }
}
