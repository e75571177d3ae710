import struct Foundation.Date

/// The manifest written beside every backup, disc and archive as `MANIFEST.json`.
///
/// It lists every file with its size and SHA-256 so a copy can be checked anywhere, with no
/// database: on the second machine, on the removable disk, in the archive room.
public struct BackupManifest: Sendable, Hashable, Codable {
    /// Raised when the layout changes.
    public var format: Int
    public var target: String
    /// `nil` for discs and archives.
    public var category: BackupCategory?
    public var kind: BackupKind
    /// What was copied, e.g. `sqlite:/srv/mis/registry.sqlite`.
    public var source: String
    public var period: String
    public var createdAt: Date
    /// Files relative to the manifest's folder, in path order.
    public var files: [BackupManifestFile]
    /// Where copies were written when the manifest was made.
    public var locations: [String]
    /// The configuration version's content address, for `config` manifests.
    public var contentSHA256: String?

    public init(
        format: Int = 1, target: String, category: BackupCategory?, kind: BackupKind, source: String, period: String,
        createdAt: Date, files: [BackupManifestFile], locations: [String] = [], contentSHA256: String? = nil
    ) {
        self.format = format
        self.target = target
        self.category = category
        self.kind = kind
        self.source = source
        self.period = period
        self.createdAt = createdAt
        self.files = files
        self.locations = locations
        self.contentSHA256 = contentSHA256
    }

    /// Bytes of all listed files.
    public var totalSize: Int64 { files.reduce(0) { $0 + $1.size } }
}

/// One file of a manifest.
public struct BackupManifestFile: Sendable, Hashable, Codable {
    /// Path relative to the manifest's folder, `/`-separated.
    public var path: String
    public var size: Int64
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(path: String, size: Int64, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}
