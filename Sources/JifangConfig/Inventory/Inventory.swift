import JifangModel

/// The site's units and devices, as a person wrote them in an inventory YAML file.
///
/// The smallest valid file is a `devices:` list whose items give `name`, `address`, `port` and
/// `community`. Loading checks the whole file and throws every problem found, each naming the
/// file, line and field (see ``ConfigError``). Secrets appear only as references
/// (`env:NAME`, `file:PATH`); ``SecretResolver`` reads them when they are needed.
public struct Inventory: Sendable, Hashable {
    /// The site's name, free text.
    public var site: String?
    public var units: [OrganisationUnit]
    /// Devices in file order; names are unique.
    public var devices: [Device]
    /// The IP–MAC binding register (`bindings:`, see ``BindingTable``); empty when absent.
    public var bindings: [BindingEntry] = []
    /// The interfaces `jifang agent` watches for ARP (`watch:`); `nil` when absent.
    public var watch: WatchSettings?
    /// Where `jifang agent` serves the web UI (`serve: HOST:PORT`); `nil` when absent.
    public var serve: ServeAddress?

    public init(site: String? = nil, units: [OrganisationUnit] = [], devices: [Device] = []) {
        self.site = site
        self.units = units
        self.devices = devices
    }

    /// The device called `name`, if the inventory has one.
    public func device(named name: String) -> Device? {
        devices.first { $0.name == name }
    }

    /// Reads and validates the inventory at `path`; errors name the file as `path` is written.
    public static func load(path: String) throws(ConfigErrors) -> Inventory {
        try read(YAMLDocument(path: path))
    }

    /// Validates inventory text; `file` is the name used in errors.
    public static func parse(yaml: String, file: String = "inventory.yaml") throws(ConfigErrors) -> Inventory {
        try read(YAMLDocument(yaml: yaml, file: file))
    }

    static let topLevelFields = ["site", "units", "devices", "bindings", "watch", "serve"]
    static let unitFields = ["id", "name", "level", "parent"]

    private static func read(_ document: YAMLDocument) throws(ConfigErrors) -> Inventory {
        var inventory = Inventory()
        if let root = document.root?.mapping(allowed: topLevelFields) {
            inventory.site = root.optional("site")?.string()
            if let units = root.optional("units")?.sequence() {
                inventory.units = readUnits(units)
            }
            let unitIDs = Set(inventory.units.map(\.id))
            if let devices = root.required("devices")?.sequence() {
                let reader = DeviceReader(knownUnits: root.has("units") ? unitIDs : nil)
                inventory.devices = reader.read(devices)
            }
            if let bindings = root.optional("bindings")?.sequence() {
                let reader = BindingReader(
                    knownUnits: root.has("units") ? unitIDs : nil, knownSwitches: Set(inventory.devices.map(\.name)))
                inventory.bindings = reader.read(bindings)
            }
            if let watch = root.optional("watch") {
                inventory.watch = WatchSettings.read(watch)
            }
            if let serve = root.optional("serve") {
                inventory.serve = ServeAddress.read(serve)
            }
        }
        let errors = document.diagnostics.errors
        guard errors.isEmpty else { throw ConfigErrors(errors) }
        return inventory
    }

    private static func readUnits(_ nodes: [YAMLNode]) -> [OrganisationUnit] {
        var units: [OrganisationUnit] = []
        var seen = FirstOccurrences<String>()
        for node in nodes {
            guard let fields = node.mapping(allowed: unitFields) else { continue }
            let idNode = fields.required("id")
            let id = idNode?.nonEmptyString()
            let name = fields.required("name")?.nonEmptyString()
            let level = fields.required("level")?.oneOf(UnitLevel.self)
            let parent = fields.optional("parent")?.nonEmptyString()
            if let id, let idNode {
                guard seen.claim(id, at: idNode) else { continue }
            }
            guard let id, let name, let level else { continue }
            units.append(OrganisationUnit(id: id, name: name, level: level, parent: parent))
        }
        return units
    }
}
