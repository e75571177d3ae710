/// RFC 4180 CSV: reading with the line each record starts on, and writing with quoting.
///
/// Fields containing commas, quotes or line breaks are quoted; quotes inside are doubled. A UTF-8
/// byte-order mark (as spreadsheet programs write) is skipped.
public struct CSVTable: Sendable, Equatable {
    /// One record and the physical line it starts on (1-based).
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var records: [Record]

    /// Parses `text`; the first record is the header.
    ///
    /// - Throws: ``RecordsError/csv(file:line:column:reason:)`` for an unterminated quote, text
    ///   after a closing quote, a record with a different number of fields than the header, or no header.
    public static func parse(_ text: String, file: String) throws -> CSVTable {
        var rows: [Record] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            // A blank line is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            afterQuote = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case ",":
                    fields.append(field)
                    field = ""
                    afterQuote = false
                case "\r":
                    break
                case "\n":
                    endRecord()
                    line += 1
                    recordLine = line
                case "\"" where field.isEmpty && !afterQuote:
                    inQuotes = true
                default:
                    if afterQuote {
                        throw RecordsError.csv(
                            file: file, line: line, column: nil,
                            reason: "text after a closing quote (a quote inside a quoted field must be doubled)")
                    }
                    if c == "\"" {
                        throw RecordsError.csv(
                            file: file, line: line, column: nil,
                            reason: "a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if inQuotes {
            throw RecordsError.csv(file: file, line: recordLine, column: nil, reason: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = rows.first else {
            throw RecordsError.csv(
                file: file, line: 1, column: nil, reason: "the file is empty; the first line must name the columns")
        }
        for record in rows.dropFirst() where record.fields.count != header.fields.count {
            throw RecordsError.csv(
                file: file, line: record.line, column: nil,
                reason: "\(record.fields.count) fields where the header has \(header.fields.count)")
        }
        return CSVTable(
            header: header.fields.map { $0.trimmingCharacters(in: .whitespaces) }, records: Array(rows.dropFirst()))
    }

    /// `rows` under `header` as CSV text with CRLF line ends, as RFC 4180 and spreadsheet programs expect.
    public static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
