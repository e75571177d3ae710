/// One variable binding: an OID and its value.
public struct VarBind: Sendable, Hashable, CustomStringConvertible {
    public var oid: OID
    public var value: SNMPValue

    public init(oid: OID, value: SNMPValue) {
        self.oid = oid
        self.value = value
    }

    public var description: String { "\(oid) = \(value)" }
}
