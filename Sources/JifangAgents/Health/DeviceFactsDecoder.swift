import Foundation
import JifangModel
import JifangSNMP

/// Turns what a poll read into ``DeviceFacts`` for spec clauses. A fact the device did not report
/// is left out, never guessed: an absent key becomes an `unknown` finding with a reason.
public enum DeviceFactsDecoder {
    /// Everything the facts are derived from; fill what the poll read.
    public struct Inputs: Sendable {
        /// Memory sizes in bytes from HOST-RESOURCES `hrMemorySize`, UCD `memTotalReal` and vendor MIBs.
        public var hostMemoryBytes: Double?
        public var ucdMemoryBytes: Double?
        public var vendor = VendorReadings()
        public var storage: [StorageStatus] = []
        /// `hrProcessorTable` rows, or `hrDeviceTable` processors when the former is empty.
        public var processorCount: Int?
        public var hardDiskCount: Int?
        public var hardDiskMinBytes: Double?
        public var interfaces: [InterfaceStatus] = []
        /// Q-BRIDGE-MIB scalars as read.
        public var qBridge: [VarBind] = []
        public var entities: [PhysicalEntity] = []
        public var sensors: [Sensor] = []
        public var ups: UPSStatus?

        public init() {}
    }

    /// A fact whose arithmetic would overflow (flash rows summing past 2^64 bytes) is left out and
    /// recorded in `problems`.
    public static func decode(_ inputs: Inputs, problems: inout DecodeProblems) -> DeviceFacts {
        var facts = DeviceFacts()
        func set(_ key: String, _ number: Double?) {
            if let number { facts[key] = .number(number) }
        }
        set(FactKey.memoryBytes, inputs.hostMemoryBytes ?? inputs.ucdMemoryBytes ?? inputs.vendor.memoryBytes)
        let flashRows = inputs.storage.filter { $0.kind == .flash }.map(\.sizeBytes)
        let flash = flashRows.isEmpty ? 0 : problems.sum(flashRows, "hrStorageTable", "flash rows' size in bytes")
        if let flash { set(FactKey.flashBytes, flash > 0 ? Double(flash) : inputs.vendor.flashBytes) }
        if let count = inputs.processorCount, count > 0 { set(FactKey.processorCount, Double(count)) }
        if let count = inputs.hardDiskCount, count > 0 {
            set(FactKey.diskCount, Double(count))
            set(FactKey.diskBytes, inputs.hardDiskMinBytes)
        }

        let ethernet = inputs.interfaces.filter(\.isEthernet)
        if !ethernet.isEmpty {
            set(FactKey.ethernetPortCount, Double(ethernet.count))
            set(FactKey.gigabitPortCount, Double(ethernet.filter { ($0.speedBps ?? 0) >= 1_000_000_000 }.count))
            if ethernet.contains(where: { $0.duplex != nil }) {
                let fastFull = ethernet.filter { ($0.speedBps ?? 0) >= 100_000_000 && $0.duplex == .full }
                set(FactKey.fastFullDuplexPortCount, Double(fastFull.count))
            }
        }
        let speeds = (ethernet.isEmpty ? inputs.interfaces : ethernet).compactMap(\.speedBps).filter { $0 > 0 }
        set(FactKey.maxPortSpeedBps, speeds.max().map { Double($0) })

        let qBridge = VarBindLookup(inputs.qBridge)
        if qBridge[QBridgeMIB.dot1qVlanVersionNumber]?.int != nil || (qBridge[QBridgeMIB.dot1qNumVlans]?.int ?? 0) > 0
            || (inputs.vendor.vlanCount ?? 0) > 0
        {
            facts[FactKey.vlanSupport] = .flag(true)
        }

        let supplies = inputs.entities.filter { $0.class == .powerSupply }.count
        let psuCount = max(supplies, inputs.vendor.powerSupplyCount ?? 0)
        if psuCount > 0 { set(FactKey.powerSupplyCount, Double(psuCount)) }

        if let ups = inputs.ups {
            set(FactKey.upsRatedVA, ups.ratedVA)
            set(FactKey.upsRuntimeMinutes, ups.runtimeMinutes)
        }

        // Only sensors that say they measure the room describe the environment, not a board.
        let ambient = inputs.sensors.filter { sensor in
            sensor.class == .temperature && sensor.value != nil
                && ["ambient", "inlet", "intake", "room", "environment"].contains {
                    sensor.description.lowercased().contains($0)
                }
        }
        set(FactKey.temperatureCelsius, ambient.compactMap(\.value).max())
        let humidity = inputs.sensors.filter { $0.class == .humidity }.compactMap(\.value)
        set(FactKey.humidityPercent, humidity.isEmpty ? nil : humidity.reduce(0, +) / Double(humidity.count))
        return facts
    }
}
