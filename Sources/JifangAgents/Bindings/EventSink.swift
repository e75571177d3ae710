import Foundation
import JifangModel
import JifangStore

/// Writes ARP events as they come: text or JSON lines to an output file descriptor, and to the
/// store (the duty log) in batches.
///
/// A store error never stops the output and never loses events silently: the first error is
/// kept, no further store writes are tried, the events not stored are kept in ``unstored``, and
/// ``finish()`` throws ``EventSinkError`` saying how many and why. Not thread-safe: use it on
/// one task.
public final class EventSink {
    /// How events are printed.
    public enum Format: Sendable {
        /// One line per event: `#frame type: message [switch port]`.
        case text
        /// One JSON object per line (``LocatedARPEvent/appendJSONLine(to:)``).
        case json
    }

    public let format: Format
    public let store: Store?
    /// The capture's name (file or interface), stored with each event.
    public let capture: String
    /// Events stored per write: 1 for a live capture (each at once), 1000 for a file.
    public let batchSize: Int
    /// The first store error; once set, nothing more is written to the store.
    public private(set) var storeError: (any Error)?
    /// Events not stored yet: the current batch, and after a store error every event since.
    public private(set) var unstored: [LocatedARPEvent] = []

    private let output: Int32
    private let diagnostics: Int32
    private var buffer: [UInt8] = []
    /// Output reading a file is written in chunks this large: a few write calls for a whole capture.
    public static let outputChunk = 1 << 20

    /// - Parameters:
    ///   - store: where events are recorded; `nil` prints only.
    ///   - live: a live capture writes output and store at every event, a file in chunks.
    ///   - output: the descriptor events are printed to (standard output by default).
    ///   - diagnostics: the descriptor ``note(_:)`` writes to (standard error by default).
    public init(
        format: Format, store: Store?, capture: String, live: Bool, output: Int32 = 1, diagnostics: Int32 = 2
    ) {
        self.format = format
        self.store = store
        self.capture = capture
        self.output = output
        self.diagnostics = diagnostics
        batchSize = live ? 1 : 1000
        buffer.reserveCapacity(live ? 1 << 12 : Self.outputChunk + (1 << 14))
    }

    /// Prints `event` and queues it for the store.
    public func write(_ event: LocatedARPEvent) {
        switch format {
        case .json:
            event.appendJSONLine(to: &buffer)
        case .text:
            let e = event.event
            let place = event.switchName.map { " [\($0)" + (event.port.map { " \($0)" } ?? "") + "]" } ?? ""
            let frame = e.frame.map { "#\($0) " } ?? ""
            buffer.append(contentsOf: "\(frame)\(e.type.rawValue): \(e.message)\(place)\n".utf8)
        }
        if buffer.count >= Self.outputChunk || batchSize == 1 { flushOutput() }
        if store != nil {
            unstored.append(event)
            if unstored.count >= batchSize { flushStore() }
        }
    }

    /// Writes a line to the diagnostics descriptor, after the events printed before it.
    public func note(_ line: String) {
        flushOutput()
        Self.writeAll(Array((line + "\n").utf8), to: diagnostics)
    }

    /// Writes what is buffered to the output and the store.
    ///
    /// - Throws: ``EventSinkError`` when events could not be stored (the output has them all).
    public func finish() throws(EventSinkError) {
        flushOutput()
        flushStore()
        if let storeError, let store, !unstored.isEmpty {
            throw EventSinkError(
                unstored: unstored.count, firstFrame: unstored.first?.event.frame, database: store.path,
                reason: "\(storeError)")
        }
    }

    private func flushOutput() {
        guard !buffer.isEmpty else { return }
        Self.writeAll(buffer, to: output)
        buffer.removeAll(keepingCapacity: true)
    }

    private func flushStore() {
        guard let store, storeError == nil, !unstored.isEmpty else { return }
        do {
            try store.recordARPEvents(unstored, capture: capture)
            unstored.removeAll(keepingCapacity: true)
        } catch {
            // A store that failed once (full disk, read-only file, broken schema) is not tried
            // again for every event; the events wait in `unstored` and finish() reports them.
            storeError = error
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}

/// Events a watch printed but could not write to the store.
public struct EventSinkError: Error, Sendable, CustomStringConvertible {
    /// How many events are not in the store.
    public var unstored: Int
    /// The capture frame of the first of them, when known.
    public var firstFrame: Int?
    /// The store's file.
    public var database: String
    /// The store's first error.
    public var reason: String

    public init(unstored: Int, firstFrame: Int?, database: String, reason: String) {
        self.unstored = unstored
        self.firstFrame = firstFrame
        self.database = database
        self.reason = reason
    }

    public var description: String {
        let from = firstFrame.map { ", from frame \($0) on," } ?? ""
        return "\(unstored) ARP event\(unstored == 1 ? "" : "s")\(from) could not be written to the duty log in "
            + "\(database) (\(reason)); they are in the output above. Fix the store (free disk space, make the "
            + "file writable, or check it with `sqlite3 \(database) 'PRAGMA integrity_check'`) and watch the "
            + "capture again to record them."
    }
}
