/// The SNMPv2-MIB system group and the ENTITY-MIB rows classification reads.
public struct SystemInfo: Sendable, Hashable, Codable {
    public var sysDescr: String?
    /// Dotted numeric form, e.g. `1.3.6.1.4.1.2011.2.23.1`, without a leading dot.
    public var sysObjectID: String?
    public var sysName: String?
    public var sysLocation: String?
    public var sysContact: String?
    /// `sysUpTime` in seconds (hundredths of a second divided by 100).
    public var uptimeSeconds: Double?
    public var entities: [PhysicalEntity]

    public init(
        sysDescr: String? = nil, sysObjectID: String? = nil, sysName: String? = nil, sysLocation: String? = nil,
        sysContact: String? = nil, uptimeSeconds: Double? = nil, entities: [PhysicalEntity] = []
    ) {
        self.sysDescr = sysDescr
        self.sysObjectID = sysObjectID
        self.sysName = sysName
        self.sysLocation = sysLocation
        self.sysContact = sysContact
        self.uptimeSeconds = uptimeSeconds
        self.entities = entities
    }
}

/// One row of ENTITY-MIB `entPhysicalTable`.
public struct PhysicalEntity: Sendable, Hashable, Codable {
    /// `PhysicalClass` names: chassis, module, powerSupply, fan, sensor, port, stack, cpu, …
    public enum Class: String, Sendable, Codable {
        case other, unknown, chassis, backplane, container, powerSupply, fan, sensor, module, port, stack, cpu
        case energyObject, battery, storageDrive

        /// The class for an ENTITY-MIB `PhysicalClass` integer.
        public init(entityMIBValue: Int) {
            let table: [Int: Class] = [
                1: .other, 2: .unknown, 3: .chassis, 4: .backplane, 5: .container, 6: .powerSupply, 7: .fan,
                8: .sensor, 9: .module, 10: .port, 11: .stack, 12: .cpu, 13: .energyObject, 14: .battery,
                15: .storageDrive,
            ]
            self = table[entityMIBValue] ?? .unknown
        }
    }

    public var index: Int
    public var `class`: Class
    public var descr: String?
    public var name: String?
    public var containedIn: Int?
    public var hardwareRev: String?
    public var firmwareRev: String?
    public var softwareRev: String?
    public var serial: String?
    public var manufacturer: String?
    public var model: String?

    public init(
        index: Int, class: Class, descr: String? = nil, name: String? = nil, containedIn: Int? = nil,
        hardwareRev: String? = nil, firmwareRev: String? = nil, softwareRev: String? = nil, serial: String? = nil,
        manufacturer: String? = nil, model: String? = nil
    ) {
        self.index = index
        self.class = `class`
        self.descr = descr
        self.name = name
        self.containedIn = containedIn
        self.hardwareRev = hardwareRev
        self.firmwareRev = firmwareRev
        self.softwareRev = softwareRev
        self.serial = serial
        self.manufacturer = manufacturer
        self.model = model
    }
}
