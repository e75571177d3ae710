import Foundation
import JifangModel

extension BackupAgent {
    /// The masked diff kept with configuration version `id` (secrets replaced as
    /// `secretPatterns` say), empty for a first version.
    ///
    /// - Throws: ``BackupError/noSuchBackup(id:reason:)`` when `id` is not a configuration
    ///   version of the register.
    public func configDiff(id: Int64) throws(BackupError) -> String {
        let record: BackupRecord?
        do {
            record = try store.backup(id: id)
        } catch {
            throw .io(path: store.path, reason: "\(error)")
        }
        guard let record, record.kind == .config else {
            throw .noSuchBackup(id: id, reason: "it is not a configuration version in the backup register")
        }
        let path = layout.configDiff(target: record.target, id: id)
        return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}
