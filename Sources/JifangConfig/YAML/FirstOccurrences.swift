/// Where each key of a list (a device name, a rule id, an IP address) first appears, so a later
/// entry with the same key is reported as a duplicate naming the line of the first.
struct FirstOccurrences<Key: Hashable & CustomStringConvertible> {
    private var first: [Key: YAMLNode] = [:]

    /// Records `node` as where `key` first appears and returns `true`; when `key` was seen
    /// before, reports the duplicate at `node` (with the first one's field and line) and returns
    /// `false`.
    mutating func claim(_ key: Key, at node: YAMLNode) -> Bool {
        if let earlier = first[key] {
            node.diagnostics.report(
                .duplicate(
                    file: node.file, line: node.line, field: node.path, value: key.description,
                    firstField: earlier.path, firstLine: earlier.line))
            return false
        }
        first[key] = node
        return true
    }
}
