import JifangModel
import JifangSNMP
import JifangTesting
import Testing

@testable import JifangAgents

/// Arista DCS-7150S (snmpsim-data cloud/arista-dcs-7150s-52-cl): 10G ports, HC counters, EtherLike.
@Suite struct InterfaceDecoderTests {
    func decode(_ fixture: String) throws -> InterfaceDecoder.Result {
        let recording = try Fixtures.load(fixture)
        return InterfaceDecoder.decode(
            ifTable: recording.table(InterfaceDecoder.ifTableColumns),
            ifXTable: recording.table(InterfaceDecoder.ifXTableColumns),
            etherLike: recording.table([EtherLikeMIB.dot3StatsDuplexStatus]))
    }

    @Test func highSpeedReplacesASaturatedIfSpeed() throws {
        let result = try decode("arista-dcs-7150s")
        #expect(result.interfaces.count == 59)
        let first = try #require(result.interfaces.first { $0.index == 1 })
        #expect(first.name == "Ethernet1")
        #expect(first.speedBps == 10_000_000_000)  // ifSpeed 4294967295, ifHighSpeed 10000
        #expect(first.duplex == .full)
        #expect(first.type == 6)
        #expect(first.adminStatus == .up)
        #expect(first.operStatus == .notPresent)
        #expect(first.inOctets == 0)
        #expect(result.counter32.isEmpty)  // every row has HC counters
    }

    @Test func hcCountersArePreferred() throws {
        let recording = try Fixtures.load("arista-dcs-7150s")
        let result = try decode("arista-dcs-7150s")
        for interface in result.interfaces {
            let hc = recording[IFMIB.IfXTable.ifHCInOctets.appending(UInt32(interface.index))]
            if case .counter64(let value) = hc { #expect(interface.inOctets == value) }
        }
    }

    @Test func ifDescrAndCounter32WithoutIfXTable() throws {
        let recording = try Fixtures.load("arista-dcs-7150s")
        let result = InterfaceDecoder.decode(ifTable: recording.table(InterfaceDecoder.ifTableColumns))
        let first = try #require(result.interfaces.first)
        #expect(first.name == "Ethernet1")  // ifDescr
        #expect(first.speedBps == 4_294_967_295)  // saturated, nothing better known
        #expect(result.counter32.contains(1))
    }

    @Test func wronglyTypedSpeedIsSkipped() {
        #expect(InterfaceDecoder.speed(ifSpeed: .octetString(Array("1000".utf8)), highSpeedMbps: nil) == nil)
        #expect(InterfaceDecoder.speed(ifSpeed: .gauge32(100_000_000), highSpeedMbps: 100) == 100_000_000)
    }
}

@Suite struct InterfaceRatesTests {
    func interface(_ index: Int, inOctets: UInt64, outOctets: UInt64, speed: UInt64? = 100_000_000) -> InterfaceStatus {
        var status = InterfaceStatus(
            index: index, name: "eth\(index)", adminStatus: .up, operStatus: .up, speedBps: speed)
        status.inOctets = inOctets
        status.outOctets = outOctets
        return status
    }

    @Test func plainDifference() {
        let rates = InterfaceRates.apply(
            to: [interface(1, inOctets: 2_000_000, outOctets: 1_000)], counter32: [],
            previous: [interface(1, inOctets: 1_000_000, outOctets: 0)], elapsed: 10)
        #expect(rates[0].inBitsPerSecond == 800_000)
        #expect(rates[0].outBitsPerSecond == 800)
    }

    @Test func counter32Wrap() {
        let before = interface(1, inOctets: 4_294_967_000, outOctets: 10)
        let after = interface(1, inOctets: 704, outOctets: 10)
        let rates = InterfaceRates.apply(to: [after], counter32: [1], previous: [before], elapsed: 1)
        #expect(rates[0].inBitsPerSecond == Double(1000 * 8))  // 295 + 1 + 704 octets
        #expect(rates[0].outBitsPerSecond == 0)
    }

    @Test func resetGivesNil() {
        // A 64-bit counter that goes down was reset.
        let rates = InterfaceRates.apply(
            to: [interface(1, inOctets: 5, outOctets: 5)], counter32: [],
            previous: [interface(1, inOctets: 9_000_000, outOctets: 9_000_000)], elapsed: 60)
        #expect(rates[0].inBitsPerSecond == nil)
        // A 32-bit "wrap" faster than the interface can carry is a reset too.
        let slow = InterfaceRates.apply(
            to: [interface(1, inOctets: 5, outOctets: 5, speed: 10_000_000)], counter32: [1],
            previous: [interface(1, inOctets: 100, outOctets: 100, speed: 10_000_000)], elapsed: 1)
        #expect(slow[0].inBitsPerSecond == nil)
        // After a reboot nothing is compared.
        let rebooted = InterfaceRates.apply(
            to: [interface(1, inOctets: 50, outOctets: 50)], counter32: [],
            previous: [interface(1, inOctets: 10, outOctets: 10)], elapsed: 60, rebooted: true)
        #expect(rebooted[0].inBitsPerSecond == nil)
    }
}
