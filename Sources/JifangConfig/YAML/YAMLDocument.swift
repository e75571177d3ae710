import Foundation
import Yams

/// Collects the problems found in one file so a load can report them all at once.
///
/// Used by one loader on one thread; not shared.
final class ConfigDiagnostics {
    let file: String
    private(set) var errors: [ConfigError] = []

    init(file: String) {
        self.file = file
    }

    func report(_ error: ConfigError) {
        errors.append(error)
    }
}

/// A YAML file composed into nodes that remember their line, ready for the typed reader.
struct YAMLDocument {
    let diagnostics: ConfigDiagnostics
    /// The root node, `nil` when the file is unreadable, not YAML, or empty.
    let root: YAMLNode?

    /// Reads and composes `path`; problems are recorded in ``diagnostics`` under the name `path`.
    init(path: String) {
        let diagnostics = ConfigDiagnostics(file: path)
        // Checked before reading, so a huge file is not loaded into memory only to be refused.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
            size.int64Value > Int64(YAMLLimits.maxBytes)
        {
            diagnostics.report(YAMLLimits.oversize(file: path, bytes: size.int64Value))
            self.init(diagnostics: diagnostics, root: nil)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "the file cannot be read; check its permissions"
                : "the file does not exist"
            diagnostics.report(.unreadable(file: path, reason: reason))
            self.init(diagnostics: diagnostics, root: nil)
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.report(.unreadable(file: path, reason: "the file is not UTF-8 text; save it as UTF-8"))
            self.init(diagnostics: diagnostics, root: nil)
            return
        }
        self.init(yaml: text, file: path)
    }

    /// Composes `yaml`, naming it `file` in errors.
    ///
    /// Text beyond ``YAMLLimits`` (size, nodes, alias expansion, aliases as keys) is refused before
    /// it is composed, so this returns in time proportional to the text's length whatever it holds.
    init(yaml: String, file: String) {
        let diagnostics = ConfigDiagnostics(file: file)
        if let violation = YAMLLimits.violation(in: yaml, file: file) {
            diagnostics.report(violation)
            self.init(diagnostics: diagnostics, root: nil)
            return
        }
        var root: YAMLNode?
        do {
            if let node = try Yams.compose(yaml: yaml) {
                root = YAMLNode(node: node, path: "", line: node.mark?.line ?? 1, diagnostics: diagnostics)
            } else {
                diagnostics.report(.syntax(file: file, line: 1, column: 1, reason: "the file is empty"))
            }
        } catch let error as YamlError {
            diagnostics.report(Self.syntaxError(error, file: file))
        } catch {
            diagnostics.report(.syntax(file: file, line: 1, column: 1, reason: "\(error)"))
        }
        self.init(diagnostics: diagnostics, root: root)
    }

    private init(diagnostics: ConfigDiagnostics, root: YAMLNode?) {
        self.diagnostics = diagnostics
        self.root = root
    }

    /// Yams' error reduced to its position and problem; the echoed file text is left out.
    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var reason = problem
            if let context {
                reason += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return .syntax(file: file, line: mark.line, column: mark.column, reason: reason)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return .syntax(
                file: file, line: context.mark.line, column: context.mark.column,
                reason: "the key \(keys) appears more than once in the same mapping")
        case .reader(let problem, _, _, _):
            return .syntax(file: file, line: 1, column: 1, reason: problem)
        default:
            return .syntax(file: file, line: 1, column: 1, reason: "\(error)")
        }
    }
}
