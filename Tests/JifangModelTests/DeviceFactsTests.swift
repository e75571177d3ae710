import Foundation
import JifangModel
import Testing

@Suite struct DeviceFactsTests {
    @Test func reportedFactsWinOverDeclared() {
        let reported = DeviceFacts([FactKey.memoryBytes: .number(2_147_483_648)])
        let declared = DeviceFacts([FactKey.memoryBytes: .number(1), FactKey.earthingOhms: .number(4)])
        let merged = reported.filling(from: declared)
        #expect(merged[FactKey.memoryBytes] == .number(2_147_483_648))
        #expect(merged[FactKey.earthingOhms] == .number(4))
    }

    @Test func encodesAsAFlatObject() throws {
        let facts = DeviceFacts(["vlan.supported": .flag(true)])
        let json = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
        #expect(json.contains("\"vlan.supported\""))
        #expect(try JSONDecoder().decode(DeviceFacts.self, from: Data(json.utf8)) == facts)
    }

    @Test func secretReferencesNeverPrintTheSecret() {
        #expect(SecretReference.environment("JF_AUTH").description == "env:JF_AUTH")
    }
}
