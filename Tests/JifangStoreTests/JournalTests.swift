import Foundation
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// The store's epoch, site and journal: what a forwarder will read (issue 16, item 3).
@Suite struct JournalTests {
    static func entry(_ text: String) -> DutyLogEntry {
        DutyLogEntry(
            id: 0, unit: "330102", day: CalendarDay("2026-11-02")!, time: StoreFixture.epoch, category: .other,
            text: text, author: "zhangwei", source: .manual, recordedAt: StoreFixture.epoch)
    }

    /// The entries a write added, checking that they follow the head before it.
    static func added(_ store: Store, _ write: () throws -> Void) throws -> [JournalEntry] {
        let head = try store.journalHead()
        try write()
        let entries = try store.journal(after: head, limit: 100)
        #expect(entries.map(\.seq) == Array((head + 1)...(head + Int64(entries.count))))
        #expect(try store.journalHead() == entries.last?.seq ?? head)
        return entries
    }

    @Test func aNewStoreHasAnEpochNoSiteAndAnEmptyJournal() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let identity = try f.store.identity()
        #expect(identity.site == nil)
        #expect(abs(identity.createdAt.timeIntervalSinceNow) < 60)
        #expect(try f.store.journal(after: 0, limit: 10).isEmpty)
        #expect(try f.store.journalHead() == 0)
        let other = try StoreFixture()
        defer { other.directory.remove() }
        #expect(try other.store.identity().epoch != identity.epoch, "each file makes its own epoch")
    }

    @Test func writesThroughTheStoreAreJournaledInOrderWithTheirKindAndRow() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let store = f.store
        var poll: Int64 = 0
        let polled = try Self.added(store) {
            poll = try store.record(
                health: StoreFixture.health(StoreFixture.device("sw-1"), at: StoreFixture.epoch), observations: [],
                conditions: []
            ).pollID
        }
        #expect(polled.first.map { [$0.kind, $0.rowID] as [AnyHashable] } == [JournalEntry.Kind.poll, poll])

        var logged: DutyLogEntry?
        let log = try Self.added(store) { logged = try store.appendDutyLogEntry(Self.entry("checked the UPS")) }
        let loggedID = try #require(logged).id
        #expect(log.map(\.kind) == [.dutyLogEntry] && log.map(\.rowID) == [loggedID])

        var backup: Int64 = 0
        let begun = try Self.added(store) {
            backup = try store.beginBackup(
                target: "registry-db", category: .database, kind: .backup, period: "2026-11", at: StoreFixture.epoch)
        }
        #expect(begun.map(\.kind) == [.backup] && begun.map(\.rowID) == [backup])
        let finished = try Self.added(store) {
            try store.finishBackup(
                id: backup, status: .good, at: StoreFixture.epoch.addingTimeInterval(5), path: "/r/x", size: 42,
                sha256: "ab", locations: ["/r/x"], verified: true, event: nil)
        }
        #expect(finished.map(\.kind) == [.backup] && finished.map(\.rowID) == [backup], "finishing is a change")

        var arp: [Int64] = []
        let seen = try Self.added(store) {
            let event = ARPEvent(
                time: StoreFixture.epoch, type: .bindingViolation, ip: IPv4Address("10.0.0.1")!,
                mac: MACAddress("00:11:22:33:44:55")!, boundMAC: MACAddress("00:11:22:33:44:66")!, vlan: 20, frame: 7,
                message: "10.0.0.1 is bound to another MAC")
            arp = try store.recordARPEvents([LocatedARPEvent(event, switchName: "sw-1", port: "Gi0/7")])
        }
        #expect(seen.contains { $0.kind == .arpEvent && [$0.rowID] == arp })
        #expect(try store.journal(after: 0, limit: 100).count == polled.count + 3 + seen.count)
    }

    @Test func anAlertIsJournaledWhenOpenedAndClearedButNotWhenOnlySeenAgain() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let device = StoreFixture.device("core-router")
        let cpu = AlertCondition(device: "core-router", type: .cpu, severity: .warning, message: "CPU above 90 %")
        func poll(_ minutes: Double, _ conditions: [AlertCondition]) throws -> [JournalEntry] {
            try Self.added(f.store) {
                let time = StoreFixture.epoch.addingTimeInterval(minutes * 60)
                try f.store.record(
                    health: StoreFixture.health(device, at: time), observations: [], conditions: conditions)
            }
        }
        let opened = try poll(0, [cpu]).filter { $0.kind == .alert }
        let alert = try #require(opened.first).rowID
        #expect(opened.count == 1)
        #expect(try poll(5, [cpu]).filter { $0.kind == .alert }.isEmpty, "only last_seen_at moved")
        var worse = cpu
        worse.severity = .critical
        #expect(try poll(10, [worse]).filter { $0.kind == .alert }.map(\.rowID) == [alert], "its severity changed")
        #expect(try poll(15, []).filter { $0.kind == .alert }.map(\.rowID) == [alert], "it cleared")
    }

    /// SQLite resolves a trigger's columns only when a statement on its table is prepared, so a
    /// misspelt column would fail every write to that table; preparing one insert and one update
    /// per journaled table finds it here.
    @Test func everyJournalTriggerCompiles() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        try f.store.close()
        let tables = try sqliteOutput(
            f.path,
            "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'journal\\_%' ESCAPE '\\'"
                + " ORDER BY tbl_name;"
        ).split(separator: "\n").map(String.init)
        #expect(tables.count == 21)
        #expect(tables.contains("polls") && tables.contains("duty_log") && tables.contains("staff"))
        for table in tables {
            try sqlite(f.path, "INSERT INTO \(table) SELECT * FROM \(table) WHERE 0;")
            try sqlite(f.path, "UPDATE \(table) SET rowid = rowid WHERE 0;")
        }
    }

    @Test func aWriteThatFailsLeavesNoJournalRow() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        try f.store.appendDutyLogEntry(Self.entry("before"))
        try f.store.close()
        // The poll row (and its journal row) is written first; the latest health after it fails.
        try sqlite(
            f.path,
            """
            CREATE TRIGGER refuse_health BEFORE INSERT ON device_health BEGIN SELECT RAISE(ABORT, 'refused'); END;
            CREATE TRIGGER refuse_log AFTER INSERT ON duty_log BEGIN SELECT RAISE(ABORT, 'refused'); END;
            """)
        let store = try Store(path: f.path)
        #expect(throws: StoreError.self) {
            try store.record(
                health: StoreFixture.health(StoreFixture.device("sw-1"), at: StoreFixture.epoch), observations: [],
                conditions: [])
        }
        #expect(throws: StoreError.self) { try store.appendDutyLogEntry(Self.entry("refused")) }
        #expect(try store.journal(after: 0, limit: 10).map(\.kind) == [.dutyLogEntry])
        #expect(try store.journalHead() == 1)
        #expect(try store.polls(device: "sw-1").isEmpty)
    }

    @Test func journalAfterPagesThroughEveryEntryOnce() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let ids = try (1...5).map { try f.store.appendDutyLogEntry(Self.entry("entry \($0)")).id }
        var seen: [JournalEntry] = []
        var cursor: Int64 = 0
        var pages = 0
        while case let page = try f.store.journal(after: cursor, limit: 2), let last = page.last {
            #expect(page.count <= 2)
            seen += page
            cursor = last.seq
            pages += 1
        }
        #expect(pages == 3)
        #expect(seen.map(\.seq) == [1, 2, 3, 4, 5] && seen.map(\.rowID) == ids)
        #expect(try f.store.journal(after: 3, limit: 1).map(\.seq) == [4])
        #expect(throws: StoreError.self) { try f.store.journal(after: 0, limit: 0) }
    }

    @Test func seqNeverGoesBackAfterRowsAreDeleted() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        try f.store.appendDutyLogEntry(Self.entry("one"))
        try f.store.appendDutyLogEntry(Self.entry("two"))
        #expect(throws: StoreError.self) { try f.store.acknowledgeJournal(through: 3) }
        #expect(try f.store.acknowledgeJournal(through: 1) == 1)
        #expect(try f.store.pruneAcknowledgedJournal() == 1)
        #expect(try f.store.journal(after: 0, limit: 10).map(\.seq) == [2], "unacknowledged entries are kept")
        #expect(try f.store.acknowledgeJournal(through: 0) == 1, "the cursor does not move back")
        try f.store.acknowledgeJournal(through: 2)
        try f.store.pruneAcknowledgedJournal()
        #expect(try f.store.journal(after: 0, limit: 10).isEmpty)
        #expect(try f.store.journalHead() == 2)
        try f.store.close()
        try sqlite(f.path, "DELETE FROM journal;")
        let reopened = try Store(path: f.path)
        let next = try reopened.appendDutyLogEntry(Self.entry("three"))
        #expect(try reopened.journal(after: 0, limit: 10).map { [$0.seq, $0.rowID] } == [[3, next.id]])
    }

    @Test func reopeningKeepsTheEpochAndSite() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        try f.store.setSite("330102")
        let identity = try f.store.identity()
        try f.store.close()
        #expect(try Store(path: f.path).identity() == identity)
    }

    @Test func anUpgradedStoreGetsAnEpochAndAJournalFromThenOn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        try f.store.appendDutyLogEntry(Self.entry("before the upgrade"))
        let oldEpoch = try f.store.identity().epoch
        try f.store.close()
        // Takes the file back to the schema before v10-journal.
        let triggers = try sqliteOutput(
            f.path,
            "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'"
                + " AND name LIKE 'journal_%';")
        #expect(triggers.contains("journal_duty_log_insert"))
        try sqlite(
            f.path,
            triggers + """
                DROP TABLE journal; DROP TABLE journal_acknowledged; DROP TABLE store_identity;
                DELETE FROM grdb_migrations WHERE identifier = 'v10-journal';
                """)
        #expect(try sqliteOutput(f.path, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'journal%';") == "0\n")

        let upgraded = try Store(path: f.path)
        #expect(try upgraded.identity().epoch != oldEpoch)
        #expect(try upgraded.journalHead() == 0, "entries written before the upgrade are not journaled")
        let after = try upgraded.appendDutyLogEntry(Self.entry("after the upgrade"))
        #expect(try upgraded.journal(after: 0, limit: 10).map { [$0.seq, $0.rowID] } == [[1, after.id]])
    }

    @Test func aStoreWithASiteRefusesAnotherUnlessReset() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let epoch = try f.store.identity().epoch
        #expect(
            try f.store.setSite("330102")
                == StoreIdentity(epoch: epoch, site: "330102", createdAt: try f.store.identity().createdAt))
        #expect(try f.store.setSite("330102").epoch == epoch, "setting the same site again changes nothing")
        #expect(throws: StoreIdentityError.siteAlreadySet(path: f.path, stored: "330102", requested: "330100")) {
            try f.store.setSite("330100")
        }
        #expect(try f.store.identity().site == "330102")
        #expect(throws: StoreError.self) { try f.store.setSite("") }
        let reset = try f.store.setSite("330100", replacingExisting: true)
        #expect(reset.site == "330100" && reset.epoch != epoch, "a new site starts a new epoch")
        #expect(try f.store.identity() == reset)
    }
}

/// Runs SQL with the sqlite3 command-line tool and returns what it printed.
func sqliteOutput(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self)
}
