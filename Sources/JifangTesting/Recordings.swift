import Foundation
import JifangModel

/// The SNMP recordings bundled in the package's `Inventory/recordings`, and what each one is.
///
/// A recording's name is its file stem (`switch-h3c-e528`) and the SNMP community that selects it
/// in a running ``SNMPSimulator``. The catalogue comes from `Inventory/recordings/catalogue.yaml`,
/// one flow mapping per line (see the comment at the top of that file).
public enum Recordings {
    /// One catalogue line: what a recording is, as the recording itself says.
    public struct Entry: Sendable, Hashable {
        /// File stem and SNMP community, e.g. `ups-eaton-93e`.
        public var name: String
        /// The kind a classifier should arrive at for this device.
        public var kind: DeviceKind
        /// The maker, e.g. `Huawei`.
        public var vendor: String
        /// The model and software as the recording states them.
        public var model: String
        /// The recording's path in PyPI snmpsim-data's data directory.
        public var source: String

        /// The recording's `.snmprec` file.
        public var url: URL { Recordings.url(name) }
    }

    /// Why the catalogue could not be read.
    public struct CatalogueError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var reason: String

        public var description: String { "\(path):\(line): \(reason)" }
    }

    /// The package's root directory, found from this source file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // JifangTesting
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `Inventory/recordings` in the package.
    public static let directory: URL = packageRoot.appendingPathComponent("Inventory/recordings", isDirectory: true)

    /// The `.snmprec` file of the recording called `name`.
    public static func url(_ name: String) -> URL {
        directory.appendingPathComponent("\(name).snmprec")
    }

    /// Every recording in `catalogue.yaml`, in file order.
    public static func catalogue() throws -> [Entry] {
        let file = directory.appendingPathComponent("catalogue.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        var entries: [Entry] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("- {"), line.hasSuffix("}") else { continue }
            let fail = { (reason: String) in CatalogueError(path: file.path, line: offset + 1, reason: reason) }
            var fields: [String: String] = [:]
            for pair in line.dropFirst(3).dropLast().split(separator: ",") {
                guard let colon = pair.range(of: ": ") else { throw fail("'\(pair)' is not `key: value`") }
                let key = pair[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
                fields[key] = pair[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            }
            func field(_ key: String) throws -> String {
                guard let value = fields[key], !value.isEmpty else { throw fail("\(key) is missing") }
                return value
            }
            let kindName = try field("kind")
            guard let kind = DeviceKind(rawValue: kindName) else {
                throw fail(
                    "kind: '\(kindName)' is not one of \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            entries.append(
                Entry(
                    name: try field("name"), kind: kind, vendor: try field("vendor"), model: try field("model"),
                    source: try field("source")))
        }
        return entries
    }

    /// The catalogue entries of one kind.
    public static func catalogue(kind: DeviceKind) throws -> [Entry] {
        try catalogue().filter { $0.kind == kind }
    }

    /// The raw value a recording holds for `oid`: the snmprec type tag (`4`, `4x`, `2`, `66`, ...)
    /// and the value text. Hex strings (`4x`) stay hex; `nil` when the recording lacks the OID.
    public static func record(_ oid: String, in name: String) throws -> (type: String, value: String)? {
        let text = try String(decoding: Data(contentsOf: url(name)), as: UTF8.self)
        let prefix = oid + "|"
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix(prefix) {
            let parts = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            return (String(parts[1]), String(parts[2]))
        }
        return nil
    }

    /// The bytes of an OCTET STRING a recording holds for `oid` (type `4` or `4x`).
    public static func octets(_ oid: String, in name: String) throws -> [UInt8]? {
        guard let (type, value) = try record(oid, in: name) else { return nil }
        switch type {
        case "4": return Array(value.utf8)
        case "4x": return hexBytes(value)
        default: return nil
        }
    }

    static func hexBytes(_ hex: some StringProtocol) -> [UInt8] {
        let digits = Array(hex.utf8).compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        return stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }
}
