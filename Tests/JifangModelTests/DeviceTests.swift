import Foundation
import JifangModel
import Testing

/// A device's credentials never show when it or its health is printed, dumped or encoded.
@Suite struct DeviceTests {
    static let community = "zq7-community-secret"

    static let device = Device(
        name: "core-switch", address: "127.0.0.1", port: 1161, credentials: .v2c(community: .inline(community)),
        unit: "county", location: "Room 1")

    @Test func printingOrDumpingADeviceDoesNotShowItsCommunity() {
        var dumped = ""
        dump(Self.device, to: &dumped)
        for text in [String(describing: Self.device), String(reflecting: Self.device), dumped] {
            #expect(!text.contains(Self.community), "\(text)")
            #expect(text.contains("core-switch"))
        }
        #expect(SNMPCommunity.reference(.environment("ZQ7")).description == "env:ZQ7")
    }

    @Test func theHealthOfAPollEncodesTheProfileWithoutCredentials() throws {
        let health = DeviceHealth(device: Self.device, polledAt: Date(), reachable: true)
        let json = String(decoding: try JSONEncoder().encode(health), as: UTF8.self)
        #expect(!json.contains(Self.community) && !json.contains("credentials"), "\(json)")
        #expect(try JSONDecoder().decode(DeviceHealth.self, from: Data(json.utf8)).device == Self.device.profile)
    }
}
