import Foundation

/// Where jifang finds its inventory, policies and store when no flag names them: the one search order.
///
/// Each kind of file is looked up in this order, the first that applies wins:
/// 1. the flag: `--policies`, `--inventory`, `--database`, `--backups`;
/// 2. the environment: `$JIFANG_POLICIES`, `$JIFANG_INVENTORY`, `$JIFANG_DATABASE`;
/// 3. the working directory, when it holds them: `./Policies`, `./Inventory/site.yaml` (a checkout, the demo);
/// 4. the configuration directory (`/etc/jifang`, or `$JIFANG_CONFIG_DIR`): `site.yaml`, and
///    `policies/NAME.yaml`, each of which overrides the shipped policy file of the same name;
/// 5. the shipped defaults: `<prefix>/share/jifang/policies` for a binary installed as `<prefix>/bin/jifang`
///    (`/usr/share/jifang/policies` from the .deb), or, for a binary run from its SwiftPM build directory
///    `<checkout>/.build/…`, the checkout's `Policies/` and `Inventory/site.yaml`.
///
/// A flag or variable is taken as given, existing or not, so the loader's error names it. The store is
/// `--database`, else `$JIFANG_DATABASE`, else `jifang.sqlite` in the state directory when the binary is
/// installed and that directory exists, else `./jifang.sqlite`. A backups file is `--backups`, else
/// `backups.yaml` beside the inventory. The configuration and state directories follow the prefix:
/// `/usr` gives `/etc/jifang` and `/var/lib/jifang`, and so `ROOT/usr/bin/jifang` unpacked by `dpkg -x`
/// reads `ROOT/etc/jifang`; any other prefix gives `<prefix>/etc/jifang` and `<prefix>/var/lib/jifang`.
struct DefaultPaths: Sendable {
    /// How the running binary sits on disk, which decides where its shipped files are.
    enum Layout: Sendable, Equatable {
        /// `<prefix>/bin/jifang` beside `<prefix>/share/jifang/policies`.
        case installed(prefix: String)
        /// `<checkout>/.build/…/jifang`, as `swift build` leaves it.
        case buildDirectory(checkout: String)
        /// Neither: only the flags, the environment and the working directory count.
        case elsewhere
    }

    var environment: [String: String]
    /// Absolute path of the working directory.
    var workingDirectory: String
    var layout: Layout

    /// The paths of this process: its environment, working directory and executable.
    static var current: DefaultPaths {
        DefaultPaths(
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            executable: runningExecutable())
    }

