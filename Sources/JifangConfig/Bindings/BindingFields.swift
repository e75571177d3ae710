import Foundation
import JifangModel

/// The checks one binding field gets, shared by the YAML and CSV readers so both say the same.
///
/// Each returns the value or the reason it is refused, a phrase that follows the field name.
enum BindingFields {
    static let names = ["ip", "mac", "owner", "unit", "vlan", "switch", "port", "action"]

    static func ip(_ text: String) -> Result<IPv4Address, Refusal> {
        guard let ip = IPv4Address(text.trimmed) else {
            return .failure(Refusal("\"\(text)\" is not an IPv4 address (expected e.g. 172.16.0.1)"))
        }
        guard !ip.isUnspecified else { return .failure(Refusal("0.0.0.0 cannot be bound")) }
        return .success(ip)
    }

    static func mac(_ text: String) -> Result<MACAddress, Refusal> {
        guard let mac = MACAddress(text.trimmed) else {
            return .failure(
                Refusal(
                    "\"\(text)\" is not a MAC address (use e.g. 00:26:0b:31:07:33, 00-26-0B-31-07-33, "
                        + "0026.0b31.0733 or 00260b310733)"))
        }
        guard mac.isUnicast else {
            return .failure(Refusal("\(mac) is a group or all-zero address; a station's MAC is unicast"))
        }
        return .success(mac)
    }

    static func vlan(_ text: String) -> Result<UInt16, Refusal> {
        guard let vlan = UInt16(text.trimmed), (1...4094).contains(vlan) else {
            return .failure(Refusal("\"\(text)\" is not a VLAN id (use 1–4094)"))
        }
        return .success(vlan)
    }

    static func action(_ text: String) -> Result<BindingAction, Refusal> {
        guard let action = BindingAction(rawValue: text.trimmed.lowercased()) else {
            let allowed = BindingAction.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(Refusal("\"\(text)\" is not one of \(allowed)"))
        }
        return .success(action)
    }

    struct Refusal: Error {
        var reason: String
        /// The 0-based CSV column concerned, when the refusal is about a line rather than a value.
        var column: Int?
        init(_ reason: String) { self.reason = reason }
    }
}

extension String {
    /// Without leading and trailing whitespace (`CharacterSet.whitespaces`: tab and the space separators).
    var trimmed: String {
        // Most values have nothing to trim; Foundation's trimming is slow enough to matter for a
        // register of thousands of lines, so look at the end bytes first.
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80, first != 0x20, first != 0x09,
            last != 0x20, last != 0x09
        {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }
}
