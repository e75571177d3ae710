import Crypto
import Foundation
import JifangModel

/// File operations that make a backup durable: hashing, fsync, atomic rename, tree copies.
///
/// A backup is built in a `.partial` folder, every file is fsynced, the folder is renamed to its
/// final name and the parent folder fsynced; a crash before the rename leaves only the partial
/// folder, which nothing counts as a backup.
enum DurableFiles {
    /// Lower-case hex SHA-256 of a file, read in 1 MiB chunks.
    static func sha256(ofFile path: String) throws(BackupError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io(path: path, reason: "cannot be opened for reading")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw .io(path: path, reason: "cannot be read: \(error)")
        }
        return hex(hasher.finalize())
    }

    static func sha256(of data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Flushes a file or folder to the disk.
    static func fsync(_ path: String) throws(BackupError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot be opened to sync: \(errnoText())") }
        defer { close(descriptor) }
        guard Foundation.fsync(descriptor) == 0 else { throw .io(path: path, reason: "fsync failed: \(errnoText())") }
    }

    /// Fsyncs every file under `root`, then every folder, then `root` itself.
    static func fsyncTree(_ root: String) throws(BackupError) {
        let all = try files(under: root)
        for file in all { try fsync("\(root)/\(file)") }
        let folders = Set(all.compactMap { $0.contains("/") ? String($0[..<$0.lastIndex(of: "/")!]) : nil })
        for folder in folders.sorted(by: >) { try fsync("\(root)/\(folder)") }
        try fsync(root)
    }

    /// Renames `from` to `to` (replacing nothing) and fsyncs the parent so the rename survives a crash.
    static func commit(_ from: String, to: String) throws(BackupError) {
        let parent = (to as NSString).deletingLastPathComponent
        try makeFolder(parent)
        guard !FileManager.default.fileExists(atPath: to) else { throw .io(path: to, reason: "already exists") }
        guard rename(from, to) == 0 else { throw .io(path: to, reason: "rename from \(from) failed: \(errnoText())") }
        try fsync(parent)
    }

    static func makeFolder(_ path: String) throws(BackupError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Regular files under `root`, relative and `/`-separated, sorted; symbolic links are skipped.
    static func files(under root: String) throws(BackupError) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : "\(root)/\(relative)"
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                throw .io(path: folder, reason: "cannot be listed")
            }
            for name in names {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                var info = stat()
                guard lstat("\(root)/\(child)", &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: result.append(child)
                case S_IFDIR: pending.append(child)
                default: break
                }
            }
        }
        return result.sorted()
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Copies the tree `source` to `destination` (which must not exist), file by file.
    static func copyTree(_ source: String, to destination: String, link: Bool = false) throws(BackupError) {
        try makeFolder(destination)
        for file in try files(under: source) {
            let target = "\(destination)/\(file)"
            try makeFolder((target as NSString).deletingLastPathComponent)
            do {
                if link {
                    do {
                        try FileManager.default.linkItem(atPath: "\(source)/\(file)", toPath: target)
                        continue
                    } catch {}  // another file system: copy instead
                }
                try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: target)
            } catch {
                throw .io(path: target, reason: "cannot copy \(source)/\(file): \(error.localizedDescription)")
            }
        }
    }

    /// Manifest entries for every file under `root` except `MANIFEST.json`.
    static func manifestFiles(under root: String) throws(BackupError) -> [BackupManifestFile] {
        try files(under: root).filter { $0 != BackupLayout.manifestName }.map { relative throws(BackupError) in
            let path = "\(root)/\(relative)"
            return BackupManifestFile(path: relative, size: size(path), sha256: try sha256(ofFile: path))
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
