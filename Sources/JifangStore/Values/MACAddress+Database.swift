import GRDB
import JifangModel

/// A MAC address is stored as its lowercase colon text (`00:1a:2b:3c:4d:5e`).
extension MACAddress: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    /// The address stored as `dbValue`; `nil` for a text that is not a MAC address or a value
    /// that is not text.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> MACAddress? {
        String.fromDatabaseValue(dbValue).flatMap(MACAddress.init)
    }
}

extension MACAddress: StoredValue {
    static let storedForm = "a MAC address"
}
