/// What a backup protects, in the regulation's four groups (Art. 140).
public enum BackupCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Application databases in daily use, such as the registry (MIS) database.
    case database
    /// Working logs of servers, firewalls and antivirus.
    case logs
    /// Daily business documents.
    case documents
    /// Configuration parameters of a network device.
    case configuration
}

/// One thing the backup agent copies, as declared in Inventory/backups.yaml.
///
/// Names are unique; they name the folder the copies go to and the rows of the backup register.
public struct BackupTarget: Sendable, Hashable, Codable, Identifiable {
    public var name: String
    public var category: BackupCategory
    public var source: BackupSource

    public var id: String { name }

    public init(name: String, category: BackupCategory, source: BackupSource) {
        self.name = name
        self.category = category
        self.source = source
    }

    /// The inventory device whose configuration this target copies, if it is a configuration.
    public var device: String? {
        if case .deviceConfig(let device, _) = source { return device }
        return nil
    }
}

/// Where a backup's content comes from.
public enum BackupSource: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An SQLite database file, copied with SQLite's online backup API while it is in use.
    case sqlite(path: String)
    /// A PostgreSQL database, dumped with `pg_dump` in custom format.
    case postgres(PostgresSource)
    /// A folder of files (logs, documents), copied whole.
    case folder(path: String)
    /// A network device's configuration, fetched by `method` after every change.
    case deviceConfig(device: String, method: ConfigFetchMethod)

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let source): source.description
        case .folder(let path): "folder:\(path)"
        case .deviceConfig(let device, let method): "config:\(device) via \(method)"
        }
    }
}

/// How to reach a PostgreSQL database for `pg_dump` and `pg_restore`.
public struct PostgresSource: Sendable, Hashable, Codable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var database: String
    public var user: String?
    /// The password, read only when the dump runs; `nil` when the server trusts the user.
    public var password: SecretReference?
    /// The folder holding `pg_dump`, `pg_restore`, `createdb` and `dropdb`; `nil` searches `PATH`.
    public var binDirectory: String?

    public init(
        host: String = "127.0.0.1", port: Int = 5432, database: String, user: String? = nil,
        password: SecretReference? = nil, binDirectory: String? = nil
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.binDirectory = binDirectory
    }

    public var description: String {
        "postgres:\(user.map { "\($0)@" } ?? "")\(host):\(port)/\(database)"
    }
}

/// How a device's configuration is fetched (Art. 141), as the inventory names it.
public enum ConfigFetchMethod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Runs `command` on the device over SSH and keeps what it prints.
    case ssh(SSHFetch)
    /// Takes the newest file in `path` whose name matches `pattern` (a shell glob; `nil` for
    /// any): the device pushes its configuration there by TFTP or SCP.
    case dropFolder(path: String, pattern: String?)
    /// Runs a local program (argv) and keeps what it prints.
    case hook(command: [String])

    public var description: String {
        switch self {
        case .ssh(let ssh): "ssh \(ssh.user)@\(ssh.host):\(ssh.port)"
        case .dropFolder(let path, let pattern): "drop folder \(path)\(pattern.map { "/\($0)" } ?? "")"
        case .hook(let command): "hook \(command.first ?? "")"
        }
    }
}

/// An SSH login that prints the device's configuration.
public struct SSHFetch: Sendable, Hashable, Codable {
    public var host: String
    public var port: Int
    public var user: String
    /// The command the device runs, e.g. `display current-configuration` or `show running-config`.
    public var command: String
    /// A private key file; `nil` uses the SSH client's defaults.
    public var identityFile: String?
    /// The known-hosts file the host key is checked against strictly; `nil`: the backup agent's own
    /// file, which records a key on first contact and refuses a changed one.
    public var knownHostsFile: String?

    public init(
        host: String, port: Int = 22, user: String, command: String, identityFile: String? = nil,
        knownHostsFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.command = command
        self.identityFile = identityFile
        self.knownHostsFile = knownHostsFile
    }
}
