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
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ConfigErrors([.unreadable(file: path, reason: "the file is not UTF-8 text; save it as UTF-8")])
        }
        return try parse(text, file: path)
    }

    /// Validates CSV text; `file` is the name used in errors.
    public static func parse(_ text: String, file: String) throws(ConfigErrors) -> BindingTable {
        try parse(text, file: file, plainLines: true)
    }

    /// `plainLines: false` reads every line the general way (tests compare the two readings).
    static func parse(_ text: String, file: String, plainLines: Bool) throws(ConfigErrors) -> BindingTable {
        var errors: [ConfigError] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = lines(of: body)
        var entries: [BindingEntry] = []
        entries.reserveCapacity(lines.count)
        var firstLine: [IPv4Address: Int] = [:]
        firstLine.reserveCapacity(lines.count)
        var columns: Columns?
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            if isBlankOrComment(line) { continue }
            if plainLines, let known = columns, let entry = plainEntry(line, columns: known) {
                add(entry, line: lineNumber, to: &entries, firstLine: &firstLine, file: file, errors: &errors)
                continue
            }
            let cells: [Substring]
            switch split(line) {
            case .success(let split): cells = split
            case .failure(let refusal):
                let index = refusal.column ?? 0
                let names = columns?.names ?? defaultColumns
                let field = index < names.count ? names[index] : "column \(index + 1)"
                errors.append(.invalidField(file: file, line: lineNumber, field: field, reason: refusal.reason))
                continue
            }
            guard let known = columns else {
                if IPv4Address(String(cells[0]).trimmed) != nil {
                    columns = Columns(names: defaultColumns)
                } else {
                    columns = Columns(names: readHeader(cells, file: file, line: lineNumber, errors: &errors))
                    continue
                }
                if let entry = readRow(cells, columns: columns!, file: file, line: lineNumber, errors: &errors) {
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

    private static func readHeader(_ cells: [Substring], file: String, line: Int, errors: inout [ConfigError])
        -> [String]
    {
        let names = cells.map { String($0).trimmed.lowercased() }
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

    /// Where each field is among a line's cells, found once from the header rather than per line.
    ///
    /// A class: every line of a register is read with it, and a copy of a struct of nine arrays
    /// costs nine reference counts.
    final class Columns {
        let names: [String]
        let ip, mac, owner, unit, vlan, switchName, port, action: [Int]
        /// No name is given twice (then a line's last non-empty cell of the name counts).
        let hasSingleNames: Bool

        init(names: [String]) {
            self.names = names
            func positions(_ name: String) -> [Int] { names.indices.filter { names[$0] == name } }
            ip = positions("ip")
            mac = positions("mac")
            owner = positions("owner")
            unit = positions("unit")
            vlan = positions("vlan")
            switchName = positions("switch")
            port = positions("port")
            action = positions("action")
            hasSingleNames = Set(names).count == names.count
        }
    }

    private static func readRow(
        _ cells: [Substring], columns: Columns, file: String, line: Int, errors: inout [ConfigError]
    ) -> BindingEntry? {
        guard cells.count <= columns.names.count else {
            errors.append(
                .invalidField(
                    file: file, line: line, field: "column \(columns.names.count + 1)",
                    reason: "the line has \(cells.count) fields but the header names \(columns.names.count)"))
            return nil
        }
        // A name the header gives twice: its last non-empty cell counts.
        func value(_ positions: [Int]) -> String? {
            for index in positions.reversed() where index < cells.count {
                let text = String(cells[index]).trimmed
                if !text.isEmpty { return text }
            }
            return nil
        }
        let before = errors.count
        func take<T>(_ name: String, _ positions: [Int], _ parse: (String) -> Result<T, BindingFields.Refusal>) -> T? {
            guard let text = value(positions) else { return nil }
            switch parse(text) {
            case .success(let value): return value
            case .failure(let refusal):
                errors.append(.invalidField(file: file, line: line, field: name, reason: refusal.reason))
                return nil
            }
        }
        let ipText = value(columns.ip)
        let macText = value(columns.mac)
        if ipText == nil { errors.append(.missingField(file: file, line: line, field: "ip")) }
        if macText == nil { errors.append(.missingField(file: file, line: line, field: "mac")) }
        let ip = take("ip", columns.ip, BindingFields.ip)
        let mac = take("mac", columns.mac, BindingFields.mac)
        let vlan = take("vlan", columns.vlan, BindingFields.vlan)
        let action = take("action", columns.action, BindingFields.action)
        let switchName = value(columns.switchName)
        let port = value(columns.port)
        if port != nil && switchName == nil {
            errors.append(
                .invalidField(file: file, line: line, field: "port", reason: "a port needs the switch it belongs to"))
        }
        guard errors.count == before, let ip, let mac else { return nil }
        return BindingEntry(
            ip: ip, mac: mac, owner: value(columns.owner), unit: value(columns.unit), vlan: vlan,
            switchName: switchName, port: port, action: action)
    }

    /// Whether a line holds nothing, or a comment (`#` after any spaces and tabs).
    private static func isBlankOrComment(_ line: Substring) -> Bool {
        for byte in line.utf8 where byte != 0x20 && byte != 0x09 {
            // Other leading white space (U+3000 and the like) is left to the exact test.
            guard byte < 0x80 else {
                let trimmed = String(line).trimmed
                return trimmed.isEmpty || trimmed.hasPrefix("#")
            }
            return byte == UInt8(ascii: "#")
        }
        return true
    }

    /// The lines of `text`, as `split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`
    /// cuts them; found on the bytes when the text is ASCII (a register of thousands of lines).
    static func lines(of text: String) -> [Substring] {
        var text = text
        let breaks: [(start: Int, end: Int)]? = text.withUTF8 { bytes in
            var result: [(start: Int, end: Int)] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Vertical tab, form feed and non-ASCII newlines: leave such files to the general split.
                guard byte < 0x80, byte != 0x0B, byte != 0x0C else { return nil }
                index += 1
                guard byte == 0x0A || byte == 0x0D else { continue }
                // "\r\n" is one Character, so one line break.
                let end = byte == 0x0D && index < bytes.count && bytes[index] == 0x0A ? index + 1 : index
                result.append((index - 1, end))
                index = end
            }
            return result
        }
        guard let breaks else {
            return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        }
        // The text is ASCII: byte offsets are valid indices.
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var result: [Substring] = []
        result.reserveCapacity(breaks.count + 1)
        var start = 0
        for lineBreak in breaks {
            result.append(text[index(start)..<index(lineBreak.start)])
            start = lineBreak.end
        }
        result.append(text[index(start)..<utf8.endIndex])
        return result
    }

    /// Splits one line at commas outside quotes.
    static func split(_ line: Substring) -> Result<[Substring], BindingFields.Refusal> {
        // Without quotes a comma always separates: split the bytes (a comma never occurs inside
        // a multi-byte UTF-8 character, so the pieces are whole characters).
        if !line.utf8.contains(UInt8(ascii: "\"")) {
            return .success(
                line.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                    line[$0.startIndex..<$0.endIndex]
                })
        }
        var cells: [Substring] = []
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
                cells.append(Substring(current))
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
        cells.append(Substring(current))
        return .success(cells)
    }
}
