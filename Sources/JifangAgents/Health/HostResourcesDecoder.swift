import JifangModel
import JifangSNMP

/// Decodes HOST-RESOURCES-MIB: processor load, storage, memory and device counts.
public enum HostResourcesDecoder {
    /// Average `hrProcessorLoad` over all processors, or `nil` when none reported a number.
    /// A load outside `0..100` is dropped and recorded in `problems`.
    public static func cpuPercent(processorLoad: [VarBind], problems: inout DecodeProblems) -> Double? {
        let column = HostResourcesMIB.Processor.hrProcessorLoad
        let loads = VarBindLookup(processorLoad).column(column).compactMap { row in
            problems.integer(row.value, in: DecodeProblems.percent, "hrProcessorTable", column.appending(row.index))
        }
        guard !loads.isEmpty else { return nil }
        return loads.map(Double.init).reduce(0, +) / Double(loads.count)
    }

    /// Number of rows in `hrProcessorTable`.
    public static func processorCount(processorLoad: [VarBind]) -> Int {
        VarBindLookup(processorLoad).column(HostResourcesMIB.Processor.hrProcessorLoad).count
    }

    /// `hrStorageTable` rows with sizes in bytes. Rows with missing or wrongly typed sizes are skipped;
    /// rows whose allocation units (`1..2147483647`), size or used count (`0..2147483647`) lie out of
    /// range are skipped and recorded in `problems`.
    public static func storage(_ table: SNMPTable, problems: inout DecodeProblems) -> [StorageStatus] {
        let section = "hrStorageTable"
        return table.rows.compactMap { row in
            func value(_ column: OID, _ range: ClosedRange<Int64>) -> UInt64? {
                problems.integer(row[column], in: range, section, column.appending(row.index))
                    .flatMap { UInt64(exactly: $0) }
            }
            let nonNegative = DecodeProblems.nonNegative32
            guard let units = value(HostResourcesMIB.Storage.hrStorageAllocationUnits, 1...nonNegative.upperBound),
                let size = value(HostResourcesMIB.Storage.hrStorageSize, nonNegative),
                let used = value(HostResourcesMIB.Storage.hrStorageUsed, nonNegative)
            else { return nil }
            let instance = row.index.map(String.init).joined(separator: ".")
            guard let sizeBytes = problems.product(size, units, section, "hrStorageSize.\(instance) × units"),
                let usedBytes = problems.product(used, units, section, "hrStorageUsed.\(instance) × units")
            else { return nil }
            let type = row[HostResourcesMIB.Storage.hrStorageType]?.oid
            return StorageStatus(
                kind: kind(type),
                description: row[HostResourcesMIB.Storage.hrStorageDescr]?.text ?? "storage \(instance)",
                sizeBytes: sizeBytes,
                usedBytes: usedBytes
            )
        }
    }

    /// Percent of RAM in use from the decoded ``storage(_:problems:)`` rows, or `nil` without a RAM row.
    ///
    /// net-snmp on Linux counts buffers and page cache as used in its "Physical memory" row and
    /// lists them as separate "Memory buffers" and "Cached memory" rows; those are subtracted, as the
    /// kernel gives that memory back on demand.
    public static func memoryPercent(_ rows: [StorageStatus]) -> Double? {
        guard let ram = rows.first(where: { $0.kind == .ram }), ram.sizeBytes > 0 else { return nil }
        // Summed as Double: each row may hold up to 2^62 bytes, so a UInt64 sum could overflow.
        let reclaimable = rows.filter {
            $0.kind == .other && ["Memory buffers", "Cached memory"].contains($0.description)
        }
        .reduce(0.0) { $0 + Double($1.usedBytes) }
        let used = Double(ram.usedBytes) > reclaimable ? Double(ram.usedBytes) - reclaimable : Double(ram.usedBytes)
        return used / Double(ram.sizeBytes) * 100
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
