import Foundation

/// One policies directory in which each file name links to the file that wins: the override from
/// `/etc/jifang/policies` where there is one, else the shipped file.
///
/// Every loader reads a policies *directory* (`PolicySet.load(directory:)`, the evaluator, the web
/// server's modules), so file-by-file overrides are laid out once as a private directory of symbolic
/// links (made by `mkdtemp`, so mode 0700 and unpredictable; removed at exit) rather than taught to
/// each loader. The links follow edits to the real files; a file added to the override directory is seen
/// from the next start. Errors that name a link are rewritten to name the real file (``realPaths(in:)``).
/// Thread-safe: the views are kept under a lock.
final class PolicyView: @unchecked Sendable {
    /// A directory and the policy files it holds.
    struct Layer: Sendable, Hashable {
        var directory: String
        var files: [String]
    }

    /// The views of this process.
    static let shared = PolicyView()

    private let lock = NSLock()
    /// The view directory made for each pair of shipped directory and override layer.
    private var views: [String: String] = [:]
    /// For each view directory, where its files come from, e.g. `/etc/jifang/policies (a.yaml) over /usr/share/…`.
    private var origins: [String: String] = [:]
    /// Every view directory made, finished or not, for removal at exit.
    private var directories: [String] = []
    /// For each view directory, each link's path and the real file it points at.
    private var links: [String: [(link: String, target: String)]] = [:]

    /// The view of `overrides` over `shipped`, made on first use and reused after.
    func directory(shipped: String, overrides: Layer) throws(PathSearchError) -> String {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(shipped)\u{0}\(overrides.directory)\u{0}\(overrides.files.joined(separator: "\u{0}"))"
        if let view = views[key] { return view }
        let shippedFiles: [String]
        do {
            shippedFiles = try FileManager.default.contentsOfDirectory(atPath: shipped)
        } catch {
            throw .unreadable(directory: shipped, reason: error.localizedDescription)
        }
        var targets: [String: String] = [:]
        for name in shippedFiles where name.hasSuffix(".yaml") { targets[name] = Self.absolute("\(shipped)/\(name)") }
        for name in overrides.files { targets[name] = Self.absolute("\(overrides.directory)/\(name)") }
        let view = try Self.makeDirectory()
        if directories.isEmpty { atexit { PolicyView.shared.removeAll() } }
        directories.append(view)
        var made: [(link: String, target: String)] = []
        for (name, target) in targets.sorted(by: { $0.key < $1.key }) {
            let link = "\(view)/\(name)"
            do {
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            } catch {
                // A half-made view is never handed out: the command fails and the view is removed at exit.
                throw .cannotMerge(directory: view, reason: "\(name): \(error.localizedDescription)")
            }
            made.append((link, target))
        }
        links[view] = made
        origins[view] = "\(overrides.directory) (\(overrides.files.joined(separator: ", "))) over \(shipped)"
        views[key] = view
        return view
    }

    /// Where the files of the policies directory `directory` come from: itself, or a view's layers.
    func origin(of directory: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        return origins[directory] ?? directory
    }

    /// `error` with every path inside a view replaced by the real file it links to; `error` itself
    /// (keeping its exit code and kind) when it names no view.
    func realPaths(in error: any Error) -> any Error {
        let text = String(describing: error)
        let rewritten = realPaths(in: text)
        return rewritten == text ? error : RelocatedError(description: rewritten)
    }

    /// `text` with every path inside a view replaced by the real file it links to.
    func realPaths(in text: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        var text = text
        for (link, target) in links.values.joined() where text.contains(link) {
            text = text.replacingOccurrences(of: link, with: target)
        }
        return text
    }

    /// Removes every view directory (only the links; the real files are untouched).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for view in directories {
            // At exit there is no one left to tell: a view that cannot be removed stays in the temporary directory.
            try? FileManager.default.removeItem(atPath: view)
        }
        views = [:]
        links = [:]
        origins = [:]
        directories = []
    }

    private static func makeDirectory() throws(PathSearchError) -> String {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("jifang-policies-XXXXXX")
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw .cannotMerge(directory: template, reason: String(cString: strerror(errno)))
        }
        return String(cString: made)
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : "\(FileManager.default.currentDirectoryPath)/\(path)"
    }
}

/// An error whose text was rewritten to name real files instead of a ``PolicyView``'s links.
struct RelocatedError: Error, CustomStringConvertible {
    var description: String
}
