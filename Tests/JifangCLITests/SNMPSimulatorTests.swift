import Foundation
import JifangModel
import JifangTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized)
struct SNMPSimulatorTests {
    static let sysDescr = "1.3.6.1.2.1.1.1.0"

    /// The bytes in snmpget's `-Oqvx` output ("48 33 43 ..." over one or more lines).
    static func bytes(fromHexOutput output: String) -> [UInt8] {
        output.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\"" }).compactMap { UInt8($0, radix: 16) }
    }

    @Test func servesTwoRecordingsOnTwoLoopbackAddresses() async throws {
        let names = ["switch-h3c-e528", "ups-eaton-93e"]
        let simulator = try await SNMPSimulator.start(recordings: names, hosts: ["127.0.41.1", "127.0.41.2"])
        defer { simulator.stop() }
        print(
            "SNMPSimulator: ready after \(simulator.startupSeconds) s, \(simulator.indexedRecordings) recordings indexed"
        )
        #expect(simulator.endpoints.map(\.host) == ["127.0.41.1", "127.0.41.2"])
        #expect(simulator.communities == names)

        for (name, endpoint) in zip(names, simulator.endpoints) {
            let expected = try #require(try Recordings.octets(Self.sysDescr, in: name))
            let answer = try await simulator.get(Self.sysDescr, community: name, at: endpoint, options: ["-Oqvx"])
            #expect(Self.bytes(fromHexOutput: answer) == expected, "\(name) at \(endpoint)")
        }
        // Every endpoint serves every recording: the community, not the address, selects it.
        let crossed = try await simulator.get(
            Self.sysDescr, community: names[0], at: simulator.endpoints[1], options: ["-Oqvx"])
        #expect(Self.bytes(fromHexOutput: crossed) == (try Recordings.octets(Self.sysDescr, in: names[0])))
    }

    @Test func stopEndsTheAgent() async throws {
        let simulator = try await SNMPSimulator.start(recordings: ["ups-huawei-ups5000"], hosts: ["127.0.41.3"])
        let model = try await simulator.get("1.3.6.1.2.1.33.1.1.2.0", community: "ups-huawei-ups5000")
        #expect(model == "\"UPS5000\"")
        #expect(simulator.isRunning)
        simulator.stop()
        #expect(!simulator.isRunning)
        await #expect(throws: SNMPSimulatorError.self) {
            try await simulator.get(
                "1.3.6.1.2.1.1.3.0", community: "ups-huawei-ups5000", options: ["-Oqv", "-t", "0.5", "-r", "0"])
        }
    }

    @Test func refusesAnEndpointAnotherProcessHolds() async throws {
        let host = "127.0.41.4"
        let port = LoopbackPort.freeUDP(host: host)
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)

        let error = await #expect(throws: SNMPSimulatorError.self) {
            try await SNMPSimulator.start(
                recordings: [Recordings.url("ups-eaton-93e")], endpoints: [.init(host: host, port: port)])
        }
        #expect(error?.description.contains("\(host):\(port)") == true)
    }

    @Test func missingRecordingIsNamed() async throws {
        let missing = Recordings.directory.appendingPathComponent("no-such-device.snmprec")
        let error = await #expect(throws: SNMPSimulatorError.self) {
            try await SNMPSimulator.start(
                recordings: [missing], endpoints: [.init(host: "127.0.0.1", port: LoopbackPort.freeUDP())])
        }
        #expect(error?.description.contains("no-such-device.snmprec") == true)
    }

    @Test func catalogueCoversEveryKindWithTwoVendorsAndEveryFileExists() throws {
        let catalogue = try Recordings.catalogue()
        for kind in DeviceKind.allCases where kind != .other {
            let vendors = Set(catalogue.filter { $0.kind == kind }.map(\.vendor))
            #expect(vendors.count >= 2, "\(kind) has recordings from \(vendors.sorted())")
        }
        for entry in catalogue {
            #expect(FileManager.default.fileExists(atPath: entry.url.path), "\(entry.name)")
            #expect(entry.name.hasPrefix(entry.kind.rawValue + "-"), "\(entry.name) is named after its kind")
            #expect(try Recordings.record("1.3.6.1.2.1.1.2.0", in: entry.name) != nil, "\(entry.name) has sysObjectID")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Recordings.directory.path)
            .filter { $0.hasSuffix(".snmprec") }
        #expect(Set(files) == Set(catalogue.map { "\($0.name).snmprec" }))
    }
}
