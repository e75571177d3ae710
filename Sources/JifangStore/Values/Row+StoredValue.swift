import GRDB
import JifangModel

import struct Foundation.Date

/// A type a stored column decodes to, with the form a stored value must have, for messages.
protocol StoredValue: DatabaseValueConvertible {
    /// What a stored value of this type is, e.g. "a date (yyyy-MM-dd)", after "which is not".
    static var storedForm: String { get }
}

extension String: StoredValue { static var storedForm: String { "text" } }
extension Int64: StoredValue { static var storedForm: String { "an integer" } }
extension Int: StoredValue { static var storedForm: String { "an integer" } }
extension Int32: StoredValue { static var storedForm: String { "an integer from -2147483648 to 2147483647" } }
extension UInt16: StoredValue { static var storedForm: String { "an integer from 0 to 65535" } }
extension Bool: StoredValue { static var storedForm: String { "a boolean (0 or 1)" } }
extension Double: StoredValue { static var storedForm: String { "a number" } }

/// Stored rows decode through these instead of GRDB's `row[column] as T`, which stops the
/// process on a NULL or on a value `T` cannot hold; a file edited by hand or written by another
/// program then fails the read naming the column (``StoreError/operationFailed(path:operation:reason:)``
/// once ``Store`` wraps it) instead of crashing the server.
extension Row {
    /// The value of `column` as `T`.
    ///
    /// - Parameter table: the table `column` belongs to, named in the error.
    /// - Throws: ``StoredValueError`` when the value is NULL or not a `T` (an address past 2³²−1,
    ///   a VLAN past 65535, a day that is not a day, text in an integer column).
    func decode<T: StoredValue>(_ type: T.Type, _ column: String, in table: String? = nil) throws -> T {
        let value = try storedValue(column, in: table)
        guard let decoded = T.fromDatabaseValue(value) else {
            throw StoredValueError(table: table, column: column, value: value, expected: T.storedForm)
        }
        return decoded
    }

    /// The value of `column` as `T`, `nil` when it is NULL.
    ///
    /// - Throws: ``StoredValueError`` when the value is not NULL and not a `T`.
    func decodeIfPresent<T: StoredValue>(_ type: T.Type, _ column: String, in table: String? = nil) throws -> T? {
        let value = try storedValue(column, in: table)
        if value.isNull { return nil }
        guard let decoded = T.fromDatabaseValue(value) else {
            throw StoredValueError(table: table, column: column, value: value, expected: T.storedForm)
        }
        return decoded
    }

    /// The value of `column` as the enumeration `T`, stored as its raw text.
    ///
    /// An enumeration column holds only what some version wrote; a text that is none of `T`'s
    /// values fails the read naming the column instead of reading as a guessed default.
    ///
    /// - Throws: ``StoredValueError`` when the value is NULL, not text, or not one of `T`'s values.
    func decode<T: RawRepresentable<String>>(_ type: T.Type, _ column: String, in table: String? = nil) throws -> T {
        guard let value = try decodeIfPresent(type, column, in: table) else {
            throw StoredValueError(table: table, column: column, value: .null, expected: Self.storedForm(of: T.self))
        }
        return value
    }

    /// The value of `column` as the enumeration `T`, `nil` when it is NULL.
    ///
    /// - Throws: ``StoredValueError`` when the value is not NULL and not one of `T`'s values.
    func decodeIfPresent<T: RawRepresentable<String>>(
        _ type: T.Type, _ column: String, in table: String? = nil
    ) throws -> T? {
        let value = try storedValue(column, in: table)
        if value.isNull { return nil }
        guard let text = String.fromDatabaseValue(value), let decoded = T(rawValue: text) else {
            throw StoredValueError(table: table, column: column, value: value, expected: Self.storedForm(of: T.self))
        }
        return decoded
    }

    /// The time stored in `column` as integer milliseconds since 1970 (``Date/storeMillis``).
    ///
    /// - Throws: ``StoredValueError`` when the value is NULL or not an integer.
    func decodeTime(_ column: String, in table: String? = nil) throws -> Date {
        Date(storeMillis: try decode(Int64.self, column, in: table))
    }

    /// The time stored in `column`, `nil` when it is NULL.
    ///
    /// - Throws: ``StoredValueError`` when the value is not NULL and not an integer.
    func decodeTimeIfPresent(_ column: String, in table: String? = nil) throws -> Date? {
        try decodeIfPresent(Int64.self, column, in: table).map(Date.init(storeMillis:))
    }

    /// What a stored `T` is, for messages: its values when it lists them, e.g. "one of good, failed".
    private static func storedForm<T: RawRepresentable<String>>(of type: T.Type) -> String {
        guard let listed = type as? any CaseIterable.Type else { return "a \(T.self) (text)" }
        return "one of " + caseNames(listed).joined(separator: ", ")
    }

    private static func caseNames<C: CaseIterable>(_ type: C.Type) -> [String] {
        type.allCases.compactMap { ($0 as? any RawRepresentable<String>)?.rawValue }
    }

    /// The raw value of `column`; a column the statement did not select is an error, not a trap.
    private func storedValue(_ column: String, in table: String?) throws -> DatabaseValue {
        guard hasColumn(column) else {
            throw StoredValueError(table: table, column: column, value: nil, expected: "a selected column")
        }
        // DatabaseValue decodes from every stored value, NULL included, so this cannot trap.
        return self[column]
    }
}

/// A stored value that does not decode; the read fails naming the table, column and value.
struct StoredValueError: Error, CustomStringConvertible {
    var table: String?
    var column: String
    /// The value found; `nil` when the row has no such column.
    var value: DatabaseValue?
    /// What the value should have been, e.g. "a date (yyyy-MM-dd)".
    var expected: String

    var description: String {
        let place = table.map { "\($0).\(column)" } ?? column
        guard let value else { return "\(place) is not in the row read, which should hold \(expected)" }
        return "\(place) holds \(Self.shown(value)), which is not \(expected)"
    }

    /// The value as a person can read it: text quoted and escaped, at most 40 characters.
    private static func shown(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "no value"
        case .int64(let number): "\(number)"
        case .double(let number): "\(number)"
        case .string(let text):
            "\"\(text.unicodeScalars.prefix(40).map { $0.escaped(asASCII: false) }.joined())\""
        case .blob(let data): "a blob of \(data.count) bytes"
        }
    }
}
