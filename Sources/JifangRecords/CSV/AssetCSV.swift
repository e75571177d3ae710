import Foundation
import JifangModel

/// The asset register as CSV, with the columns a Snipe-IT or NetBox user recognises.
///
/// Export writes ``columns``. Import accepts those names and the usual Snipe-IT and NetBox
/// spellings (`Asset Tag`, `Item Name`, `Model Name`, `device_type`, `Status`, `Manufacturer`,
/// `site`, `Assigned To`, `Purchase Cost`, …), case and spaces/underscores ignored; unknown
/// columns are an error so nothing is silently dropped. States accept English, Chinese or
/// Snipe-IT status names (``AssetState/init(term:)``).
public enum AssetCSV {
    /// Export columns, in order.
    public static let columns = [
        "asset_tag", "name", "category", "status", "manufacturer", "model", "serial", "os_version", "interfaces",
        "company", "location", "rack", "assigned_to", "purchase_date", "warranty_end", "purchase_cost", "device",
        "notes",
    ]

    static let aliases: [String: String] = [
        "assettag": "asset_tag", "tag": "asset_tag", "itemname": "name", "assetname": "name", "role": "category",
        "kind": "category", "type": "category", "state": "status", "statuslabel": "status", "vendor": "manufacturer",
        "modelname": "model", "devicetype": "model", "serialnumber": "serial", "os": "os_version",
        "osversion": "os_version", "platform": "os_version", "interfacecount": "interfaces", "site": "company",
        "tenant": "company", "unit": "company", "assignedto": "assigned_to", "user": "assigned_to",
        "fullname": "assigned_to", "responsible": "assigned_to", "purchasedate": "purchase_date",
        "warrantyend": "warranty_end", "warrantyexpires": "warranty_end", "purchasecost": "purchase_cost",
        "price": "purchase_cost", "cost": "purchase_cost", "description": "notes", "comments": "notes",
    ]

    static func canonical(_ name: String) -> String? {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        if let column = columns.first(where: { $0.filter { $0 != "_" } == key }) { return column }
        return aliases[key]
    }

    /// The register as CSV text.
    public static func export(_ assets: [Asset]) -> String {
        let rows = assets.map { a -> [String] in
            [
                a.tag, a.name, a.kind.rawValue, a.state.rawValue, a.vendor ?? "", a.model ?? "", a.serial ?? "",
                a.osVersion ?? "", a.interfaceCount.map(String.init) ?? "", a.unit ?? "", a.location ?? "",
                a.rack ?? "", a.responsible ?? "", a.purchaseDate?.description ?? "",
                a.warrantyEnd?.description ?? "", a.price.map { String(format: "%.2f", $0) } ?? "", a.device ?? "",
                a.notes ?? "",
            ]
        }
        return CSVTable.render(header: columns, rows: rows)
    }

    /// Parses CSV text into assets; every line is checked before anything is returned.
    ///
    /// - Throws: ``RecordsError/csv(file:line:column:reason:)`` naming the line and column of the
    ///   first bad value (unknown status or category, bad date or number, missing tag or name,
    ///   duplicate tag, text breaking ``RecordText``'s rule), an unknown column, or a malformed line.
    public static func parse(_ text: String, file: String) throws -> [Asset] {
        let table = try CSVTable.parse(text, file: file)
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            guard let column = canonical(name) else {
                throw RecordsError.csv(
                    file: file, line: 1, column: name,
                    reason: "unknown column (known: \(columns.joined(separator: ", ")))")
            }
            if index[column] != nil {
                throw RecordsError.csv(file: file, line: 1, column: name, reason: "names the same column as another")
            }
            index[column] = i
        }
        for required in ["asset_tag", "name"] where index[required] == nil {
            throw RecordsError.csv(file: file, line: 1, column: required, reason: "required column is missing")
        }
        var seen: [String: Int] = [:]
        return try table.records.map { record in
            func fail(_ column: String, _ reason: String) -> RecordsError {
                .csv(file: file, line: record.line, column: column, reason: reason)
            }
            // Each value is held to RecordText's rule, as a form's or the command line's would be.
            func value(_ column: String) throws(RecordsError) -> String? {
                guard let field = index[column].map({ record.fields[$0] }) else { return nil }
                switch RecordText.checked(field) {
                case .success(let text): return text.nonBlank
                case .failure(let fault): throw fail(column, "the value \(fault)")
                }
            }
            guard let tag = try value("asset_tag") else { throw fail("asset_tag", "is empty") }
            guard let name = try value("name") else { throw fail("name", "is empty") }
            if let first = seen[tag] { throw fail("asset_tag", "\(tag) is already on line \(first)") }
            seen[tag] = record.line
            var kind = AssetKind.other
            if let text = try value("category") {
                guard let parsed = AssetKind(rawValue: text.lowercased().replacingOccurrences(of: " ", with: "-"))
                else {
                    throw fail(
                        "category",
                        "\"\(text)\" is not a kind (use \(AssetKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                kind = parsed
            }
            var state = AssetState.inUse
            if let text = try value("status") {
                guard let parsed = AssetState(term: text) else {
                    throw fail("status", "\"\(text)\" is not a state (use in-use, idle, under-repair or scrapped)")
                }
                state = parsed
            }
            func day(_ column: String) throws -> CalendarDay? {
                guard let text = try value(column) else { return nil }
                guard let day = CalendarDay(text) else {
                    throw fail(column, "\"\(text)\" is not a date (use yyyy-MM-dd)")
                }
                return day
            }
            var interfaces: Int?
            if let text = try value("interfaces") {
                guard let n = Int(text), n >= 0 else { throw fail("interfaces", "\"\(text)\" is not a count") }
                interfaces = n
            }
            var price: Double?
            if let text = try value("purchase_cost") {
                let digits = text.filter { !"¥￥$, ".contains($0) }
                guard let n = Double(digits), n.isFinite, n >= 0 else {
                    throw fail("purchase_cost", "\"\(text)\" is not an amount")
                }
                price = n
            }
            return Asset(
                tag: tag, name: name, kind: kind, state: state, unit: try value("company"),
                location: try value("location"), rack: try value("rack"), responsible: try value("assigned_to"),
                vendor: try value("manufacturer"), model: try value("model"), serial: try value("serial"),
                osVersion: try value("os_version"), interfaceCount: interfaces, purchaseDate: try day("purchase_date"),
                warrantyEnd: try day("warranty_end"), price: price, device: try value("device"),
                notes: try value("notes"))
        }
    }
}
