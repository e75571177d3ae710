import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Free ports on the loopback interface for daemons that tests start.
public enum LoopbackPort {
    /// A UDP port on `host` that nothing is bound to right now.
    ///
    /// The kernel picks the port; there is a small window before the caller binds it in which
    /// another process could take it, so daemon launchers retry on a bind failure.
    public static func freeUDP(host: String = "127.0.0.1") -> Int {
        free(type: Int32(SOCK_DGRAM.rawValue), host: host)
    }

    /// A TCP port on `host` that nothing listens on right now.
    public static func freeTCP(host: String = "127.0.0.1") -> Int {
        free(type: Int32(SOCK_STREAM.rawValue), host: host)
    }

    private static func free(type: Int32, host: String) -> Int {
        let fd = socket(AF_INET, type, 0)
        precondition(fd >= 0, "socket() failed: \(errno)")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, host, &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        precondition(bound == 0, "bind(\(host):0) failed: \(errno)")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
