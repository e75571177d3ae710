import JifangModel

/// Where backups go and what they copy, as a person wrote it in Inventory/backups.yaml.
///
/// A file of its own beside the site inventory, so sites without a backup plan need none:
///
/// ```yaml
/// repository: var/backups            # the backup repository on this machine
/// copies:
///   second: /srv/second-machine/jifang  # dual-machine copy (Art. 142)
///   removable: /media/backup-disk       # removable media (Art. 142)
/// targets:
///   - { name: registry-db, category: database, sqlite: /srv/mis/registry.sqlite }
///   - name: core-router-config
///     category: configuration
///     device: core-router
///     dropFolder: { path: /srv/tftp/core-router, pattern: "*.cfg" }
/// ```
///
/// Relative paths are kept as written and resolve against the working directory.
public struct BackupInventory: Sendable, Hashable {
    /// The folder backups are written to.
    public var repository: String
    /// A second machine's folder (a mount) every backup is also copied to.
    public var secondCopy: String?
    /// The removable-media path every backup is also copied to.
    public var removable: String?
    /// Targets in file order; names are unique.
    public var targets: [BackupTarget]

    public init(repository: String, secondCopy: String? = nil, removable: String? = nil, targets: [BackupTarget] = []) {
        self.repository = repository
        self.secondCopy = secondCopy
        self.removable = removable
        self.targets = targets
    }

    /// The target called `name`, if there is one.
    public func target(named name: String) -> BackupTarget? {
        targets.first { $0.name == name }
    }

    /// Reads and validates the file at `path`.
    ///
    /// - Parameter devices: the site inventory's device names; a configuration target must name
    ///   one of them. `nil` skips that check.
    public static func load(path: String, devices: Set<String>? = nil) throws(ConfigErrors) -> BackupInventory {
        try read(YAMLDocument(path: path), devices: devices)
    }

    /// Validates backup inventory text; `file` is the name used in errors.
    public static func parse(
        yaml: String, file: String = "backups.yaml", devices: Set<String>? = nil
    ) throws(ConfigErrors) -> BackupInventory {
        try read(YAMLDocument(yaml: yaml, file: file), devices: devices)
    }

    private static func read(_ document: YAMLDocument, devices: Set<String>?) throws(ConfigErrors) -> BackupInventory {
        var inventory = BackupInventory(repository: "")
        if let root = document.root?.mapping(allowed: ["repository", "copies", "targets"]) {
            inventory.repository = root.required("repository")?.nonEmptyString() ?? ""
            if let copies = root.optional("copies")?.mapping(allowed: ["second", "removable"]) {
                inventory.secondCopy = copies.optional("second")?.nonEmptyString()
                inventory.removable = copies.optional("removable")?.nonEmptyString()
            }
            if let targets = root.required("targets")?.sequence() {
                inventory.targets = BackupTargetReader(devices: devices).read(targets)
            }
        }
        let errors = document.diagnostics.errors
        guard errors.isEmpty else { throw ConfigErrors(errors) }
        return inventory
    }
}
