/// HOST-RESOURCES-MIB (RFC 2790): memory, storage, devices and processor load of hosts.
public enum HostResourcesMIB {
    /// The host's own uptime (scalar); only HOST-RESOURCES agents answer it.
    public static let hrSystemUptime: OID = "1.3.6.1.2.1.25.1.1.0"
    /// Installed RAM in KiB (scalar).
    public static let hrMemorySize: OID = "1.3.6.1.2.1.25.2.2.0"

    /// `hrStorageTable` columns; index is `hrStorageIndex`.
    public enum Storage {
        /// An OID naming the storage type (see ``StorageType``).
        public static let hrStorageType: OID = "1.3.6.1.2.1.25.2.3.1.2"
        public static let hrStorageDescr: OID = "1.3.6.1.2.1.25.2.3.1.3"
        /// Bytes per allocation unit; multiply sizes by this.
        public static let hrStorageAllocationUnits: OID = "1.3.6.1.2.1.25.2.3.1.4"
        public static let hrStorageSize: OID = "1.3.6.1.2.1.25.2.3.1.5"
        public static let hrStorageUsed: OID = "1.3.6.1.2.1.25.2.3.1.6"
        public static let columns: [OID] = [
            hrStorageType, hrStorageDescr, hrStorageAllocationUnits, hrStorageSize, hrStorageUsed,
        ]
    }

    /// `hrStorageTypes` values (`1.3.6.1.2.1.25.2.1.x`).
    public enum StorageType {
        public static let other: OID = "1.3.6.1.2.1.25.2.1.1"
        public static let ram: OID = "1.3.6.1.2.1.25.2.1.2"
        public static let virtualMemory: OID = "1.3.6.1.2.1.25.2.1.3"
        public static let fixedDisk: OID = "1.3.6.1.2.1.25.2.1.4"
        public static let removableDisk: OID = "1.3.6.1.2.1.25.2.1.5"
        public static let floppyDisk: OID = "1.3.6.1.2.1.25.2.1.6"
        public static let compactDisc: OID = "1.3.6.1.2.1.25.2.1.7"
        public static let ramDisk: OID = "1.3.6.1.2.1.25.2.1.8"
        public static let flashMemory: OID = "1.3.6.1.2.1.25.2.1.9"
        public static let networkDisk: OID = "1.3.6.1.2.1.25.2.1.10"
    }

    /// `hrDeviceTable` columns; index is `hrDeviceIndex`.
    public enum Device {
        /// An OID naming the device type (see ``DeviceType``).
        public static let hrDeviceType: OID = "1.3.6.1.2.1.25.3.2.1.2"
        public static let hrDeviceDescr: OID = "1.3.6.1.2.1.25.3.2.1.3"
        public static let columns: [OID] = [hrDeviceType, hrDeviceDescr]
    }

    /// `hrDeviceTypes` values (`1.3.6.1.2.1.25.3.1.x`).
    public enum DeviceType {
        public static let processor: OID = "1.3.6.1.2.1.25.3.1.3"
        public static let network: OID = "1.3.6.1.2.1.25.3.1.4"
        public static let diskStorage: OID = "1.3.6.1.2.1.25.3.1.6"
    }

    /// `hrProcessorTable`; index is the processor's `hrDeviceIndex`.
    public enum Processor {
        /// Average percentage of time the processor was busy over the last minute.
        public static let hrProcessorLoad: OID = "1.3.6.1.2.1.25.3.3.1.2"
    }

    /// `hrDiskStorageTable`; index is the disk's `hrDeviceIndex`.
    public enum DiskStorage {
        /// other(1), unknown(2), hardDisk(3), floppyDisk(4), opticalDiskROM(5), …, ramDisk(8).
        public static let hrDiskStorageMedia: OID = "1.3.6.1.2.1.25.3.6.1.2"
        /// true(1) for removable media (floppy, optical), false(2) for fixed disks.
        public static let hrDiskStorageRemoveble: OID = "1.3.6.1.2.1.25.3.6.1.3"
        /// Capacity in KiB.
        public static let hrDiskStorageCapacity: OID = "1.3.6.1.2.1.25.3.6.1.4"
        public static let columns: [OID] = [hrDiskStorageMedia, hrDiskStorageRemoveble, hrDiskStorageCapacity]
        public static let mediaHardDisk: Int64 = 3
    }
}
