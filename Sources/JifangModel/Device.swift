/// A device as the inventory declares it: where it is and how to reach it.
///
/// What the device *reports* about itself lives in ``DeviceHealth``; facts a person verified by
/// hand (an earthing measurement, a UPS's topology) are in ``declaredFacts`` and are labelled as
/// declared wherever they are used as evidence.
public struct Device: Sendable, Hashable, Codable, Identifiable {
    /// Unique name within the inventory, e.g. `core-router`.
    public var name: String
    /// IPv4 or IPv6 address, or a host name.
    public var address: String
    /// UDP port of the SNMP agent; 161 unless the inventory says otherwise.
    public var port: Int
    public var credentials: SNMPCredentials
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
    /// Seconds to wait for one response before retrying.
    public var timeoutSeconds: Double
    /// Retransmissions after the first attempt.
    public var retries: Int

    public var id: String { name }

    public init(
        name: String,
        address: String,
        port: Int = 161,
        credentials: SNMPCredentials = .v2c(community: "public"),
        unit: String? = nil,
        location: String? = nil,
        owner: String? = nil,
        declaredKind: DeviceKind? = nil,
        declaredFacts: DeviceFacts = DeviceFacts(),
        timeoutSeconds: Double = 2,
        retries: Int = 1
    ) {
        self.name = name
        self.address = address
        self.port = port
        self.credentials = credentials
        self.unit = unit
        self.location = location
        self.owner = owner
        self.declaredKind = declaredKind
        self.declaredFacts = declaredFacts
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
    }
}
