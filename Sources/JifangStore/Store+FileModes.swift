import Foundation

extension Store {
    /// Makes the store at `path`, and its `-wal` and `-shm` if they exist, mode 0600 when this
    /// user owns them and they give the group or others any access.
    ///
    /// A store made before new stores were created 0600 was 0644 under the usual umask, with
    /// password hashes and tokens in it; SQLite gives new `-wal` and `-shm` files the database
    /// file's mode, so tightening the file keeps them private too. A file of another user is left
    /// as it is (an administrator reading the service's store must not change it), and so is a
    /// file that is missing or cannot be opened: opening the database reports that.
    ///
    /// - Throws: ``StoreError/cannotOpen(path:reason:cause:)`` when a file this user owns cannot be
    ///   made private.
    static func tightenModes(_ path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] {
            // One descriptor for the check and the change, so the file checked is the file changed.
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { Foundation.close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 else {
                continue
            }
            guard fchmod(descriptor, 0o600) == 0 else {
                let number = errno
                throw StoreError.cannotOpen(
                    path: path, reason: "cannot make \(file) private: \(String(cString: strerror(number)))",
                    cause: .posix(number))
            }
        }
    }
}
