import Foundation
import JifangModel

/// Where things live in a backup repository (and, mirrored, in each copy location).
///
/// ```
/// <repository>/<target>/<period>/<stamp>-<id>/   a database, log or document backup + MANIFEST.json
/// <repository>/<target>/objects/<sha256>/        a configuration version (content-addressed)
/// <repository>/<target>/diffs/<record id>.diff   what changed, secrets masked
/// <repository>/discs/<2026Q2>/                   the quarter's ISO image + MANIFEST.json
/// <repository>/archive/<2026>/                   the year's archive package + MANIFEST.json
/// <repository>/.partial/                         work in progress; never counted
/// <repository>/.ssh/known_hosts                  SSH host keys accepted on first contact
/// ```
public struct BackupLayout: Sendable {
    public static let manifestName = "MANIFEST.json"
    public let repository: String

    public init(repository: String) {
        self.repository = repository.hasSuffix("/") ? String(repository.dropLast()) : repository
    }

    public var partial: String { "\(repository)/.partial" }
    /// The SSH host keys the agent has accepted on first contact, for SSH targets that name no
    /// `knownHosts` file of their own.
    public var knownHosts: String { "\(repository)/.ssh/known_hosts" }

    /// A fresh staging folder for the run of register row `id`.
    func staging(_ id: Int64, _ name: String) -> String { "\(partial)/\(id)-\(name)" }

    func backupFolder(target: String, period: String, stamp: String, id: Int64) -> String {
        "\(repository)/\(target)/\(period)/\(stamp)-\(id)"
    }

    func configObject(target: String, sha256: String) -> String { "\(repository)/\(target)/objects/\(sha256)" }
    func configDiff(target: String, id: Int64) -> String { "\(repository)/\(target)/diffs/\(id).diff" }
    func disc(period: String) -> String { "\(repository)/discs/\(period)" }
    func archive(period: String) -> String { "\(repository)/archive/\(period)" }

    /// `path` relative to the repository, for mirroring it in copy locations.
    func relative(_ path: String) -> String {
        path.hasPrefix(repository + "/") ? String(path.dropFirst(repository.count + 1)) : path
    }

    /// A file-name-safe UTC time stamp, e.g. `20260515T020000Z`.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    // MARK: Manifests

    static func writeManifest(_ manifest: BackupManifest, in folder: String) throws(BackupError) -> String {
        let path = "\(folder)/\(manifestName)"
        let data: Data
        do {
            data = try encoder.encode(manifest)
        } catch {
            throw .io(path: path, reason: "cannot write the manifest: \(error.localizedDescription)")
        }
        // A manifest is written again when a package is re-committed; it is replaced, never appended to.
        if unlink(path) != 0 && errno != ENOENT {
            throw .io(path: path, reason: "cannot replace the manifest: \(DurableFiles.errnoText())")
        }
        try DurableFiles.writeNewFile(data, to: path)
        return path
    }

    static func readManifest(in folder: String) throws(BackupError) -> BackupManifest {
        let path = "\(folder)/\(manifestName)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, reason: "the manifest is missing")
        }
        do {
            return try decoder.decode(BackupManifest.self, from: data)
        } catch {
            throw .io(path: path, reason: "the manifest is not readable: \(error)")
        }
    }

    /// Checks every file a manifest lists against its size and SHA-256; returns problems found.
    static func check(folder: String, against manifest: BackupManifest) -> [String] {
        var problems: [String] = []
        for file in manifest.files {
            let path = "\(folder)/\(file.path)"
            guard FileManager.default.fileExists(atPath: path) else {
                problems.append("\(file.path) is missing")
                continue
            }
            guard let hash = try? DurableFiles.sha256(ofFile: path) else {
                problems.append("\(file.path) cannot be read")
                continue
            }
            if hash != file.sha256 {
                problems.append("\(file.path) has SHA-256 \(hash.prefix(12))…, not \(file.sha256.prefix(12))…")
            }
        }
        return problems
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
