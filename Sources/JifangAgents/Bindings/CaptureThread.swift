import Foundation
import JifangCapture
import JifangModel

/// Runs a ``BindingWatch`` over a live capture on a thread of its own and hands its events to
/// async code as they arise, so locating and enforcing (SNMP) happen while the capture goes on
/// and the blocking read never holds one of the few threads of Swift's concurrency pool.
public final class CaptureThread: @unchecked Sendable {
    // @unchecked: `watch` and `failure` are written by the capture thread until it finishes the
    // stream, and read by the stream's consumer only after that (the stream orders the two).
    private var watch: BindingWatch
    private var failure: CaptureError?
    private nonisolated(unsafe) let source: PacketSource
    private let deadline: ContinuousClock.Instant?

    public init(watch: BindingWatch, source: PacketSource, deadline: ContinuousClock.Instant?) {
        self.watch = watch
        self.source = source
        self.deadline = deadline
    }

    /// Starts the capture; the stream ends when the capture does (deadline, interruption or error).
    public func start() -> AsyncStream<ARPEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ARPEvent.self)
        let thread = Thread { [self] in
            do throws(CaptureError) {
                try watch.run(source, until: deadline) { continuation.yield($0) }
            } catch {
                failure = error
            }
            continuation.finish()
        }
        thread.name = "capture \(source.name)"
        thread.start()
        return stream
    }

    /// The watch with its statistics, once the stream has ended.
    ///
    /// - Throws: the capture's ``CaptureError`` if the read failed.
    public func finished() throws(CaptureError) -> BindingWatch {
        if let failure { throw failure }
        return watch
    }
}
