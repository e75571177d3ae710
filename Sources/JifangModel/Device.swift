/// A device as the inventory declares it: what it is (``profile``) and how to reach it
/// (``credentials``, ``timeoutSeconds``, ``retries``).
///
/// Only the inventory reader, the agents that talk SNMP and the command line hold a `Device`.
/// It is deliberately not `Codable`: what is stored, exported or served is its ``profile``, so a
/// community or v3 secret cannot end up in a row, a report or an API answer by encoding it.
///
/// What the device *reports* about itself lives in ``DeviceHealth``; facts a person verified by
/// hand (an earthing measurement, a UPS's topology) are in ``declaredFacts`` and are labelled as
/// declared wherever they are used as evidence.
public struct Device: Sendable, Hashable, Identifiable {
    /// Everything about the device except how to authenticate to it.
    public var profile: DeviceProfile
    /// The SNMP version and community or v3 user, with secrets as references or inline values.
    public var credentials: SNMPCredentials
    /// Seconds to wait for one response before retrying.
    public var timeoutSeconds: Double
    /// Retransmissions after the first attempt.
    public var retries: Int

    public var id: String { profile.name }

    /// Unique name within the inventory, e.g. `core-router`.
    public var name: String {
        get { profile.name }
        set { profile.name = newValue }
    }
    /// IPv4 or IPv6 address, or a host name.
    public var address: String {
        get { profile.address }
        set { profile.address = newValue }
    }
    /// UDP port of the SNMP agent; 161 unless the inventory says otherwise.
    public var port: Int {
        get { profile.port }
        set { profile.port = newValue }
    }
    /// The unit (``OrganisationUnit/id``) the device belongs to, if the inventory says.
    public var unit: String? {
        get { profile.unit }
        set { profile.unit = newValue }
    }
    /// Room, rack and position, free text.
    public var location: String? {
        get { profile.location }
        set { profile.location = newValue }
    }
    /// The responsible person (Art. 132).
    public var owner: String? {
        get { profile.owner }
        set { profile.owner = newValue }
    }
    /// A kind the inventory insists on; overrides classification when set.
    public var declaredKind: DeviceKind? {
        get { profile.declaredKind }
        set { profile.declaredKind = newValue }
    }
    /// Facts verified by a person, keyed like ``DeviceFacts``.
    public var declaredFacts: DeviceFacts {
        get { profile.declaredFacts }
        set { profile.declaredFacts = newValue }
    }

    public init(
        name: String,
        address: String,
        port: Int = 161,
        credentials: SNMPCredentials = .v2c(community: .inline("public")),
        unit: String? = nil,
        location: String? = nil,
        owner: String? = nil,
        declaredKind: DeviceKind? = nil,
        declaredFacts: DeviceFacts = DeviceFacts(),
        timeoutSeconds: Double = 2,
        retries: Int = 1
    ) {
        self.init(
            profile: DeviceProfile(
                name: name, address: address, port: port, unit: unit, location: location, owner: owner,
                declaredKind: declaredKind, declaredFacts: declaredFacts),
            credentials: credentials, timeoutSeconds: timeoutSeconds, retries: retries)
    }

    public init(profile: DeviceProfile, credentials: SNMPCredentials, timeoutSeconds: Double = 2, retries: Int = 1) {
        self.profile = profile
        self.credentials = credentials
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
    }
}
