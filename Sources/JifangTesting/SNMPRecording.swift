import Foundation
import JifangSNMP

/// Why a recording could not be read, with the file and line.
public struct SNMPRecordingError: Error, CustomStringConvertible, Sendable {
    public var source: String
    public var line: Int
    public var reason: String

    public var description: String { "\(source):\(line): \(reason)" }
}

/// An snmpsim recording (`.snmprec`: one `oid|type|value` per line) held in memory.
///
/// Types are snmpsim's tag numbers: 2 integer, 4 string, 5 null, 6 OID, 64 IpAddress, 65 Counter32,
/// 66 Gauge32, 67 TimeTicks, 68 Opaque, 70 Counter64; an `x` suffix (`4x`) means a hex-encoded
/// value. Lines that use a variation module (`2:numeric|…`) describe generated values, not recorded
/// ones, and are skipped. Blank lines and lines starting with `#` are ignored.
///
/// The recording also answers as an ``SNMPReader``, replaying its varbinds the way an agent would,
/// so collectors can be run over recorded devices.
public struct SNMPRecording: Sendable, SNMPReader {
    /// Varbinds in SNMP order.
    public let varbinds: [VarBind]
    /// How many lines were skipped because they use a variation module.
    public let skippedLines: Int
    public let targetDescription: String
    private let values: [OID: SNMPValue]

    /// Reads a recording file.
    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try self.init(text: text, source: url.lastPathComponent)
    }

    /// Parses recording text; `source` names it in errors.
    public init(text: String, source: String = "recording") throws {
        var parsed: [VarBind] = []
        var skipped = 0
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw SNMPRecordingError(source: source, line: number + 1, reason: "expected oid|type|value")
            }
            guard let oid = OID(String(fields[0])) else {
                throw SNMPRecordingError(source: source, line: number + 1, reason: "\(fields[0]) is not an OID")
            }
            let tag = String(fields[1])
            if tag.contains(":") {
                skipped += 1
                continue
            }
            do {
                parsed.append(VarBind(oid: oid, value: try Self.value(tag: tag, text: String(fields[2]))))
            } catch let reason as Reason {
                throw SNMPRecordingError(source: source, line: number + 1, reason: reason.text)
            }
        }
        parsed.sort { $0.oid < $1.oid }
        varbinds = parsed
        skippedLines = skipped
        targetDescription = "recording \(source)"
        var values: [OID: SNMPValue] = [:]
        for varbind in parsed { values[varbind.oid] = varbind.value }
        self.values = values
    }

    /// Reads `name` from a directory of fixtures.
    public static func fixture(_ name: String, in directory: URL) throws -> SNMPRecording {
        try SNMPRecording(contentsOf: directory.appendingPathComponent(name))
    }

    /// The value recorded at `oid`, if any.
    public subscript(oid: OID) -> SNMPValue? { values[oid] }

    /// Every varbind under `root`, in order.
    public func subtree(_ root: OID) -> [VarBind] {
        let start = lowerBound(root)
        var result: [VarBind] = []
        var position = start
        while position < varbinds.count, root.isPrefix(of: varbinds[position].oid) {
            result.append(varbinds[position])
            position += 1
        }
        return result
    }

    /// The columns joined into a table, as a session's `table` would return them.
    public func table(_ columns: [OID]) -> SNMPTable {
        SNMPTable(columns: columns, varbinds: columns.flatMap { subtree($0) })
    }

    // MARK: SNMPReader

    public func get(_ oids: [OID]) async throws(SNMPError) -> [VarBind] {
        oids.map { VarBind(oid: $0, value: values[$0] ?? .noSuchObject) }
    }

    public func walk(_ root: OID, maxRepetitions: Int) async throws(SNMPError) -> [VarBind] {
        subtree(root)
    }

    public func table(_ columns: [OID], maxRepetitions: Int) async throws(SNMPError) -> SNMPTable {
        table(columns)
    }

    private func lowerBound(_ oid: OID) -> Int {
        var low = 0
        var high = varbinds.count
        while low < high {
            let mid = (low + high) / 2
            if varbinds[mid].oid < oid { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private struct Reason: Error {
        var text: String
    }

    private static func value(tag: String, text: String) throws -> SNMPValue {
        let hex = tag.hasSuffix("x")
        let type = hex ? String(tag.dropLast()) : tag
        func bytes() throws -> [UInt8] {
            guard hex else { return Array(text.utf8) }
            guard text.count % 2 == 0 else { throw Reason(text: "odd-length hex value") }
            var result: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                guard let byte = UInt8(text[index..<next], radix: 16) else {
                    throw Reason(text: "\(text) is not hex")
                }
                result.append(byte)
                index = next
            }
            return result
        }
        func number<T: FixedWidthInteger>(_: T.Type) throws -> T {
            guard let value = T(text) else { throw Reason(text: "\(text) is not a valid type-\(type) number") }
            return value
        }
        switch type {
        case "2": return .integer(try number(Int64.self))
        case "4": return .octetString(try bytes())
        case "5": return .null
        case "6":
            guard let oid = OID(text) else { throw Reason(text: "\(text) is not an OID") }
            return .objectIdentifier(oid)
        case "64":
            if hex { return .ipAddress(try bytes()) }
            let parts = text.split(separator: ".").compactMap { UInt8($0) }
            guard parts.count == 4 else { throw Reason(text: "\(text) is not an IPv4 address") }
            return .ipAddress(parts)
        case "65": return .counter32(try number(UInt32.self))
        case "66": return .gauge32(try number(UInt32.self))
        case "67": return .timeTicks(try number(UInt32.self))
        case "68": return .opaque(try bytes())
        case "70": return .counter64(try number(UInt64.self))
        default: throw Reason(text: "unknown type tag \(tag)")
        }
    }
}
