import Foundation
import JifangModel
import Testing

@Suite struct IPv4AddressTests {
    @Test func dottedQuadRoundTrips() throws {
        let address = try #require(IPv4Address("192.168.10.1"))
        #expect(address.rawValue == 0xC0A8_0A01)
        #expect(address.description == "192.168.10.1")
        #expect(address.octets == [192, 168, 10, 1])
        #expect(IPv4Address("0.0.0.0")!.isUnspecified)
        #expect(IPv4Address(10, 0, 0, 1) < IPv4Address(10, 0, 0, 2))
        #expect(IPv4Address("010.001.0.255")?.description == "10.1.0.255")
        #expect(IPv4Address("255.255.255.255")?.rawValue == .max)
        for value: UInt32 in [0, 1, 0x0A00_0001, 0x6463_0A09, 0xFFFF_FFFF, 0x0102_0304] {
            let address = IPv4Address(rawValue: value)
            #expect(address.description == address.octets.map(String.init).joined(separator: "."))
            #expect(IPv4Address(address.description) == address)
        }
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "1..2.3", "a.b.c.d", "1.2.3.4 ", "1234.1.1.1",
        "1.2.3.4.", ".1.2.3", "1.2.3.256", " 1.2.3.4", "1.2.3.\u{0661}", "1.2.3.4\u{301}", "1.2.3.+4",
    ])
    func otherTextIsRejected(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func subnetsContainTheirAddresses() throws {
        let subnet = try #require(IPv4Subnet("10.20.3.4/16"))
        #expect(subnet.description == "10.20.0.0/16")
        #expect(subnet.netmask.description == "255.255.0.0")
        #expect(subnet.contains(IPv4Address("10.20.255.7")!))
        #expect(!subnet.contains(IPv4Address("10.21.0.1")!))
        #expect(IPv4Subnet("0.0.0.0/0")!.contains(IPv4Address("203.0.113.9")!))
        #expect(IPv4Subnet("10.0.0.7")!.prefixLength == 32)
        #expect(IPv4Subnet("10.0.0.7")!.contains(IPv4Address("10.0.0.7")!))
        #expect(!IPv4Subnet("10.0.0.7")!.contains(IPv4Address("10.0.0.8")!))
        for bad in ["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/a", "10.0.0/8", "10.0.0.0/8/8"] {
            #expect(IPv4Subnet(bad) == nil, "\(bad)")
        }
    }
}
