/// Rows of a conceptual SNMP table, walked column by column and joined by index.
///
/// A row's `index` is the OID suffix after the column (for ifTable, `[ifIndex]`). A cell the
/// agent did not return is simply absent from the row's `values`.
public struct SNMPTable: Sendable {
    public struct Row: Sendable {
        public var index: [UInt32]
        public var values: [OID: SNMPValue]

        public init(index: [UInt32], values: [OID: SNMPValue]) {
            self.index = index
            self.values = values
        }

        public subscript(column: OID) -> SNMPValue? { values[column] }
    }

    /// Rows in SNMP index order.
    public private(set) var rows: [Row]
    private var position: [[UInt32]: Int]

    public init() {
        rows = []
        position = [:]
    }

    /// Builds a table from varbinds returned by walking `columns`; varbinds outside every column
    /// and exception values are ignored.
    public init(columns: [OID], varbinds: [VarBind]) {
        self.init()
        for varbind in varbinds where !varbind.value.isException {
            for column in columns {
                if let index = varbind.oid.suffix(after: column), !index.isEmpty {
                    set(index: index, column: column, value: varbind.value)
                    break
                }
            }
        }
        let ordered = rows.sorted { OID($0.index) < OID($1.index) }
        rows = ordered
        position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.index, $0) })
    }

    public mutating func set(index: [UInt32], column: OID, value: SNMPValue) {
        if let at = position[index] {
            rows[at].values[column] = value
        } else {
            position[index] = rows.count
            rows.append(Row(index: index, values: [column: value]))
        }
    }

    public subscript(index: [UInt32], column: OID) -> SNMPValue? {
        position[index].flatMap { rows[$0].values[column] }
    }

    public var isEmpty: Bool { rows.isEmpty }
}
