/// An ``ARPEvent`` with the switch and port where the offending MAC was found, when known.
///
/// Encodes as one flat JSON object: the keys of ``ARPEvent`` plus `switch` and `port`
/// (`null` when unknown), so every line of `jifang watch --format json` has the same keys.
public struct LocatedARPEvent: Sendable, Hashable, Codable {
    public var event: ARPEvent
    /// The inventory name of the switch where the MAC is learned.
    public var switchName: String?
    /// The port's ifName on that switch.
    public var port: String?

    public init(_ event: ARPEvent, switchName: String? = nil, port: String? = nil) {
        self.event = event
        self.switchName = switchName
        self.port = port
    }

    private enum CodingKeys: String, CodingKey {
        case switchName = "switch"
        case port
    }

    public init(from decoder: any Decoder) throws {
        event = try ARPEvent(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switchName = try container.decodeIfPresent(String.self, forKey: .switchName)
        port = try container.decodeIfPresent(String.self, forKey: .port)
    }

    public func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(switchName, forKey: .switchName)
        try container.encode(port, forKey: .port)
    }
}
