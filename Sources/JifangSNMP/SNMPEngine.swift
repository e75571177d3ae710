import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The thread that drives every session of a process: net-snmp's single-session API with
/// non-blocking UDP sockets, watched by one epoll set.
///
/// Tasks hand work to the engine through a locked queue and an eventfd wake-up; only the engine
/// thread calls net-snmp on an open session, so thousands of devices can be in flight at once
/// (there is no limit of 1024 sockets: epoll and net-snmp's large fd sets are used).
///
/// Opening an SNMPv3 session makes net-snmp probe the agent's engine ID synchronously, and
/// resolving a host name may block on DNS. Those opens therefore run on a separate opener thread
/// (one at a time, because net-snmp's USM user table is not thread-safe), so a dead v3 device
/// delays other v3 opens but never the traffic of sessions that are already open. v1/v2c
/// sessions to numeric addresses open directly on the engine thread.
public final class SNMPEngine: Sendable {
    /// The engine most code uses; created on first use, lives as long as the process.
    public static let shared = SNMPEngine()

    let loop: EngineLoop

    public init() {
        _ = NetSNMP.initialized
        loop = EngineLoop()
        let loop = self.loop
        let thread = Thread { loop.run() }
        thread.name = "jifang.snmp.engine"
        thread.start()
    }

    deinit {
        loop.submit(.shutdown)
    }

    /// Sessions this engine currently has open.
    public var openSessions: Int {
        loop.openSessionCount.load(ordering: .relaxed)
    }

    func open(_ target: SNMPTarget) async -> Result<Int, SNMPError> {
        let id = loop.nextID.wrappingAdd(1, ordering: .relaxed).newValue
        let result: Result<Void, SNMPError> = await withCheckedContinuation { continuation in
            if target.opensWithoutBlocking {
                loop.submit(.open(id: id, target: target, continuation: continuation))
            } else {
                let loop = self.loop
                loop.opener.async {
                    switch NetSNMP.open(target) {
                    case .success(let handle):
                        loop.submit(.adopt(id: id, target: target, handle: handle, continuation: continuation))
                    case .failure(let error):
                        continuation.resume(returning: .failure(error))
                    }
                }
            }
        }
        return result.map { id }
    }

    func send(_ request: SNMPRequest, session id: Int) async -> Result<SNMPResponse, SNMPError> {
        await withCheckedContinuation { continuation in
            loop.submit(.request(id: id, request: request, continuation: continuation))
        }
    }

    func close(session id: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            loop.submit(.close(id: id, continuation: continuation))
        }
    }

    /// Closes without waiting (from a session's deinit).
    func closeSoon(session id: Int) {
        loop.submit(.close(id: id, continuation: nil))
    }
}

extension SNMPTarget {
    /// v1/v2c to a numeric address: `snmp_sess_open` only creates a socket.
    var opensWithoutBlocking: Bool {
        if case .v3 = version { return false }
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
