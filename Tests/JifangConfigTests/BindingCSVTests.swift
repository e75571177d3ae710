import JifangModel
import Testing

@testable import JifangConfig

/// The plain-line reading of ``BindingCSV`` against the general one: same entries, same errors.
struct BindingCSVTests {
    /// Lines in and out of the everyday form: spaces, quotes, non-ASCII, every MAC notation,
    /// invalid and missing values, extra cells, a port without its switch.
    static let lines = [
        "172.16.0.1,00:26:0b:31:07:33,Li,330102,10,sw1,Gi0/1,alert",
        "172.16.0.2,00-26-0B-31-07-34,,,,,,",
        "172.16.0.3,0026.0b31.0735,王芳,330102,,sw1,,shutdown",
        "172.16.0.4,00260b310736",
        "172.16.0.5, 00:26:0b:31:07:37,Zhao",
        "172.16.0.6,00:26:0b:31:07:38 ,Zhao",
        "\t172.16.0.7,00:26:0b:31:07:39",
        "172.16.0.8,00:26:0b:31:07:3a,\"Wang, Wu\"",
        "172.16.0.9,00:26:0b:31:07:3b,owner ,unit",
        "172.16.0.10,00:26:0b:31:07:3c,,,4095",
        "172.16.0.11,00:26:0b:31:07:3d,,,0",
        "172.16.0.12,00:26:0b:31:07:3e,,,x10",
        "172.16.0.13,01:00:5e:00:00:01",
        "172.16.0.14,00:00:00:00:00:00",
        "0.0.0.0,00:26:0b:31:07:3f",
        "172.16.0.256,00:26:0b:31:07:40",
        "172.16.0.15,00:26:0b:31:07:41,,,,,Gi0/2",
        "172.16.0.16,00:26:0b:31:07:42,,,,,,block",
        "172.16.0.17,00:26:0b:31:07:43,,,,,,,extra",
        "172.16.0.18,,Li",
        ",00:26:0b:31:07:44,Li",
        "172.16.0.1,00:26:0b:31:07:45,again",
        "172.16.0.19,0:26:b:31:7:46,arpwatch",
        "172.16.0.20,00:26:0b:31:07:47,,,  ",
        "172.16.0.21,00:26:0b:31:07:48,Müller",
        "172.16.0.22,00:26:0B:31:07:49,ok,330102,4094,sw2,Gi0/24,ALERT",
    ]

    @Test(arguments: [
        "ip,mac,owner,unit,vlan,switch,port,action\n",
        "mac,ip,owner,unit,vlan,switch,port,action\n",
        "",
        "ip,mac,owner,owner,vlan,switch,port,action\n",
    ])
    func plainLinesReadAsTheGeneralReadingDoes(header: String) {
        let reorder = header.hasPrefix("mac,ip")
        for line in Self.lines {
            var text = line
            if reorder {
                var cells = line.split(separator: ",", omittingEmptySubsequences: false)
                if cells.count > 1 { cells.swapAt(0, 1) }
                text = cells.joined(separator: ",")
            }
            // A valid first line, so a file without a header finds its columns.
            let csv = header + "10.0.0.1,02:00:00:00:00:01\n" + text + "\n"
            let plain = Result { () throws(ConfigErrors) in try BindingCSV.parse(csv, file: "r.csv", plainLines: true) }
            let general = Result { () throws(ConfigErrors) in
                try BindingCSV.parse(csv, file: "r.csv", plainLines: false)
            }
            switch (plain, general) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(text)")
            case (.failure(let a), .failure(let b)):
                #expect(a.description == b.description, "\(text)")
            default:
                Issue.record("the readings differ on \(text): \(plain) against \(general)")
            }
        }
    }

    @Test func aLargeRegisterReadsTheSameBothWays() throws {
        var csv = "ip,mac,owner,vlan\n"
        for station in 0..<2000 {
            let ip = IPv4Address(rawValue: 0x0A00_0001 + UInt32(station))
            let mac = MACAddress(rawValue: 0x0200_0000_0001 + UInt64(station))
            csv += "\(ip),\(mac),owner \(station),\(station % 4094 + 1)\n"
        }
        let plain = try BindingCSV.parse(csv, file: "r.csv", plainLines: true)
        #expect(plain.entries.count == 2000)
        #expect(plain == (try BindingCSV.parse(csv, file: "r.csv", plainLines: false)))
    }

    /// Lines are cut on the bytes when the text is ASCII; they must be the lines `split` cuts.
    @Test(arguments: [
        "", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "a\r\r\nb", "\r\n\r\n", "a\n\rb",
        "ip,mac\r\n10.0.0.1,02:00:00:00:00:01\r\n", "a\u{0B}b\u{0C}c", "王\nb\u{2028}c\u{85}d", "a\r",
    ])
    func linesAreTheLinesSplitCuts(_ text: String) {
        let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        #expect(BindingCSV.lines(of: text) == expected)
    }
}
