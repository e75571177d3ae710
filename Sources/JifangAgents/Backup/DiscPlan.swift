import Foundation
import JifangModel

/// Spreads a quarter's backups over as many discs as `disc.capacityMB` needs (Art. 142).
///
/// Backups are never split across discs and keep their order: disc 1 holds the oldest. The
/// room a backup takes on an ISO 9660 image is estimated from its files rounded up to 2 KiB
/// sectors plus directory records, on top of a fixed image overhead; the images made are
/// checked against the capacity afterwards, so an estimate that is too small is an error, never
/// an oversized disc.
struct DiscPlan {
    /// An empty image with Rock Ridge and Joliet trees takes about 370 KiB.
    static let imageOverhead: Int64 = 512 * 1024
    static let sector: Int64 = 2048
    /// Directory records of a backup's nested folders, in the three trees.
    static let backupOverhead: Int64 = 16 * 1024

    /// What each backup takes on a disc, in the records' order.
    let costs: [Int64]
    let capacity: Int64

    /// The room `folder`'s files take on an image.
    static func cost(of folder: String) throws(BackupError) -> Int64 {
        var total = backupOverhead
        for file in try DurableFiles.files(under: folder) {
            let size = DurableFiles.size("\(folder)/\(file)")
            total += (size + sector - 1) / sector * sector + sector
        }
        return total
    }

    /// Indexes of the backups on each disc, discs in order.
    ///
    /// - Throws: ``BackupError/io(path:reason:)`` naming `names[i]` when one backup alone does
    ///   not fit on a disc.
    func discs(names: [String]) throws(BackupError) -> [[Int]] {
        let room = capacity - Self.imageOverhead
        var discs: [[Int]] = []
        var current: [Int] = []
        var used: Int64 = 0
        for (index, cost) in costs.enumerated() {
            guard cost <= room else {
                throw .io(
                    path: names[index],
                    reason:
                        "this backup needs \(BackupAgent.size(cost)) and a disc holds \(BackupAgent.size(max(0, room))) "
                        + "after its file system; raise disc.capacityMB in Policies/backups.yaml or use larger media")
            }
            if used + cost > room, !current.isEmpty {
                discs.append(current)
                current = []
                used = 0
            }
            current.append(index)
            used += cost
        }
        if !current.isEmpty { discs.append(current) }
        return discs
    }
}
