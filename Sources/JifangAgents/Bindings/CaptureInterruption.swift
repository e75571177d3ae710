import Dispatch
import Foundation
import JifangCapture

/// Ends a live capture on SIGINT (Ctrl-C) or SIGTERM instead of letting the signal kill the
/// process, so `jifang watch` still flushes its output and store and prints its summary.
///
/// The signals' default action is ignored while this exists and they are taken from dispatch
/// signal sources; the handler calls ``PacketSource/interrupt()``, which wakes the blocked read.
/// With no signals (`signals: []`), ``interrupt()`` ends the capture: `jifang agent`'s watch
/// service calls it on the service group's graceful shutdown, which owns the signals there.
public final class CaptureInterruption: @unchecked Sendable {
    // @unchecked: `received` is guarded by `lock`; `source` is only used through its
    // thread-safe `interrupt()`; `sources` is written in init only.
    private let lock = NSLock()
    private var received: Int32?
    private let source: PacketSource
    private var sources: [any DispatchSourceSignal] = []

    public init(_ source: PacketSource, signals: [Int32] = [SIGINT, SIGTERM]) {
        self.source = source
        for number in signals {
            signal(number, SIG_IGN)
            let signalSource = DispatchSource.makeSignalSource(signal: number, queue: .global())
            signalSource.setEventHandler { [weak self] in self?.interrupt(by: number) }
            signalSource.resume()
            sources.append(signalSource)
        }
    }

    deinit {
        for signalSource in sources { signalSource.cancel() }
    }

    /// The signal that ended the capture, if one did.
    public var signalReceived: Int32? { lock.withLock { received } }

    /// How the summary names the signal, e.g. `SIGINT`.
    public var signalName: String? {
        signalReceived.map { [SIGINT: "SIGINT", SIGTERM: "SIGTERM"][$0] ?? "signal \($0)" }
    }

    /// Ends the capture now (the blocked read returns); no signal is recorded.
    public func interrupt() {
        source.interrupt()
    }

    private func interrupt(by number: Int32) {
        lock.withLock { if received == nil { received = number } }
        source.interrupt()
    }
}
