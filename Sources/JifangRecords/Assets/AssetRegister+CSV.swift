import JifangModel
import JifangStore

extension AssetRegister {
    /// Imports CSV text: new tags are added, known tags updated (each changed field recorded with
    /// `actor`), all in one transaction. Every line is checked first; one bad line stores nothing.
    ///
    /// A row may not move a known asset into or out of repair or scrapping: those go through
    /// their records. Returns (added, updated) counts.
    @discardableResult
    public func importCSV(_ text: String, file: String, actor: String, on day: CalendarDay) throws -> (
        added: Int, updated: Int
    ) {
        let rows = try AssetCSV.parse(text, file: file)
        let table = try CSVTable.parse(text, file: file)
        var added = 0
        var updated = 0
        var merged: [Asset] = []
        for (row, record) in zip(rows, table.records) {
            if let current = try storing({ try store.asset(tag: row.tag) }) {
                if current.state != row.state, AssetLifecycle.route(from: current.state, to: row.state) != .direct {
                    throw RecordsError.csv(
                        file: file, line: record.line, column: "status",
                        reason:
                            "\(row.tag) is \(current.state.rawValue); it cannot become \(row.state.rawValue) by import")
                }
                var asset = row
                asset.device = current.device
                asset.lastPowerOn = current.lastPowerOn
                asset.stateSince = current.state == row.state ? current.stateSince : day
                asset.interfaceCount = row.interfaceCount ?? current.interfaceCount
                merged.append(asset)
                updated += 1
            } else {
                var asset = row
                asset.stateSince = day
                merged.append(asset)
                added += 1
            }
        }
        try storing { try store.saveAssets(merged, actor: actor, action: "imported", replace: true) }
        return (added, updated)
    }

    /// The whole register as CSV text.
    public func exportCSV() throws -> String {
        AssetCSV.export(try assets())
    }
}
