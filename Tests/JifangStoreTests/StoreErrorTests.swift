import Foundation
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// A ``StoreError`` carries a code a caller acts on, the error SQLite or the system reported, and
/// a message saying what to do; each failure here is made for real on an SQLite file.
@Suite struct StoreErrorTests {
    static func asset(_ tag: String, device: String? = nil) -> Asset {
        Asset(tag: tag, name: "Switch \(tag)", kind: .pc, device: device)
    }

    @Test func aWriteWhileAnotherProcessHoldsTheStoreIsBusy() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = try Store(path: fixture.path, busyTimeout: 0.2)
        let holder = try SQLiteLockHolder(fixture.path)
        let error = try #require(throws: StoreError.self) {
            try store.saveAssets([Self.asset("PC-1")], actor: "lina")
        }
        try holder.release()
        #expect(error.code == .busy)
        #expect(sqliteCode(of: error) == 5)  // SQLITE_BUSY
        #expect(error.description.contains("Another process holds the store"))
        #expect(error.description.contains("retry"))
        // Once the other process lets go, the same write goes through.
        try store.saveAssets([Self.asset("PC-1")], actor: "lina")
    }

    @Test func twoAssetsOfOneDeviceBreakAConstraint() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let error = try #require(throws: StoreError.self) {
            try fixture.store.saveAssets(
                [Self.asset("PC-1", device: "sw-1"), Self.asset("PC-2", device: "sw-1")], actor: "lina")
        }
        #expect(error.code == .constraint)
        #expect(sqliteCode(of: error) == 19)  // SQLITE_CONSTRAINT
        #expect(error.description.contains("assets.device"))
        #expect(error.description.contains("check the names and ids given"))
        #expect(try fixture.store.assets().isEmpty)
    }

    @Test func aDamagedSchemaPageIsCorrupt() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.close()
        // Page 1 after its 100-byte file header holds the schema's b-tree: garbage there leaves an
        // SQLite file whose schema cannot be read.
        try overwrite(fixture.path, at: 100, with: Data(repeating: 0xA5, count: 3996))
        let error = try #require(throws: StoreError.self) { try Store(path: fixture.path) }
        #expect(error.code == .corrupt)
        #expect(sqliteCode(of: error) == 11)  // SQLITE_CORRUPT
        #expect(error.description.contains("jifang backup restore"))
    }

    @Test func aDamagedFileHeaderIsCorrupt() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.close()
        try overwrite(fixture.path, at: 0, with: Data(repeating: 0, count: 100))
        let error = try #require(throws: StoreError.self) { try Store(path: fixture.path) }
        guard case .notAJifangDatabase = error else {
            Issue.record("expected notAJifangDatabase, got \(error)")
            return
        }
        #expect(error.code == .corrupt)
        #expect(sqliteCode(of: error) == 26)  // SQLITE_NOTADB
        #expect(error.description.contains("The file is damaged"))
        #expect(error.description.contains("jifang backup restore"))
    }

    @Test func aStoreInAMissingFolderIsNotFound() throws {
        let path = "/nonexistent-\(UUID().uuidString)/jifang.sqlite"
        let error = try #require(throws: StoreError.self) { try Store(path: path) }
        #expect(error.code == .notFound)
        #expect((error.underlying as? POSIXError)?.code == .ENOENT)
        #expect(error.description.contains("create its folder, or pass --database"))
    }

    @Test func aStoreThatIsNotThereYetIsNotFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try #require(throws: StoreError.self) {
            try Store(path: directory.appending("jifang.sqlite").path, create: false)
        }
        #expect(error.code == .notFound)
    }

    @Test(.enabled(if: SmallFileSystem.permitted, "mounting a tmpfs is not permitted here"))
    func aWriteOnAFullDiskIsFull() throws {
        let disk = try SmallFileSystem(megabytes: 4)
        defer { disk.remove() }
        let path = disk.path + "/jifang.sqlite"
        let store = try Store(path: path)
        try disk.fill()
        let error = try #require(throws: StoreError.self) {
            try store.saveAssets((1...50).map { Self.asset("PC-\($0)") }, actor: "lina")
        }
        #expect(error.code == .full)
        #expect(sqliteCode(of: error) == 13)  // SQLITE_FULL
        #expect(error.description.contains("The disk holding \(path) is full: free space there"))
        try store.close()
    }

    @Test(.enabled(if: SmallFileSystem.permitted, "mounting a tmpfs is not permitted here"))
    func aStoreOnAReadOnlyFileSystemIsReadOnly() throws {
        let disk = try SmallFileSystem(megabytes: 8)
        defer { disk.remove() }
        let path = disk.path + "/jifang.sqlite"
        let writer = try Store(path: path)
        try writer.saveAssets([Self.asset("PC-1")], actor: "lina")
        // The same files seen through a read-only mount, while the writer keeps its -wal and -shm.
        let view = try disk.readOnlyView()
        let store = try Store(path: view + "/jifang.sqlite")
        #expect(try store.asset(tag: "PC-1") != nil)
        let error = try #require(throws: StoreError.self) {
            try store.saveAssets([Self.asset("PC-2")], actor: "lina")
        }
        #expect(error.code == .readOnly)
        #expect(sqliteCode(of: error) == 8)  // SQLITE_READONLY
        #expect(error.description.contains("mounted read-write"))
        try store.close()
        try writer.close()
    }

    @Test func errorsWithoutAnUnderlyingErrorKeepTheirCode() {
        let refused = StoreError.invalidArgument(path: "/s", operation: "save", reason: "no")
        #expect(refused.code == .invalidArgument)
        #expect(refused.underlying == nil)
        #expect(StoreError.newerSchema(path: "/s", unknownMigrations: ["v9"]).code == .newerVersion)
    }
}

