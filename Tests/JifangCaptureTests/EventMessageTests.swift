import JifangModel
import Testing

@testable import JifangCapture

struct EventMessageTests {
    @Test(arguments: [0, 1, 0x0A00_0064, 0xC0A8_0A0A, 0xFFFF_FFFF] as [UInt32])
    func addressesReadAsTheirDescriptions(ip: UInt32) {
        let address = IPv4Address(rawValue: ip)
        let macs = [0, 0x0026_0B31_0733, 0xFFFF_FFFF_FFFF].map { MACAddress(rawValue: $0) }
        for mac in macs {
            let message: EventMessage = "\(address) is bound to \(mac) but \(mac) claims it within \(60) s"
            #expect(
                message.text
                    == "\(address.description) is bound to \(mac.description) but \(mac.description) claims it within 60 s"
            )
        }
    }

    @Test func literalsAndOtherValuesKeepTheirText() {
        let owner = " (王芳)"
        let subnets = [IPv4Subnet("10.0.0.0/16")!, IPv4Subnet("172.16.0.0/12")!]
        let message: EventMessage =
            "\(IPv4Address(rawValue: 0x0A00_0001))\(owner) outside \(subnets.map(\.description).joined(separator: ", "))\(true ? "!" : "")"
        #expect(message.text == "10.0.0.1 (王芳) outside 10.0.0.0/16, 172.16.0.0/12!")
        let plain: EventMessage = "no addresses"
        #expect(plain.text == "no addresses")
    }

    @Test func integersReadAsTheirDescriptions() {
        for value in [0, 7, 10, 4094, -1, -60, Int.max, Int.min] {
            let message: EventMessage = "[\(value)]"
            #expect(message.text == "[\(value.description)]")
        }
        let vlan: UInt16 = 4094
        let limit: UInt64 = .max
        let message: EventMessage = "VLAN \(vlan), limit \(limit), \(Int8.min)"
        #expect(message.text == "VLAN 4094, limit 18446744073709551615, -128")
    }
}
