import Foundation
import JifangConfig
import JifangModel
import JifangStore

extension BackupAgent {
    /// The agent as the files configure it: targets and copy locations from `backups`
    /// (Inventory/backups.yaml), devices from the site inventory `inventory` when that file exists
    /// (for SNMP change detection), schedule and retention from `<policies>/backups.yaml`.
    ///
    /// - Throws: ``ConfigErrors`` with file, line and field when a file is missing or wrong.
    public static func load(
        backups: String, inventory: String, policies: String, store: Store,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> BackupAgent {
        var devices: [Device] = []
        if FileManager.default.fileExists(atPath: inventory) {
            devices = try Inventory.load(path: inventory).devices
        }
        let targets = try BackupInventory.load(path: backups, devices: Set(devices.map(\.name)))
        let policy = try BackupPolicy.load(path: "\(policies)/backups.yaml")
        return BackupAgent(inventory: targets, policy: policy, store: store, devices: devices, now: now)
    }
}
