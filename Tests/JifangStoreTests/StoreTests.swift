import Foundation
import JifangModel
import JifangStore
import JifangTesting
import Testing

@Suite struct StoreTests {
    @Test func newFileGetsSchemaWALAndForeignKeys() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let info = try fixture.store.info()
        #expect(info.journalMode == "wal")
        #expect(info.foreignKeys)
        // Appended migrations follow the first; each appears once.
        #expect(info.migrations.first == "v1-schema")
        #expect(info.migrations.contains("v6-accounts"))
        #expect(Set(info.migrations).count == info.migrations.count)
        #expect(FileManager.default.fileExists(atPath: fixture.path + "-wal"))
    }

    /// The store holds password hashes and tokens: the file and its -wal and -shm are 0600
    /// under the usual umask 022, which would make them 0644.
    @Test func aNewStoreIsReadableByItsOwnerOnly() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.syncInventory(units: [], devices: [StoreFixture.device("core-router")])
        for file in [fixture.path, fixture.path + "-wal", fixture.path + "-shm"] {
            var info = stat()
            #expect(lstat(file, &info) == 0, "\(file) is missing")
            #expect(info.st_mode & 0o777 == 0o600, "\(file) has mode \(String(info.st_mode & 0o777, radix: 8))")
        }
    }

    /// A store made by an earlier version was 0644: opening it makes it, and the -wal and -shm
    /// another process holds open, 0600.
    @Test func anEarlierStoreReadableByOthersIsMadePrivateWhenOpened() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.syncInventory(units: [], devices: [StoreFixture.device("core-router")])
        let files = [fixture.path, fixture.path + "-wal", fixture.path + "-shm"]
        for file in files { #expect(chmod(file, 0o644) == 0, "\(file) is missing") }
        let reopened = try Store(path: fixture.path, create: false)
        defer { try? reopened.close() }
        for file in files {
            var info = stat()
            #expect(lstat(file, &info) == 0, "\(file) is missing")
            #expect(info.st_mode & 0o777 == 0o600, "\(file) has mode \(String(info.st_mode & 0o777, radix: 8))")
        }
        #expect(try reopened.info().journalMode == "wal", "the store still opens and reads")
    }

    @Test func reopeningKeepsDataAndRunsNoMigrationTwice() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let device = StoreFixture.device("core-router")
        try fixture.store.syncInventory(units: [], devices: [device])
        let result = try fixture.store.record(
            health: StoreFixture.health(device, at: StoreFixture.epoch),
            observations: [
                Observation(device: "core-router", metric: "cpu.percent", time: StoreFixture.epoch, value: 42)
            ],
            conditions: [AlertCondition(device: "core-router", type: .cpu, severity: .warning, message: "CPU 92 %")])
        let migrations = try fixture.store.info().migrations
        try fixture.store.close()

        for _ in 0..<2 {
            let reopened = try Store(path: fixture.path)
            #expect(try reopened.info().migrations == migrations)
            #expect(try reopened.devices().map(\.name) == ["core-router"])
            #expect(try reopened.observations(device: "core-router", metric: "cpu.percent").map(\.value) == [42])
            #expect(try reopened.alerts(openOnly: true).map(\.id) == result.opened.map(\.id))
            #expect(try reopened.latestHealth(device: "core-router")?.identity.model == "AR2220")
            try reopened.close()
        }
    }

    @Test func fileThatIsNotADatabaseIsRefusedByPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("notes.sqlite").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try Store(path: path) }
        guard case .notAJifangDatabase = error else {
            Issue.record("expected notAJifangDatabase, got \(error)")
            return
        }
        #expect(error.path == path)
        #expect(error.description.contains(path))
    }

    @Test func databaseOfAnotherProgramIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("other.sqlite").path
        try sqlite(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);")
        let error = try #require(throws: StoreError.self) { try Store(path: path) }
        #expect(error.description.contains("customers"))
        #expect(error.description.contains(path))
    }

    @Test func fileFromANewerJifangIsRefused() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.close()
        try sqlite(fixture.path, "INSERT INTO grdb_migrations VALUES ('v2-future');")
        let error = try #require(throws: StoreError.self) { try Store(path: fixture.path) }
        #expect(error == .newerSchema(path: fixture.path, unknownMigrations: ["v2-future"]))
    }

    @Test func missingDirectoryIsNamed() throws {
        let path = "/nonexistent-\(UUID().uuidString)/jifang.sqlite"
        let error = try #require(throws: StoreError.self) { try Store(path: path) }
        #expect(error.description.contains(path))
        #expect(error.description.contains("does not exist"))
    }

    @Test func readersSeeCommittedStateWhileAWriterWrites() async throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        try store.syncInventory(units: [], devices: [StoreFixture.device("sw-1")])
        let batches = 40
        let perBatch = 500
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for batch in 0..<batches {
                    let time = StoreFixture.epoch.addingTimeInterval(Double(batch) * 60)
                    try store.insert(
                        (0..<perBatch).map {
                            Observation(device: "sw-1", metric: "if.inBps", instance: "eth\($0)", time: time, value: 1)
                        })
                }
            }
            for _ in 0..<2 {
                group.addTask {
                    var last = 0
                    while last < batches * perBatch {
                        let count = try store.observations(device: "sw-1", metric: "if.inBps").count
                        // Whole batches only: a reader never sees half a transaction.
                        #expect(count % perBatch == 0)
                        #expect(count >= last)
                        last = count
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// Runs SQL with the sqlite3 command-line tool, as another program would touch the file.
func sqlite(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
}
