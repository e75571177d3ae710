import Foundation
import JifangAgents
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// ``EventSink`` against a real store whose `arp_events` table goes away mid-capture (renamed by
/// a second connection, as a broken or replaced store file would behave) and comes back.
@Suite struct EventSinkTests {
    /// A store in a temporary directory, the sink's output file, and the means to break the store.
    struct Fixture {
        let directory: TemporaryDirectory
        let store: Store
        let output: FileHandle

        init() throws {
            directory = try TemporaryDirectory()
            store = try Store(path: directory.appending("j.sqlite").path)
            let path = directory.appending("out.jsonl").path
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            output = try #require(FileHandle(forWritingAtPath: path))
        }

        func sink(live: Bool) -> EventSink {
            EventSink(
                format: .json, store: store, capture: "eth-test", live: live, output: output.fileDescriptor,
                diagnostics: output.fileDescriptor)
        }

        func sql(_ statement: String) throws -> String {
            try Command.run("sqlite3", [store.path, statement]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Frames of the events in the store, in order.
        func storedFrames() throws -> [Int] {
            try store.arpEvents().compactMap(\.event.frame)
        }

        /// Frames of the events printed, in order.
        func printedFrames() throws -> [Int] {
            let text = try String(contentsOf: directory.appending("out.jsonl"), encoding: .utf8)
            return try text.split(separator: "\n").map {
                let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                return try #require(object["frame"] as? Int)
            }
        }

        func remove() {
            try? output.close()
            directory.remove()
        }
    }

    static func event(frame: Int) -> LocatedARPEvent {
        LocatedARPEvent(
            ARPEvent(
                time: Date(timeIntervalSince1970: 1_700_000_000 + Double(frame)), type: .bindingViolation,
                ip: IPv4Address("10.0.0.1"), mac: MACAddress("02:66:66:66:66:66"),
                boundMAC: MACAddress("02:00:00:00:00:01"), frame: frame, message: "10.0.0.1 claimed by another MAC"))
    }

    @Test func aLiveCaptureStoresEachEventAtOnce() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sink = fixture.sink(live: true)
        sink.write(Self.event(frame: 1))
        sink.write(Self.event(frame: 2))
        #expect(try fixture.storedFrames() == [1, 2], "stored before finish()")
        try sink.finish()
        #expect(try fixture.printedFrames() == [1, 2])
        #expect(sink.unstored.isEmpty && sink.storeError == nil)
    }

    @Test func aStoreErrorKeepsTheEventsAndFinishSaysHowMany() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sink = fixture.sink(live: true)
        sink.write(Self.event(frame: 1))
        _ = try fixture.sql("ALTER TABLE arp_events RENAME TO arp_events_away")
        sink.write(Self.event(frame: 2))
        // The store is whole again, but a sink that failed once does not try again.
        _ = try fixture.sql("ALTER TABLE arp_events_away RENAME TO arp_events")
        sink.write(Self.event(frame: 3))

        #expect(sink.storeError != nil)
        #expect(sink.unstored.map(\.event.frame) == [2, 3])
        let error = try #require(throws: EventSinkError.self) { try sink.finish() }
        #expect(error.unstored == 2 && error.firstFrame == 2 && error.database == fixture.store.path)
        #expect(error.description.hasPrefix("2 ARP events, from frame 2 on, could not be written"), "\(error)")
        #expect(error.description.contains("arp_events"), "the reason names what failed: \(error)")
        #expect(try fixture.printedFrames() == [1, 2, 3], "the output has every event")
        #expect(try fixture.storedFrames() == [1])
    }

    @Test func aFileBatchThatFailsIsReportedWhole() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sink = fixture.sink(live: false)
        for frame in 1...3 { sink.write(Self.event(frame: frame)) }
        #expect(try fixture.storedFrames().isEmpty, "a file's events wait for their batch")
        _ = try fixture.sql("ALTER TABLE arp_events RENAME TO arp_events_away")
        let error = try #require(throws: EventSinkError.self) { try sink.finish() }
        #expect(error.unstored == 3 && error.firstFrame == 1)
        #expect(try fixture.printedFrames() == [1, 2, 3])
        #expect(try fixture.sql("SELECT count(*) FROM arp_events_away") == "0", "nothing half-stored")
    }
}
