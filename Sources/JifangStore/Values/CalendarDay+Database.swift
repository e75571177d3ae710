import GRDB
import JifangModel

/// A day is stored as its `yyyy-MM-dd` text, so days sort and compare as text in SQL.
extension CalendarDay: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    /// The day stored as `dbValue`; `nil` for a text that is not a day or a value that is not text.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDay? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDay.init)
    }
}

extension CalendarDay: StoredValue {
    static let storedForm = "a date (yyyy-MM-dd)"
}
