/// A level of the administrative hierarchy the regulation is written for.
public enum UnitLevel: String, Sendable, Codable, CaseIterable {
    case province
    case city
    case county
    case township
    case village
}

/// A unit of the hierarchy: an information center (city, county) or workstation (township).
///
/// `id` is the code people use for the unit (for example an administrative division code);
/// `parent` is the id of the unit above it, `nil` for the top of an inventory.
public struct OrganisationUnit: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var level: UnitLevel
    public var parent: String?

    public init(id: String, name: String, level: UnitLevel, parent: String? = nil) {
        self.id = id
        self.name = name
        self.level = level
        self.parent = parent
    }
}
