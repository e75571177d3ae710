import GRDB
import JifangModel

/// The store's own guards on what it writes and reads back, whoever calls it.
///
/// GRDB binds text as a C string (`sqlite3_bind_text` with length -1), so SQLite keeps a text
/// only up to its first NUL: a name `"PC-1\0x"` would be stored as `"PC-1"`, and a lookup of it
/// would find `"PC-1"`. People's text is refused with a NUL before it gets here (``RecordText``);
/// these refuse it again at the store, and decode stored values without trapping.
extension Store {
    /// Refuses a write whose text fields hold a NUL, naming the first such field.
    ///
    /// - Throws: ``StoreError/invalidArgument(path:operation:reason:)``; nothing is written then.
    func refuseNUL(in fields: [(field: String, value: String?)], operation: String) throws {
        if let field = fields.first(where: { $0.value?.containsNUL ?? false })?.field {
            throw StoreError.invalidArgument(
                path: path, operation: operation,
                reason: "\(field) holds a NUL character (U+0000), which the store cannot keep; nothing was written")
        }
    }
}

extension String {
    /// Whether the text holds a NUL, which the store would cut it at.
    var containsNUL: Bool { unicodeScalars.contains("\u{0}") }
}
