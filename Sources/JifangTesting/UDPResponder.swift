import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A UDP socket on loopback that swallows every datagram, answers it with random bytes, or with
/// bytes a test computes from it: a dead, broken or lying SNMP agent for tests.
public final class UDPResponder: @unchecked Sendable {
    public enum Behaviour: Sendable {
        /// Never answers.
        case silent
        /// Answers every datagram with `count` random bytes (some starting like a BER sequence).
        case garbage(count: Int)
        /// Answers a datagram with what `reply` returns for it; `nil` sends nothing.
        case reply(@Sendable ([UInt8]) -> [UInt8]?)
    }

    public let port: Int
    private let fd: Int32
    private let stopping = Atomic<Bool>(false)
    /// Signalled by the serving thread once it has closed the socket.
    private let finished = DispatchSemaphore(value: 0)

    public init(_ behaviour: Behaviour, host: String = "127.0.0.1") throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, host, &address.sin_addr)
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
        }
        guard bound == 0 else { throw FixtureError("bind(\(host):0) failed: errno \(errno)") }
        var length = size
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.fd = fd
        Thread { [self] in
            serve(behaviour)
            // Closed here, not in stop(): a descriptor closed under a thread still using it can be
            // reused by the next socket(), which a late sendto would then bind behind its owner.
            close(fd)
            finished.signal()
        }.start()
    }

    private func serve(_ behaviour: Behaviour) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var generator = SystemRandomNumberGenerator()
        var datagram = 0
        while true {
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let received = withUnsafeMutablePointer(to: &peer) { peerPointer in
                peerPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(fd, &buffer, buffer.count, 0, $0, &peerLength)
                }
            }
            if received < 0 || stopping.load(ordering: .relaxed) { return }  // shut down by stop()
            var reply: [UInt8]
            switch behaviour {
            case .silent:
                continue
            case .garbage(let count):
                datagram += 1
                reply = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if datagram % 2 == 0, reply.count > 2 {
                    reply[0] = 0x30  // looks like a SEQUENCE, so the decoder gets further
                    reply[1] = UInt8(min(reply.count - 2, 127))
                }
            case .reply(let answer):
                guard let answered = answer(Array(buffer[..<received])) else { continue }
                reply = answered
            }
            _ = withUnsafePointer(to: &peer) { peerPointer in
                peerPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, reply, reply.count, 0, $0, peerLength)
                }
            }
        }
    }

    /// Shuts the socket down and waits until the serving thread has ended and closed it.
    /// Safe to call more than once.
    public func stop() {
        guard !stopping.exchange(true, ordering: .relaxed) else { return }
        // Wakes the thread blocked in recvfrom.
        shutdown(fd, Int32(SHUT_RDWR))
        finished.wait()
    }
}