/// The SQLite result code of the error a ``StoreError`` keeps, as GRDB's `DatabaseError` reads it
/// out ("SQLite error 5: database is locked").
func sqliteCode(of error: StoreError) -> Int? {
    guard let underlying = error.underlying else { return nil }
    let text = "\(underlying)"
    guard text.hasPrefix("SQLite error ") else { return nil }
    return Int(text.dropFirst("SQLite error ".count).prefix { $0.isNumber })
}

/// Writes `data` into the file at `path` from byte `offset` on.
func overwrite(_ path: String, at offset: UInt64, with data: Data) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: offset)
    try handle.write(contentsOf: data)
}

/// A tmpfs of a few megabytes mounted on a temporary folder: a disk that fills, or that a
/// read-only bind mount shows unwritable. Needs the right to mount (root in the test container).
struct SmallFileSystem {
    let directory: TemporaryDirectory
    var path: String { directory.appending("disk").path }
    var readOnlyPath: String { directory.appending("read-only").path }

    /// Whether this process may mount a tmpfs; tried once.
    static let permitted: Bool = {
        guard let probe = try? SmallFileSystem(megabytes: 1) else { return false }
        probe.remove()
        return true
    }()

    init(megabytes: Int) throws {
        directory = try TemporaryDirectory(prefix: "jifang-disk")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        do {
            try Self.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", path])
        } catch {
            directory.remove()
            throw error
        }
    }

    /// Fills every free byte with a file of its own.
    func fill() throws {
        let descriptor = open(path + "/filler", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FixtureError("cannot create \(path)/filler") }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0x5A, count: 4096)
        while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        guard errno == ENOSPC else { throw FixtureError("filling \(path) stopped with errno \(errno)") }
    }

    /// The file system bind-mounted read-only on a second folder; returns that folder.
    func readOnlyView() throws -> String {
        try FileManager.default.createDirectory(atPath: readOnlyPath, withIntermediateDirectories: true)
        try Self.run("/usr/bin/mount", ["--bind", path, readOnlyPath])
        try Self.run("/usr/bin/mount", ["-o", "remount,bind,ro", readOnlyPath])
        return readOnlyPath
    }

    func remove() {
        for mount in [readOnlyPath, path] where FileManager.default.fileExists(atPath: mount) {
            try? Self.run("/usr/bin/umount", ["-l", mount])
        }
        directory.remove()
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("\(tool) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus))")
        }
    }
}
