import Foundation
import JifangModel
import Testing

@Suite struct MACAddressTests {
    @Test(arguments: [
        "00:26:0b:31:07:33", "00-26-0B-31-07-33", "0026.0b31.0733", "0026-0b31-0733", "00260b310733",
        "0:26:b:31:7:33", " 00:26:0B:31:07:33 ", "00:26:0B:31:07:33\t",
    ])
    func commonNotationsParseToTheSameAddress(text: String) throws {
        let address = try #require(MACAddress(text))
        #expect(address == MACAddress(0x00, 0x26, 0x0B, 0x31, 0x07, 0x33))
        #expect(address.description == "00:26:0b:31:07:33")
    }

    @Test(arguments: [
        "", "00:26:0b:31:07", "00:26:0b:31:07:33:44", "00:26:0b:31:07:3g", "0026.0b31.073", "00260b31073",
        "00:26-0b:31:07:33", "000:26:0b:31:07:33", "0026:0b31:0733", "00.26.0b.31.07.33",
        ":00:26:0b:31:07", "00:26:0b:31:07:", "00::26:0b:31:07", "00:26:0b:31:07:33:", "00:26:0b:31:07:\u{FF13}",
    ])
    func otherTextIsRejected(text: String) {
        #expect(MACAddress(text) == nil)
    }

    @Test func groupBitsAndCoding() throws {
        #expect(MACAddress.broadcast.isBroadcast && MACAddress.broadcast.isMulticast)
        #expect(MACAddress("01:00:5e:00:00:01")!.isMulticast)
        #expect(MACAddress("00:26:0b:31:07:33")!.isUnicast && !MACAddress.zero.isUnicast)
        #expect(MACAddress("00:26:0b:31:07:33")!.octets == [0x00, 0x26, 0x0B, 0x31, 0x07, 0x33])
        let data = try JSONEncoder().encode([MACAddress("0026.0b31.0733")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["00:26:0b:31:07:33"]"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([MACAddress].self, from: Data(#"["nope"]"#.utf8))
        }
    }
}
