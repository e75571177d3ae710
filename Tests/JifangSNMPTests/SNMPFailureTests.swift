import JifangSNMP
import JifangTesting
import Testing

@Suite(.serialized, .runningAgent)
struct SNMPFailureTests {
    @Test func deadDeviceTimesOutWithoutDelayingOthers() async throws {
        let daemon = try agent()
        let silent = try UDPResponder(.silent)
        defer { silent.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let dead = try await SNMPSession.open(
            SNMPTarget(host: "127.0.0.1", port: silent.port, version: .v2c(community: "public"),
                       timeout: .milliseconds(700), retries: 2))
        async let deadResult: Result<[VarBind], SNMPError> = {
            do throws(SNMPError) { return .success(try await dead.walk(MIB2.system)) } catch { return .failure(error) }
        }()
        let alive = try await SNMPSession.open(v2c(daemon))
        var aliveRounds = 0
        while clock.now - start < .milliseconds(1500) {
            _ = try await alive.walk(MIB2.system)
            aliveRounds += 1
        }
        let result = await deadResult
        let elapsed = clock.now - start
        guard case .failure(let error) = result, case .timeout(_, let seconds, let retries) = error else {
            Issue.record("expected a timeout, got \(result)")
            return
        }
        #expect(seconds == 0.7 && retries == 2)
        #expect(error.description.contains("udp:127.0.0.1:\(silent.port)"))
        // 3 attempts × 0.7 s for the walk's GETBULK, then its GETNEXT fallback once more.
        #expect(elapsed >= .milliseconds(2000))
        #expect(aliveRounds > 20, "the live session completed only \(aliveRounds) walks while the dead one waited")
        #expect(dead.statistics.timeouts >= 1)
        await dead.close()
        await alive.close()
    }

    @Test func garbageRepliesEndAsTimeoutNotCrash() async throws {
        for size in [1, 7, 60, 400, 1400] {
            let garbage = try UDPResponder(.garbage(count: size))
            defer { garbage.stop() }
            let session = try await SNMPSession.open(
                SNMPTarget(host: "127.0.0.1", port: garbage.port, version: .v2c(community: "public"),
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
        let target = SNMPTarget(
            host: "127.0.0.1", port: silent.port, version: .v3(security), timeout: .milliseconds(300), retries: 0)
        let daemon = try agent()
        async let opening: SNMPError? = {
            do throws(SNMPError) { _ = try await SNMPSession.open(target); return nil } catch { return error }
        }()
        // Traffic of open sessions goes on while the v3 probe waits.
        let clock = ContinuousClock()
        let alive = try await SNMPSession.open(v2c(daemon))
        try await Task.sleep(for: .milliseconds(20))
        let start = clock.now
        for _ in 0..<5 { _ = try await alive.walk(MIB2.system) }
        #expect(clock.now - start < .milliseconds(200))
        let error = await opening
        guard case .timeout = error else { Issue.record("expected timeout, got \(String(describing: error))"); return }
        await alive.close()
    }
}
