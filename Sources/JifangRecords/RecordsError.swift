import JifangModel
import JifangStore

/// Why an operations-records request was refused; nothing was stored.
///
/// Each case names the field, record or CSV line at fault; ``description`` is a sentence a
/// person can act on.
public enum RecordsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value given for `field` is not acceptable.
    case invalidField(field: String, value: String, reason: String)
    /// A required field was left empty.
    case missingField(field: String, context: String)
    /// A record referred to (`kind` such as "asset", "staff member") does not exist.
    case notFound(kind: String, key: String)
    /// The request breaks a rule of the regulation or of the record's lifecycle.
    case notAllowed(reason: String)
    /// A CSV file has a bad line.
    case csv(file: String, line: Int, column: String?, reason: String)
    /// The store refused or failed.
    case store(StoreError)

    public var description: String {
        switch self {
        case .invalidField(let field, let value, let reason):
            "\(field): \"\(value)\" \(reason)."
        case .missingField(let field, let context):
            "\(field): required for \(context) but empty. Nothing was stored."
        case .notFound(let kind, let key):
            // The key is what someone typed and may hold control characters: shown escaped.
            "No \(kind) \"\(key.shownEscaped)\" is registered."
        case .notAllowed(let reason):
            "\(reason). Nothing was stored."
        case .csv(let file, let line, let column, let reason):
            "\(file):\(line):" + (column.map { " column \($0):" } ?? "") + " \(reason). Nothing was imported."
        case .store(let error):
            error.description
        }
    }
}

/// Runs a store call, passing its errors on as ``RecordsError/store(_:)``.
func storing<T>(_ body: () throws -> T) throws(RecordsError) -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw .store(error)
    } catch let error as RecordsError {
        throw error
    } catch {
        throw .notAllowed(reason: "\(error)")
    }
}

extension String {
    /// The text as ``RecordText`` keeps it (line ends made line feeds), or a refusal naming
    /// `field` when it holds a control character or is too long; nothing is stored then.
    func recordText(field: String) throws(RecordsError) -> String {
        switch RecordText.checked(self) {
        case .success(let text):
            return text
        case .failure(let fault):
            // The value is shown short and escaped: it is what was refused, and may be anything.
            throw .invalidField(field: field, value: shownEscaped, reason: "\(fault)")
        }
    }

    /// At most 40 characters of the text with control characters, quotes and backslashes
    /// escaped, for a message that quotes what someone typed.
    var shownEscaped: String {
        unicodeScalars.prefix(40).map { $0.escaped(asASCII: false) }.joined() + (unicodeScalars.count > 40 ? "…" : "")
    }

    /// `nil` for empty or blank text, else the text trimmed.
    var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
