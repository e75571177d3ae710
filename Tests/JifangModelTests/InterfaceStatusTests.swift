import JifangModel
import Testing

@Suite struct InterfaceStatusTests {
    @Test(arguments: [
        (1, InterfaceState.up), (2, .down), (3, .testing), (5, .dormant), (7, .lowerLayerDown), (99, .unknown),
    ])
    func mapsIFMIBValues(value: Int, expected: InterfaceState) {
        #expect(InterfaceState(ifMIBValue: value) == expected)
    }

    @Test func ethernetTypes() {
        var interface = InterfaceStatus(index: 1, name: "eth0", type: 6, adminStatus: .up, operStatus: .up)
        #expect(interface.isEthernet)
        interface.type = 24  // softwareLoopback
        #expect(!interface.isEthernet)
    }
}
