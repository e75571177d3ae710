import Foundation
import JifangSNMP
import JifangTesting
import Testing

@Suite(.serialized, .runningAgent)
struct SNMPFailureTests {
    @Test func deadDeviceTimesOutWithoutDelayingOthers() async throws {
        let daemon = try agent()
        let silent = try UDPResponder(.silent)
        defer { silent.stop() }
        let dead = try await SNMPSession.open(
            SNMPTarget(
                host: "127.0.0.1", port: silent.port, version: .v2c(community: "public"),
                timeout: .milliseconds(1500), retries: 2))
        let finished = Flag()
        let deadWalk = Task { () -> Result<[VarBind], SNMPError> in
            defer { finished.set() }
            do throws(SNMPError) { return .success(try await dead.walk(MIB2.system)) } catch { return .failure(error) }
        }
        // The dead walk needs at least 3 × 1.5 s; five walks of a live agent on the same engine
        // thread finish long before that unless the engine waits on the dead device.
        let alive = try await SNMPSession.open(v2c(daemon))
        for _ in 0..<5 { _ = try await alive.walk(MIB2.system) }
        #expect(!finished.isSet, "the live session waited for the dead one")
        let result = await deadWalk.value
        guard case .failure(let error) = result, case .timeout(_, let seconds, let retries) = error else {
            Issue.record("expected a timeout, got \(result)")
            return
        }
        #expect(seconds == 1.5 && retries == 2)
        #expect(error.description.contains("udp:127.0.0.1:\(silent.port)"))
        #expect(dead.statistics.timeouts >= 1)
        await dead.close()
        await alive.close()
    }

    @Test func garbageRepliesEndAsTimeoutNotCrash() async throws {
        for size in [1, 7, 60, 400, 1400] {
            let garbage = try UDPResponder(.garbage(count: size))
            defer { garbage.stop() }
            let session = try await SNMPSession.open(
                SNMPTarget(
                    host: "127.0.0.1", port: garbage.port, version: .v2c(community: "public"),
                    timeout: .milliseconds(200), retries: 1))
            do {
                _ = try await session.get([MIB2.sysDescr])
                Issue.record("random bytes were accepted as a response")
            } catch {
                switch error {
                case .timeout, .malformedResponse: break
                default: Issue.record("unexpected error \(error)")
                }
            }
            await session.close()
        }
    }

    @Test func closedSessionRefusesRequests() async throws {
        let session = try await SNMPSession.open(v2c(try agent()))
        await session.close()
        await #expect(throws: SNMPError.self) { try await session.get([MIB2.sysDescr]) }
    }

    @Test func sessionToDeadV3DeviceTimesOutAtOpen() async throws {
        let silent = try UDPResponder(.silent)
        defer { silent.stop() }
        let security = SNMPv3Security(user: "shaaes", authProtocol: .sha, authPassphrase: "shaaes-auth")
        // A long timeout so that on a loaded machine the walks below still end first: the test is
        // about order (the probe never blocks other sessions), not speed.
        let target = SNMPTarget(
            host: "127.0.0.1", port: silent.port, version: .v3(security), timeout: .seconds(8), retries: 0)
        let daemon = try agent()
        let finished = Flag()
        async let opening: SNMPError? = {
            defer { finished.set() }
            do throws(SNMPError) { _ = try await SNMPSession.open(target); return nil } catch { return error }
        }()
        // Traffic of open sessions goes on while the v3 probe waits.
        let alive = try await SNMPSession.open(v2c(daemon))
        for _ in 0..<5 { _ = try await alive.walk(MIB2.system) }
        #expect(!finished.isSet, "the walks of an open session ended while the v3 probe was still waiting")
        let error = await opening
        guard case .timeout = error else { Issue.record("expected timeout, got \(String(describing: error))"); return }
        await alive.close()
    }
}

/// A flag set once from any task.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
