internal import CYaml

/// The limits every YAML file is held to before it is composed, so that a hostile or broken file
/// is refused in time proportional to its size instead of hanging whatever reads it.
///
/// A YAML alias refers to an anchored node; Yams composes the document as a graph in which every
/// alias shares its anchor's node, and anything that walks that graph as a tree (hashing a mapping
/// key to find duplicates, describing it, reading it field by field) visits an aliased node once per
/// path to it. Ten aliases per level over five levels is 10⁵ visits from a 400-byte file, and each
/// further level multiplies by ten (the "billion laughs" attack). So the text is first read as a
/// stream of parser events, which expands nothing, and refused when:
///
/// - it is larger than ``maxBytes``;
/// - it holds more than ``maxNodes`` nodes as written;
/// - read as a tree, following every alias, it would hold more than ``maxExpandedNodes`` nodes;
/// - an alias is used as a mapping key, or inside one: Yams hashes every key of a mapping to find
///   duplicates, and through aliases that hash visits the expanded tree. No Jifang file needs an
///   alias as a key.
///
/// Jifang's own files (an inventory of a few thousand devices, the policies) are far below every limit.
enum YAMLLimits {
    /// The largest file read: 4 MiB, some hundred times a large site's inventory.
    static let maxBytes = 4 << 20
    /// The most nodes (scalars, lists, mappings, aliases) a file may hold as written.
    static let maxNodes = 1_000_000
    /// The most nodes a file may hold once every alias is counted as the tree it stands for.
    static let maxExpandedNodes = 1_000_000

    /// The first limit `yaml` breaks, as an error naming `file` and the line, or `nil` when it keeps
    /// within all of them. Syntax errors are left to the composer, which words them better.
    static func violation(in yaml: String, file: String) -> ConfigError? {
        let size = yaml.utf8.count
        guard size <= maxBytes else { return oversize(file: file, bytes: Int64(size)) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = EventScanner(file: file)
            return scanner.scan(buffer)
        }
    }
}

extension YAMLLimits {
    /// The error for a file of `bytes` bytes, more than ``maxBytes``.
    static func oversize(file: String, bytes: Int64) -> ConfigError {
        .unreadable(
            file: file,
            reason: "the file is \(bytes) bytes, more than the limit of \(maxBytes) bytes (4 MiB) for a YAML file")
    }
}

/// Walks libyaml's event stream once, keeping per open collection only what the limits need.
private struct EventScanner {
    /// An open list or mapping.
    struct Frame {
        var isMapping: Bool
        /// For a mapping: whether the next node is a key.
        var expectsKey: Bool
        /// Whether this collection is itself (part of) a mapping key.
        var isInKey: Bool
        /// The anchor it defines, with the expanded count at its start, to learn its expanded size.
        var anchor: String?
        var expandedAtStart: Int
    }

    let file: String
    var stack: [Frame] = []
    /// Expanded size of every anchor defined so far; a later anchor of the same name replaces it,
    /// as it does for the composer.
    var anchorSizes: [String: Int] = [:]
    var nodes = 0
    var expanded = 0

    init(file: String) {
        self.file = file
    }

    mutating func scan(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> ConfigError? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .unreadable(file: file, reason: "the YAML parser could not start (out of memory)")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        while true {
            var event = yaml_event_t()
            // A syntax error ends the scan; composing the text again reports it with its context.
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return nil }
            if let problem = take(event) { return problem }
        }
    }

    /// Accounts for one event; the first limit broken, if any.
    private mutating func take(_ event: yaml_event_t) -> ConfigError? {
        let line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let anchor = Self.text(event.data.scalar.anchor)
            if let problem = node(line: line) { return problem }
            if let anchor { anchorSizes[anchor] = 1 }
        case YAML_ALIAS_EVENT:
            let name = Self.text(event.data.alias.anchor) ?? ""
            if isKeyPosition {
                return .invalidField(
                    file: file, line: line, field: "",
                    reason: "an alias (*\(name)) may not be a mapping key; write the key out")
            }
            nodes += 1
            if nodes > YAMLLimits.maxNodes { return tooManyNodes(line: line) }
            // An undefined alias is the composer's to report.
            let size = anchorSizes[name] ?? 1
            let (sum, overflow) = expanded.addingReportingOverflow(size)
            guard !overflow, sum <= YAMLLimits.maxExpandedNodes else { return tooLarge(line: line, alias: name) }
            expanded = sum
            advance()
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = Self.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            let isInKey = isKeyPosition
            if let problem = count(line: line) { return problem }
            stack.append(
                Frame(
                    isMapping: isMapping, expectsKey: true, isInKey: isInKey, anchor: anchor,
                    expandedAtStart: expanded - 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            if let anchor = frame.anchor { anchorSizes[anchor] = expanded - frame.expandedAtStart }
            advance()
        default:
            break
        }
        return nil
    }

    /// Whether the next node is a mapping key or lies inside one.
    private var isKeyPosition: Bool {
        guard let top = stack.last else { return false }
        return top.isInKey || (top.isMapping && top.expectsKey)
    }

    /// Counts a scalar as one node and moves its parent mapping on.
    private mutating func node(line: Int) -> ConfigError? {
        if let problem = count(line: line) { return problem }
        advance()
        return nil
    }

    /// Counts one node as written, which is also one node of the expanded tree.
    private mutating func count(line: Int) -> ConfigError? {
        nodes += 1
        expanded += 1
        if nodes > YAMLLimits.maxNodes { return tooManyNodes(line: line) }
        if expanded > YAMLLimits.maxExpandedNodes { return tooLarge(line: line, alias: nil) }
        return nil
    }

    /// After a complete node, a mapping alternates between expecting a key and a value.
    private mutating func advance() {
        guard let top = stack.indices.last, stack[top].isMapping else { return }
        stack[top].expectsKey.toggle()
    }

    private func tooManyNodes(line: Int) -> ConfigError {
        .invalidField(
            file: file, line: line, field: "",
            reason: "the file holds more than \(YAMLLimits.maxNodes) YAML nodes, the limit for a Jifang file")
    }

    private func tooLarge(line: Int, alias: String?) -> ConfigError {
        let through = alias.map { " (here through the alias *\($0))" } ?? ""
        return .invalidField(
            file: file, line: line, field: "",
            reason: "aliases expand the file to more than \(YAMLLimits.maxExpandedNodes) nodes\(through), "
                + "the limit for a Jifang file; write the repeated parts out or use fewer aliases")
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
