import JifangModel
import JifangSNMP

/// Decodes HOST-RESOURCES-MIB: processor load, storage, memory and device counts.
public enum HostResourcesDecoder {
    /// Average `hrProcessorLoad` over all processors, or `nil` when none reported a number.
    public static func cpuPercent(processorLoad: [VarBind]) -> Double? {
        let loads = VarBindLookup(processorLoad).column(HostResourcesMIB.Processor.hrProcessorLoad)
            .compactMap { $0.value.int }.map(Double.init)
        guard !loads.isEmpty else { return nil }
        return loads.reduce(0, +) / Double(loads.count)
    }

    /// Number of rows in `hrProcessorTable`.
    public static func processorCount(processorLoad: [VarBind]) -> Int {
        VarBindLookup(processorLoad).column(HostResourcesMIB.Processor.hrProcessorLoad).count
    }

    /// `hrStorageTable` rows with sizes in bytes. Rows with missing or wrongly typed sizes are skipped.
    public static func storage(_ table: SNMPTable) -> [StorageStatus] {
        table.rows.compactMap { row in
            guard let units = row[HostResourcesMIB.Storage.hrStorageAllocationUnits]?.int, units > 0,
                let size = row[HostResourcesMIB.Storage.hrStorageSize]?.int, size >= 0,
                let used = row[HostResourcesMIB.Storage.hrStorageUsed]?.int, used >= 0
            else { return nil }
            let type = row[HostResourcesMIB.Storage.hrStorageType]?.oid
            return StorageStatus(
                kind: kind(type),
                description: row[HostResourcesMIB.Storage.hrStorageDescr]?.text
                    ?? "storage \(row.index.map(String.init).joined(separator: "."))",
                sizeBytes: UInt64(size) * UInt64(units),
                usedBytes: UInt64(used) * UInt64(units)
            )
        }
    }

    /// Percent of RAM in use from `hrStorageTable`, or `nil` without a RAM row.
    ///
    /// net-snmp on Linux counts buffers and page cache as used in its "Physical memory" row and
    /// lists them as separate "Memory buffers" and "Cached memory" rows; those are subtracted, as the
    /// kernel gives that memory back on demand.
    public static func memoryPercent(_ table: SNMPTable) -> Double? {
        let rows = storage(table)
        guard let ram = rows.first(where: { $0.kind == .ram }), ram.sizeBytes > 0 else { return nil }
        let reclaimable = rows.filter {
            $0.kind == .other && ["Memory buffers", "Cached memory"].contains($0.description)
        }
        .reduce(UInt64(0)) { $0 + $1.usedBytes }
        let used = ram.usedBytes > reclaimable ? ram.usedBytes - reclaimable : ram.usedBytes
        return Double(used) / Double(ram.sizeBytes) * 100
    }

    /// `hrMemorySize` in bytes.
    public static func memoryBytes(_ varbinds: [VarBind]) -> Double? {
        VarBindLookup(varbinds)[HostResourcesMIB.hrMemorySize]?.int.flatMap { $0 > 0 ? Double($0) * 1024 : nil }
    }

    /// Counts of `hrDeviceTable` rows per device type.
    public static func deviceCount(_ table: SNMPTable, type: OID) -> Int {
        table.rows.filter { $0[HostResourcesMIB.Device.hrDeviceType]?.oid == type }.count
    }

    /// Fixed disks in `hrDiskStorageTable` and the smallest capacity among them in bytes.
    ///
    /// A disk counts when its media is hardDisk(3), or unknown(2) but not removable and with a
    /// capacity (net-snmp reports Linux disks that way); floppies, optical and RAM disks do not.
    public static func hardDisks(_ table: SNMPTable) -> (count: Int, minBytes: Double?) {
        let disks = table.rows.filter { row in
            let media = row[HostResourcesMIB.DiskStorage.hrDiskStorageMedia]?.int
            let removable = row[HostResourcesMIB.DiskStorage.hrDiskStorageRemoveble]?.int == 1
            let capacity = row[HostResourcesMIB.DiskStorage.hrDiskStorageCapacity]?.int ?? 0
            return media == HostResourcesMIB.DiskStorage.mediaHardDisk || (media == 2 && !removable && capacity > 0)
        }
        let sizes = disks.compactMap { $0[HostResourcesMIB.DiskStorage.hrDiskStorageCapacity]?.int }.filter { $0 > 0 }
        return (disks.count, sizes.min().map { Double($0) * 1024 })
    }

    static func kind(_ type: OID?) -> StorageStatus.Kind {
        switch type {
        case HostResourcesMIB.StorageType.ram: .ram
        case HostResourcesMIB.StorageType.virtualMemory: .virtualMemory
        case HostResourcesMIB.StorageType.fixedDisk: .fixedDisk
        case HostResourcesMIB.StorageType.removableDisk, HostResourcesMIB.StorageType.floppyDisk,
            HostResourcesMIB.StorageType.compactDisc:
            .removableDisk
        case HostResourcesMIB.StorageType.flashMemory: .flash
        default: .other
        }
    }
}
