import Foundation
import JifangModel

/// Reads the binding register from CSV, as spreadsheets and switch exports produce it.
///
/// The first line names the columns, in any order, among `ip`, `mac`, `owner`, `unit`, `vlan`,
/// `switch`, `port` and `action` (`ip` and `mac` are required). A file without a header (its
/// first cell is an IP address) has the columns `ip,mac,owner,unit,vlan,switch,port`. Fields may
/// be quoted with `"` (a doubled `""` is a quote inside); blank lines and lines starting with `#`
/// are skipped. Every bad line is reported as `file:line: column: reason`.
public enum BindingCSV {
    static let defaultColumns = ["ip", "mac", "owner", "unit", "vlan", "switch", "port"]

    /// Reads and validates the CSV file at `path`.
    public static func load(path: String) throws(ConfigErrors) -> BindingTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "the file cannot be read; check its permissions" : "the file does not exist"
            throw ConfigErrors([.unreadable(file: path, reason: reason)])
        }
        // Decoding repairs invalid UTF-8, which changes the bytes: the comparison refuses the files
        // `String(data:encoding:)` refuses, at a fraction of its cost.
        let text = String(decoding: data, as: UTF8.self)
        guard text.utf8.elementsEqual(data) else {
            throw ConfigErrors([.unreadable(file: path, reason: "the file is not UTF-8 text; save it as UTF-8")])
        }
        return try parse(text, file: path)
    }

    /// Validates CSV text; `file` is the name used in errors.
    public static func parse(_ text: String, file: String) throws(ConfigErrors) -> BindingTable {
        var errors: [ConfigError] = []
        var entries: [BindingEntry] = []
        var firstLine: [IPv4Address: Int] = [:]
        var columns: [String]?
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (offset, rawLine) in lines(of: body).enumerated() {
            let lineNumber = offset + 1
            // "\r\n" is one Character, so CRLF files split like LF files.
            let line = String(rawLine)
            if line.trimmed.isEmpty || line.trimmed.hasPrefix("#") { continue }
            let cells: [String]
            switch split(line) {
            case .success(let split): cells = split
            case .failure(let refusal):
                let index = refusal.column ?? 0
                let names = columns ?? defaultColumns
                let field = index < names.count ? names[index] : "column \(index + 1)"
                errors.append(.invalidField(file: file, line: lineNumber, field: field, reason: refusal.reason))
                continue
            }
            guard let known = columns else {
                if IPv4Address(cells[0].trimmed) != nil {
                    columns = defaultColumns
                } else {
                    columns = readHeader(cells, file: file, line: lineNumber, errors: &errors)
                    continue
                }
                if let entry = readRow(cells, columns: defaultColumns, file: file, line: lineNumber, errors: &errors) {
                    add(entry, line: lineNumber, to: &entries, firstLine: &firstLine, file: file, errors: &errors)
                }
                continue
            }
            if let entry = readRow(cells, columns: known, file: file, line: lineNumber, errors: &errors) {
                add(entry, line: lineNumber, to: &entries, firstLine: &firstLine, file: file, errors: &errors)
            }
        }
        if columns == nil {
            errors.append(
                .unreadable(file: file, reason: "the file holds no bindings; write a header line such as ip,mac,owner"))
        }
        guard errors.isEmpty else { throw ConfigErrors(errors) }
        return BindingTable(entries: entries)
    }

    private static func add(
        _ entry: BindingEntry, line: Int, to entries: inout [BindingEntry], firstLine: inout [IPv4Address: Int],
        file: String, errors: inout [ConfigError]
    ) {
        if let first = firstLine[entry.ip] {
            errors.append(
                .duplicate(
                    file: file, line: line, field: "ip", value: entry.ip.description, firstField: "ip",
                    firstLine: first))
            return
        }
        firstLine[entry.ip] = line
        entries.append(entry)
    }

    private static func readHeader(_ cells: [String], file: String, line: Int, errors: inout [ConfigError]) -> [String]
    {
        let names = cells.map { $0.trimmed.lowercased() }
        for (index, name) in names.enumerated() where !BindingFields.names.contains(name) {
            errors.append(
                .unknownField(
                    file: file, line: line, field: name.isEmpty ? "column \(index + 1)" : name,
                    allowed: BindingFields.names))
        }
        for required in ["ip", "mac"] where !names.contains(required) {
            errors.append(.missingField(file: file, line: line, field: required))
        }
        return names
    }

    private static func readRow(
        _ cells: [String], columns: [String], file: String, line: Int, errors: inout [ConfigError]
    ) -> BindingEntry? {
        guard cells.count <= columns.count else {
            errors.append(
                .invalidField(
                    file: file, line: line, field: "column \(columns.count + 1)",
                    reason: "the line has \(cells.count) fields but the header names \(columns.count)"))
            return nil
        }
        var values: [String: String] = [:]
        for (name, cell) in zip(columns, cells) where !cell.trimmed.isEmpty { values[name] = cell.trimmed }
        let before = errors.count
        func take<T>(_ name: String, _ parse: (String) -> Result<T, BindingFields.Refusal>) -> T? {
            guard let text = values[name] else { return nil }
            switch parse(text) {
            case .success(let value): return value
            case .failure(let refusal):
                errors.append(.invalidField(file: file, line: line, field: name, reason: refusal.reason))
                return nil
            }
        }
        for required in ["ip", "mac"] where values[required] == nil {
            errors.append(.missingField(file: file, line: line, field: required))
        }
        let ip = take("ip", BindingFields.ip)
        let mac = take("mac", BindingFields.mac)
        let vlan = take("vlan", BindingFields.vlan)
        let action = take("action", BindingFields.action)
        if values["port"] != nil && values["switch"] == nil {
            errors.append(
                .invalidField(file: file, line: line, field: "port", reason: "a port needs the switch it belongs to"))
        }
        guard errors.count == before, let ip, let mac else { return nil }
        return BindingEntry(
            ip: ip, mac: mac, owner: values["owner"], unit: values["unit"], vlan: vlan, switchName: values["switch"],
            port: values["port"], action: action)
    }

    /// The lines of `text`, as `split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`
    /// cuts them; found on the bytes when the text is ASCII (a register of thousands of lines).
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        // Vertical tab and form feed are newlines too; leave such files to the general split.
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0B && $0 != 0x0C }) else {
            return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        }
        var result: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            result.append(text[start..<index])
            index = utf8.index(after: index)
            // "\r\n" is one Character, so one line break.
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        result.append(text[start..<utf8.endIndex])
        return result
    }

    /// Splits one line at commas outside quotes.
    static func split(_ line: String) -> Result<[String], BindingFields.Refusal> {
        // An ASCII line without quotes has one Character per byte: split the bytes.
        if line.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\"") }) {
            let utf8 = line.utf8
            return .success(
                utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                    String(line[$0.startIndex..<$0.endIndex])
                })
        }
        var cells: [String] = []
        var current = ""
        var quoted = false
        var characters = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        current.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.trimmed.isEmpty {
                current = ""
                quoted = true
            } else if character == "," {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else {
            var refusal = BindingFields.Refusal("a quoted field is not closed; add the closing \"")
            refusal.column = cells.count
            return .failure(refusal)
        }
        cells.append(current)
        return .success(cells)
    }
}
