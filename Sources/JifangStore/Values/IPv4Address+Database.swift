import GRDB
import JifangModel

/// An address is stored as its 32-bit number, so addresses sort numerically in SQL.
extension IPv4Address: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { Int64(rawValue).databaseValue }

    /// The address stored as `dbValue`; `nil` for a number outside 0…2³²−1 or a value that is
    /// not an integer (a file edited by hand or written by another program).
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> IPv4Address? {
        UInt32.fromDatabaseValue(dbValue).map(IPv4Address.init(rawValue:))
    }
}

extension IPv4Address: StoredValue {
    static let storedForm = "an IPv4 address (an integer from 0 to 4294967295)"
}
