import Foundation
import JifangSNMP
import JifangTesting
import Testing

/// Recordings from snmpsim-data, cut down to the subtrees the tests read (lines unchanged).
enum Fixtures {
    static func load(_ name: String) throws -> SNMPRecording {
        let directory = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        return try SNMPRecording.fixture("\(name).snmprec", in: directory)
    }
}
