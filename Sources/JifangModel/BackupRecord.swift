import struct Foundation.Date

/// What a row of the backup register is.
public enum BackupKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A monthly (or on-demand) copy of a database, log folder or document folder.
    case backup
    /// One version of a device configuration, kept because it differs from the one before.
    case config
    /// A quarter's backups packed into an ISO 9660 image to burn (Art. 142).
    case disc
    /// A year's backups packed for the archive room (Art. 143).
    case archive
}

/// Where a backup stands; only `good` counts toward the schedule.
public enum BackupStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Started and not finished; after a crash it stays so until `verify` marks it interrupted.
    case running
    /// Written, fsynced, renamed into place and verified by restoring it.
    case good
    /// The run failed; `message` says why.
    case failed
    /// The process died during the run; nothing of it was kept.
    case interrupted
    /// Removed from the repository by the retention rules (discs and archives keep a copy).
    case pruned
}

/// One row of the backup register: what was backed up, when, where it is kept (Art. 28).
public struct BackupRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// The target's name; `disc` or `archive` for packages.
    public var target: String
    /// The target's category; `nil` for discs and archives, which hold every category.
    public var category: BackupCategory?
    public var kind: BackupKind
    /// The schedule period the backup counts for: `2026-05`, `2026Q2` or `2026`.
    public var period: String
    public var status: BackupStatus
    public var startedAt: Date
    public var finishedAt: Date?
    /// The backup's folder or file in the repository.
    public var path: String?
    /// Bytes of content (without the manifest).
    public var size: Int64?
    /// SHA-256 (hex) of the manifest for backups, discs and archives; of the content for a
    /// configuration version (its content address).
    public var sha256: String?
    /// Every place a copy was written: the repository first, then the second location and the
    /// removable-media path.
    public var locations: [String]
    /// When the backup was last verified by restoring it, and the outcome.
    public var verifiedAt: Date?
    public var verified: Bool?
    public var message: String?

    public init(
        id: Int64, target: String, category: BackupCategory?, kind: BackupKind, period: String,
        status: BackupStatus, startedAt: Date, finishedAt: Date? = nil, path: String? = nil, size: Int64? = nil,
        sha256: String? = nil, locations: [String] = [], verifiedAt: Date? = nil, verified: Bool? = nil,
        message: String? = nil
    ) {
        self.id = id
        self.target = target
        self.category = category
        self.kind = kind
        self.period = period
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.locations = locations
        self.verifiedAt = verifiedAt
        self.verified = verified
        self.message = message
    }
}
