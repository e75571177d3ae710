import Foundation
import JifangSNMP

/// Varbinds from GETs and walks, looked up by OID; exception values are dropped.
struct VarBindLookup {
    private var values: [OID: SNMPValue] = [:]
    private var ordered: [VarBind]

    init(_ varbinds: [VarBind]) {
        ordered = varbinds.filter { !$0.value.isException }.sorted { $0.oid < $1.oid }
        for varbind in ordered { values[varbind.oid] = varbind.value }
    }

    subscript(oid: OID) -> SNMPValue? { values[oid] }

    /// Rows of one column: index suffix and value, in order.
    func column(_ column: OID) -> [(index: [UInt32], value: SNMPValue)] {
        ordered.compactMap { varbind in
            guard let index = varbind.oid.suffix(after: column), !index.isEmpty else { return nil }
            return (index, varbind.value)
        }
    }
}

extension SNMPValue {
    /// An integer-like value as a `Double`; octet strings are *not* accepted (unlike ``double``),
    /// so a value of the wrong type is skipped rather than guessed at.
    var number: Double? {
        int.map { Double($0) } ?? uint.map { Double($0) }
    }

    /// Non-empty text, trimmed of surrounding spaces.
    var text: String? {
        guard case .octetString = self, let string else { return nil }
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension SNMPTable.Row {
    var intIndex: Int? {
        index.count == 1 ? Int(exactly: index[0]) : nil
    }
}
