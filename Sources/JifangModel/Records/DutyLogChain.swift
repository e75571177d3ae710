import struct Foundation.Date

/// The duty log's hash chain: how an entry's hash is computed.
///
/// `hash = SHA-256(canonical fields + prevHash)`, hex-encoded. The canonical form lists every field
/// except `id` and `hash` as `name:length:value` lines (length in UTF-8 bytes, absent values as
/// `name:-`), times as integer milliseconds since 1970 UTC, so no two different entries share a
/// form. Times are converted by ``Foundation/Date/millisecondsSince1970(rounding:)``, the
/// store's own conversion: a time outside the years 0001…9999 (or NaN) is hashed as the store
/// keeps it (held at the range's edge, NaN as the epoch), so such an entry, which no clock or form
/// produces, neither traps nor reads back as edited; every time inside the range hashes exactly as
/// it always did. The id is left out on purpose: an entry moved to another position keeps its own hash
/// but no longer matches its neighbours, which tells a reordering from an edit.
public enum DutyLogChain {
    /// The `prevHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The canonical text of `entry`'s fields, version-tagged.
    public static func canonicalForm(of entry: DutyLogEntry) -> String {
        func millis(_ date: Date) -> String { String(date.millisecondsSince1970()) }
        var fields: [(String, String?)] = [
            ("unit", entry.unit), ("day", entry.day.description), ("time", millis(entry.time)),
            ("category", entry.category.rawValue), ("text", entry.text), ("author", entry.author),
            ("source", entry.source.rawValue), ("device", entry.device), ("event", entry.event.map(String.init)),
            ("poll", entry.poll.map(String.init)), ("alert", entry.alert.map(String.init)),
            ("corrects", entry.corrects.map(String.init)),
        ]
        let fault = entry.fault ?? FaultDetails()
        fields += zip(FaultDetails.fieldNames, fault.values).map { ($0, $1) }
        fields += [("recordedAt", millis(entry.recordedAt)), ("prevHash", entry.prevHash)]
        var out = "jifang-duty-log-v1\n"
        for (name, value) in fields {
            if let value {
                out += "\(name):\(value.utf8.count):\(value)\n"
            } else {
                out += "\(name):-\n"
            }
        }
        return out
    }

    /// The hash `entry` must carry given its fields and `prevHash`.
    public static func hash(of entry: DutyLogEntry) -> String {
        SHA256.hex(Array(canonicalForm(of: entry).utf8))
    }

    /// `entry` with `prevHash` set to `previous` and `hash` computed.
    public static func sealed(_ entry: DutyLogEntry, after previous: String) -> DutyLogEntry {
        var entry = entry
        entry.prevHash = previous
        entry.hash = hash(of: entry)
        return entry
    }
}