    init(environment: [String: String], workingDirectory: String, executable: String?) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        layout = executable.map(Self.layout(of:)) ?? .elsewhere
    }

    /// The layout of the executable at `path` (symbolic links already resolved).
    static func layout(of path: String) -> Layout {
        let binDirectory = (path as NSString).deletingLastPathComponent
        let prefix = (binDirectory as NSString).deletingLastPathComponent
        if (binDirectory as NSString).lastPathComponent == "bin", isDirectory("\(prefix)/share/jifang/policies") {
            return .installed(prefix: prefix)
        }
        if let range = path.range(of: "/.build/") {
            return .buildDirectory(checkout: String(path[..<range.lowerBound]))
        }
        return .elsewhere
    }

    /// `/etc` for the prefix `/usr` (and `ROOT/etc` for `ROOT/usr`), else `<prefix>/etc`; likewise `var`.
    private static func systemDirectory(_ name: String, prefix: String) -> String {
        guard (prefix as NSString).lastPathComponent == "usr" else { return "\(prefix)/\(name)" }
        let root = (prefix as NSString).deletingLastPathComponent
        return root == "/" ? "/\(name)" : "\(root)/\(name)"
    }

    /// `$JIFANG_CONFIG_DIR`, else `/etc/jifang` (prefix-relative) for an installed binary.
    var configurationDirectory: String? {
        if let directory = environment["JIFANG_CONFIG_DIR"], !directory.isEmpty { return directory }
        guard case .installed(let prefix) = layout else { return nil }
        return Self.systemDirectory("etc", prefix: prefix) + "/jifang"
    }

    /// The policies that ship with the binary: `<prefix>/share/jifang/policies` or `<checkout>/Policies`.
    var shippedPolicies: String? {
        switch layout {
        case .installed(let prefix): "\(prefix)/share/jifang/policies"
        case .buildDirectory(let checkout): "\(checkout)/Policies"
        case .elsewhere: nil
        }
    }

    /// `/var/lib/jifang` (prefix-relative) for an installed binary.
    var stateDirectory: String? {
        guard case .installed(let prefix) = layout else { return nil }
        return Self.systemDirectory("var", prefix: prefix) + "/lib/jifang"
    }

    /// The policies directory to read; a merged view when `/etc/jifang/policies` overrides some shipped files.
    func policies(flag: String?) throws(PathSearchError) -> String {
        if let given = flag ?? variable("JIFANG_POLICIES") { return given }
        var tried = ["\(workingDirectory)/Policies"]
        if Self.isDirectory("Policies") { return "Policies" }
        let overrides = configurationDirectory.map { "\($0)/policies" }
        let shipped = shippedPolicies
        tried += [overrides, shipped].compactMap { $0 }
        switch (try overrides.flatMap(Self.policyFiles(in:)), shipped.flatMap { Self.isDirectory($0) ? $0 : nil }) {
        case (let overrides?, let shipped?):
            return try PolicyView.shared.directory(shipped: shipped, overrides: overrides)
        case (let overrides?, nil): return overrides.directory
        case (nil, let shipped?): return shipped
        case (nil, nil):
            throw .notFound(what: "policies directory", tried: tried, hint: "--policies or $JIFANG_POLICIES")
        }
    }

    /// The inventory file to read.
    func inventory(flag: String?) throws(PathSearchError) -> String {
        let search = inventorySearch(flag: flag)
        guard let found = search.found else {
            throw .notFound(what: "inventory", tried: search.tried, hint: "--inventory or $JIFANG_INVENTORY")
        }
        return found
    }

    /// The inventory file to read, or nil, with the paths looked at on the way.
    func inventorySearch(flag: String?) -> (found: String?, tried: [String]) {
        if let given = flag ?? variable("JIFANG_INVENTORY") { return (given, [given]) }
        var candidates = ["Inventory/site.yaml"]
        if let configurationDirectory { candidates.append("\(configurationDirectory)/site.yaml") }
        if case .buildDirectory(let checkout) = layout { candidates.append("\(checkout)/Inventory/site.yaml") }
        let tried = ["\(workingDirectory)/Inventory/site.yaml"] + candidates.dropFirst()
        return (candidates.first { FileManager.default.fileExists(atPath: $0) }, tried)
    }

    /// The store file; never fails, since a store is created where it is missing.
    func database(flag: String?) -> String {
        if let given = flag ?? variable("JIFANG_DATABASE") { return given }
        if let stateDirectory, Self.isDirectory(stateDirectory) { return "\(stateDirectory)/jifang.sqlite" }
        return "jifang.sqlite"
    }

    /// The backup targets file: `flag`, else `backups.yaml` beside `inventory`.
    func backups(flag: String?, inventory: String) -> String {
        flag ?? ((inventory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("backups.yaml")
    }

    private func variable(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The `*.yaml` files of `directory`, or nil when it holds none or does not exist.
    ///
    /// An override directory that exists but cannot be listed is an error, not a silent fall back to the defaults.
    static func policyFiles(in directory: String) throws(PathSearchError) -> PolicyView.Layer? {
        guard isDirectory(directory) else { return nil }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(directory: directory, reason: error.localizedDescription)
        }
        let files = names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
        return files.isEmpty ? nil : PolicyView.Layer(directory: directory, files: files)
    }

    /// The running binary with symbolic links resolved (Linux: /proc/self/exe), else argv[0] made absolute.
    static func runningExecutable() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}

/// A file jifang looked for by its search order and did not find; names every path tried.
enum PathSearchError: Error, CustomStringConvertible {
    case notFound(what: String, tried: [String], hint: String)
    case unreadable(directory: String, reason: String)
    case cannotMerge(directory: String, reason: String)

    var description: String {
        switch self {
        case .notFound(let what, let tried, let hint):
            "no \(what) found; tried \(tried.joined(separator: ", ")) (name one with \(hint))"
        case .unreadable(let directory, let reason):
            "cannot list the policy files in \(directory): \(reason)"
        case .cannotMerge(let directory, let reason):
            "cannot lay out the merged policies directory \(directory): \(reason)"
        }
    }
}
