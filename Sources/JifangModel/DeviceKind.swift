/// What a device is, as far as the regulation's hardware articles are concerned.
///
/// The raw values are the names people and scripts see (`--format json`, Policies/ files).
public enum DeviceKind: String, Sendable, Codable, CaseIterable, Comparable {
    case router
    case `switch`
    case server
    case ups
    case firewall
    case other

    public static func < (lhs: DeviceKind, rhs: DeviceKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
