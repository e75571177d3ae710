/// What a device is, as classification decided it from sysObjectID, sysDescr and ENTITY-MIB.
///
/// `matchedRule` names the Policies/ rule that decided `kind` and `vendor`, so a person can see
/// why a device was classified the way it was.
public struct DeviceIdentity: Sendable, Hashable, Codable {
    public var kind: DeviceKind
    public var vendor: String?
    public var model: String?
    public var osVersion: String?
    public var serial: String?
    public var matchedRule: String?

    public init(
        kind: DeviceKind = .other, vendor: String? = nil, model: String? = nil, osVersion: String? = nil,
        serial: String? = nil, matchedRule: String? = nil
    ) {
        self.kind = kind
        self.vendor = vendor
        self.model = model
        self.osVersion = osVersion
        self.serial = serial
        self.matchedRule = matchedRule
    }
}
