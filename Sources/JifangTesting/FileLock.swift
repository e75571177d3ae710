import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock(2)` on a file, shared by every process and thread that locks the same path.
///
/// Acquiring polls without blocking so a waiting task does not hold a cooperative thread.
struct FileLock: Sendable {
    private let descriptor: Int32

    static func acquire(_ url: URL, poll: Duration = .milliseconds(100)) async throws -> FileLock {
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SNMPSimulatorError.launchFailed(reason: "cannot open lock file \(url.path): errno \(errno)")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let code = errno
                close(descriptor)
                throw SNMPSimulatorError.launchFailed(reason: "cannot lock \(url.path): errno \(code)")
            }
            do {
                try await Task.sleep(for: poll)
            } catch {
                close(descriptor)
                throw error
            }
        }
        return FileLock(descriptor: descriptor)
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
