/// What may be known about a device without the means to reach into it: its name, place and
/// owner, where it answers, and what the inventory declares about it.
///
/// This is the part of a ``Device`` that is stored, exported and served (``DeviceHealth/device``,
/// the store's register, the API). Its credentials stay in ``Device``, which is not `Codable`, so
/// no encoder can write them. `address` and `port` are here because people read them in reports;
/// they are not secrets.
public struct DeviceProfile: Sendable, Hashable, Codable, Identifiable {
    /// Unique name within the inventory, e.g. `core-router`.
    public var name: String
    /// IPv4 or IPv6 address, or a host name.
    public var address: String
    /// UDP port of the SNMP agent; 161 unless the inventory says otherwise.
    public var port: Int
    /// The unit (``OrganisationUnit/id``) the device belongs to, if the inventory says.
    public var unit: String?
    /// Room, rack and position, free text.
    public var location: String?
    /// The responsible person (Art. 132).
    public var owner: String?
    /// A kind the inventory insists on; overrides classification when set.
    public var declaredKind: DeviceKind?
    /// Facts verified by a person, keyed like ``DeviceFacts``.
    public var declaredFacts: DeviceFacts

    public var id: String { name }

    public init(
        name: String, address: String, port: Int = 161, unit: String? = nil, location: String? = nil,
        owner: String? = nil, declaredKind: DeviceKind? = nil, declaredFacts: DeviceFacts = DeviceFacts()
    ) {
        self.name = name
        self.address = address
        self.port = port
        self.unit = unit
        self.location = location
        self.owner = owner
        self.declaredKind = declaredKind
        self.declaredFacts = declaredFacts
    }
}
