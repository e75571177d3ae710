import Crypto
import Foundation
import JifangModel

/// File operations that make a backup durable: hashing, fsync, atomic rename, tree copies.
///
/// A backup is built in a `.partial` folder, every file is fsynced, the folder is renamed to its
/// final name and the parent folder fsynced; a crash before the rename leaves only the partial
/// folder, which nothing counts as a backup.
///
/// Backups hold device configurations with passwords, password hashes and whole registries, so
/// every folder this creates is `0700` and every file it writes or seals is `0600`, whatever the
/// process's umask and whatever mode the source had.
enum DurableFiles {
    /// The mode of every file in a backup repository, a copy location or a restore.
    static let fileMode: mode_t = 0o600
    /// The mode of every folder created there.
    static let folderMode: mode_t = 0o700

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

    /// Sets every file under `root` to ``fileMode`` and every folder to ``folderMode``, then
    /// fsyncs the tree: done to a staging tree before it is committed, whatever wrote it (SQLite's
    /// backup API, pg_dump, tar and xorriso create files by the umask; a copy keeps its source's mode).
    /// `root` may also be a single file.
    static func sealTree(_ root: String) throws(BackupError) {
        var info = stat()
        guard lstat(root, &info) == 0 else { throw .io(path: root, reason: "is missing: \(errnoText())") }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            try setMode(root, fileMode)
            try fsync(root)
            return
        }
        for file in try files(under: root) { try setMode("\(root)/\(file)", fileMode) }
        for folder in try folders(under: root) { try setMode("\(root)/\(folder)", folderMode) }
        try setMode(root, folderMode)
        try fsyncTree(root)
    }

    /// Sets the mode of `path`, which must not be a symbolic link (`chmod` would follow it).
    static func setMode(_ path: String, _ mode: mode_t) throws(BackupError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .io(path: path, reason: "cannot be examined: \(errnoText())") }
        guard info.st_mode & S_IFMT != S_IFLNK else { throw .io(path: path, reason: "is a symbolic link") }
        guard chmod(path, mode) == 0 else { throw .io(path: path, reason: "cannot be made private: \(errnoText())") }
    }

    /// Writes `data` to a new file at `path` with mode ``fileMode``, without following a link there.
    ///
    /// - Throws: when anything, a link included, already exists at `path`.
    static func writeNewFile(_ data: Data, to path: String) throws(BackupError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot be created: \(errnoText())") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw .io(path: path, reason: "cannot be written: \(error.localizedDescription)")
        }
        // The umask may have taken bits away from fileMode, never added any; fchmod makes it exact.
        guard fchmod(descriptor, fileMode) == 0, Foundation.fsync(descriptor) == 0 else {
            throw .io(path: path, reason: "cannot be synced: \(errnoText())")
        }
    }

    /// Renames `from` to `to` (replacing nothing) and fsyncs the parent so the rename survives a crash.
    ///
    /// A file is moved by `link` then `unlink`: `link` never replaces anything, a symbolic link
    /// planted at `to` included, where `rename` would replace a file there. A folder is renamed;
    /// `rename` refuses to put a folder over a link, a file or a non-empty folder.
    static func commit(_ from: String, to: String) throws(BackupError) {
        let parent = (to as NSString).deletingLastPathComponent
        try makeFolder(parent)
        var info = stat()
        guard lstat(to, &info) != 0 else { throw .io(path: to, reason: "already exists") }
        guard lstat(from, &info) == 0 else { throw .io(path: from, reason: "is missing: \(errnoText())") }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard rename(from, to) == 0 else {
                throw .io(path: to, reason: "rename from \(from) failed: \(errnoText())")
            }
        } else {
            guard link(from, to) == 0 else { throw .io(path: to, reason: "cannot be created: \(errnoText())") }
            unlink(from)
        }
        try fsync(parent)
    }

    /// Creates `path` and any missing parents, each new folder with mode ``folderMode``.
    static func makeFolder(_ path: String) throws(BackupError) {
        var missing: [String] = []
        var current = path
        var info = stat()
        while !current.isEmpty, current != "/", stat(current, &info) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        if missing.isEmpty, info.st_mode & S_IFMT != S_IFDIR {
            throw .io(path: path, reason: "cannot create the folder: a file is in the way")
        }
        for folder in missing.reversed() {
            guard mkdir(folder, folderMode) == 0 || errno == EEXIST else {
                throw .io(path: folder, reason: "cannot create the folder: \(errnoText())")
            }
        }
    }

    /// A new, empty folder beside `path` that only this process's user can enter, named
    /// unpredictably (`.<name>.<label>-XXXXXX`, by `mkdtemp`), so nobody can plant anything in it beforehand.
    static func makePrivateFolder(beside path: String, label: String) throws(BackupError) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        try makeFolder(parent.isEmpty ? "." : parent)
        var template = Array("\(parent.isEmpty ? "." : parent)/.\(name).\(label)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        guard let made else {
            throw .io(path: path, reason: "cannot create a private folder beside it: \(errnoText())")
        }
        return made
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Regular files under `root`, relative and `/`-separated, sorted; symbolic links are skipped.
    static func files(under root: String) throws(BackupError) -> [String] {
        try entries(under: root).filter { $0.type == S_IFREG }.map(\.path).sorted()
    }

    /// Folders under `root`, relative, deepest first; symbolic links are skipped.
    static func folders(under root: String) throws(BackupError) -> [String] {
        try entries(under: root).filter { $0.type == S_IFDIR }.map(\.path).sorted(by: >)
    }

    /// Every entry under `root` with its `lstat` type, relative and `/`-separated, in no order.
    ///
    /// Links are reported as links and never followed, so a link planted in a tree cannot lead a
    /// walk (and the copy or removal that follows it) outside the tree.
    private static func entries(under root: String) throws(BackupError) -> [(path: String, type: mode_t)] {
        var result: [(path: String, type: mode_t)] = []
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
                let type = info.st_mode & S_IFMT
                result.append((child, type))
                if type == S_IFDIR { pending.append(child) }
            }
        }
        return result
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
