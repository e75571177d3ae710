import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@Suite(.serialized, .runningAgent)
struct SNMPSessionTests {
    @Test func getReturnsTypedValues() async throws {
        let session = try await SNMPSession.open(v2c(try agent()))
        let values = try await session.get([MIB2.sysDescr, MIB2.sysObjectID, MIB2.sysUpTime, "1.3.6.1.2.1.1.99.0"])
        #expect(values.map(\.oid) == [MIB2.sysDescr, MIB2.sysObjectID, MIB2.sysUpTime, "1.3.6.1.2.1.1.99.0"])
        #expect(values[0].value.string == "Jifang test agent (Net-SNMP)")
        #expect(values[1].value.oid.map { OID("1.3.6.1.4.1").isPrefix(of: $0) } == true)
        guard case .timeTicks = values[2].value else { Issue.record("sysUpTime is \(values[2].value)"); return }
        #expect(values[3].value == .noSuchObject || values[3].value == .noSuchInstance)
        #expect(session.statistics == SNMPStatistics(requests: 1, responses: 1, timeouts: 0))
        await session.close()
    }

    @Test func getNextAndGetBulk() async throws {
        let session = try await SNMPSession.open(v2c(try agent()))
        let next = try await session.getNext([MIB2.system])
        #expect(next.first?.oid == MIB2.sysDescr)
        let bulk = try await session.getBulk([MIB2.sysUpTime, MIB2.system], nonRepeaters: 1, maxRepetitions: 3)
        #expect(
            bulk.map(\.oid) == [
                "1.3.6.1.2.1.1.4.0", MIB2.sysDescr, MIB2.sysObjectID, MIB2.sysUpTime,
            ])
        await session.close()
    }

    @Test func walkSystemGroupMatchesSnmpbulkwalk() async throws {
        let daemon = try agent()
        let session = try await SNMPSession.open(v2c(daemon))
        let walked = try await session.walk(MIB2.system, maxRepetitions: 5)
        let reference = try ProcessRunner.run(
            "/usr/bin/snmpbulkwalk", ["-m", "", "-On", "-v2c", "-c", "public", daemon.address, MIB2.system.description])
        let referenceOIDs = reference.output.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.flatMap { OID(String($0)) }
        }
        #expect(walked.map(\.oid) == referenceOIDs)
        #expect(walked.count > 7)
        #expect(zip(walked, walked.dropFirst()).allSatisfy { $0.oid < $1.oid })
        #expect(walked.allSatisfy { MIB2.system.isPrefix(of: $0.oid) })
        await session.close()
    }

    @Test func walkAndTableOfIfTable() async throws {
        let session = try await SNMPSession.open(v2c(try agent()))
        // snmpd reports this host's interfaces, and the live capture suites add and remove veth
        // pairs while this runs: judge reads between which the ifIndex column did not change.
        var reads = try await Self.ifTableReads(session)
        for _ in 1..<5 where !reads.stable { reads = try await Self.ifTableReads(session) }
        #expect(reads.stable, "the host's interfaces changed during each of five reads")
        let (indexes, whole, table) = (reads.indexes, reads.whole, reads.table)
        #expect(!indexes.isEmpty)
        #expect(whole.count >= indexes.count * 20)
        #expect(table.rows.count == indexes.count)
        #expect(table[[1], MIB2.ifDescr]?.string == "lo")
        #expect(table[[1], MIB2.ifType] == .integer(24))  // softwareLoopback
        for row in table.rows {
            #expect(row[MIB2.ifIndex]?.int == Int64(row.index[0]))
            #expect(row.values.count == 4)
        }
        await session.close()
    }

    /// The ifIndex column, the whole ifTable and four columns as a table, and whether the
    /// ifIndex column read again afterwards is the same.
    private static func ifTableReads(_ session: SNMPSession) async throws -> (
        indexes: [VarBind], whole: [VarBind], table: SNMPTable, stable: Bool
    ) {
        let indexes = try await session.walk(MIB2.ifIndex)
        let whole = try await session.walk(MIB2.ifTable, maxRepetitions: 50)
        let table = try await session.table(
            [MIB2.ifIndex, MIB2.ifDescr, MIB2.ifType, MIB2.ifOperStatus], maxRepetitions: 3)
        return (indexes, whole, table, try await session.walk(MIB2.ifIndex) == indexes)
    }

    @Test func setThenReadBack() async throws {
        let daemon = try agent()
        let writer = try await SNMPSession.open(v2c(daemon, community: "private"))
        let location = "rack B2, room 301"
        let answer = try await writer.set([VarBind(oid: MIB2.sysLocation, value: .octetString(Array(location.utf8)))])
        #expect(answer.first?.value.string == location)
        let reader = try await SNMPSession.open(v2c(daemon))
        #expect(try await reader.get([MIB2.sysLocation]).first?.value.string == location)
        // The read-only community must not write.
        await #expect(throws: SNMPError.self) {
            try await reader.set([VarBind(oid: MIB2.sysLocation, value: .octetString(Array("x".utf8)))])
        }
        // Outside the writable view, even the write community is refused.
        do {
            _ = try await writer.set([VarBind(oid: MIB2.sysName, value: .octetString(Array("x".utf8)))])
            Issue.record("writing sysName succeeded")
        } catch {
            guard case .agentError(_, _, let index, let oid) = error else { Issue.record("\(error)"); return }
            #expect(index == 1 && oid == MIB2.sysName)
        }
        await writer.close()
        await reader.close()
    }

    @Test func v1WalkUsesGetNext() async throws {
        let daemon = try agent()
        let session = try await SNMPSession.open(target(daemon, version: .v1(community: "public")))
        let walked = try await session.walk(MIB2.system)
        #expect(walked.count > 7)
        #expect(session.statistics.requests == walked.count + 1)
        // GETNEXT past the last column of the tree answers noSuchName in v1: the walk just ends.
        #expect(try await session.walk("1.3.6.1.6.3.99").isEmpty)
        await #expect(throws: SNMPError.self) {
            try await session.getBulk([MIB2.system], nonRepeaters: 0, maxRepetitions: 5)
        }
        await session.close()
    }

    @Test(arguments: [
        ("shaaes", SNMPAuthProtocol.sha, SNMPPrivProtocol?.some(.aes)),
        ("md5des", .md5, .des),
        ("sha256aes256", .sha256, .aes256),
        ("shaonly", .sha, nil),
    ])
    func v3Users(user: String, auth: SNMPAuthProtocol, priv: SNMPPrivProtocol?) async throws {
        let daemon = try agent()
        let security = SNMPv3Security(
            user: user, authProtocol: auth, authPassphrase: "\(user)-auth", privProtocol: priv,
            privPassphrase: priv == nil ? nil : "\(user)-priv")
        let session = try await SNMPSession.open(target(daemon, version: .v3(security)))
        #expect(try await session.get([MIB2.sysName]).first?.value.string == "jifang-test-agent")
        #expect(try await session.walk(MIB2.system).count > 7)
        await session.close()
    }

    @Test func v3NoAuthUser() async throws {
        let daemon = try agent()
        let session = try await SNMPSession.open(target(daemon, version: .v3(SNMPv3Security(user: "plain"))))
        #expect(try await session.get([MIB2.sysName]).first?.value.string == "jifang-test-agent")
        await session.close()
    }

    /// Uses a user no other test opens with the right passphrase: net-snmp keeps one USM entry
    /// per (engine ID, user) for the whole process.
    @Test func v3WrongPassphraseIsRefused() async throws {
        let daemon = try agent()
        let security = SNMPv3Security(
            user: "locked", authProtocol: .sha, authPassphrase: "not-the-passphrase", privProtocol: .aes,
            privPassphrase: "locked-priv")
        let target = SNMPTarget(
            host: daemon.host, port: daemon.port, version: .v3(security), timeout: .milliseconds(500), retries: 0)
        do {
            let session = try await SNMPSession.open(target)
            _ = try await session.get([MIB2.sysName])
            Issue.record("a wrong passphrase was accepted")
        } catch {
            switch error {
            case .authenticationFailed, .timeout:
                #expect(error.description.contains("127.0.0.1"))
                #expect(!error.description.contains("not-the-passphrase"))
            default: Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test func unknownV3UserIsRefused() async throws {
        let daemon = try agent()
        let security = SNMPv3Security(user: "nobody", authProtocol: .sha, authPassphrase: "whatever-123")
        let target = SNMPTarget(
            host: daemon.host, port: daemon.port, version: .v3(security), timeout: .milliseconds(500), retries: 0)
        await #expect(throws: SNMPError.self) {
            let session = try await SNMPSession.open(target)
            _ = try await session.get([MIB2.sysName])
        }
    }

    @Test func shortPassphraseFailsAtOpen() async throws {
        let daemon = try agent()
        let security = SNMPv3Security(user: "shaaes", authProtocol: .sha, authPassphrase: "short")
        do {
            _ = try await SNMPSession.open(SNMPTarget(host: daemon.host, port: daemon.port, version: .v3(security)))
            Issue.record("a 5-character passphrase was accepted")
        } catch {
            guard case .sessionFailed = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func fiveHundredConcurrentSessions() async throws {
        let daemon = try agent()
        let count = 500
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let session = try await SNMPSession.open(v2c(daemon))
                    let system = try await session.walk(MIB2.system)
                    _ = try await session.get([MIB2.sysUpTime])
                    await session.close()
                    return system.count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.count == count)
        #expect(Set(results).count == 1)
    }
}
