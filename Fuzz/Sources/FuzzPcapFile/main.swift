import Foundation
import JifangCapture
import JifangModel
import LibFuzzerDriver

// libfuzzer: -max_len=4096
fuzz(fuzzPcapFile)

/// Writes the bytes to a file and reads it as a capture, as `jifang watch --file` would: a
/// garbage or truncated file may be refused with ``CaptureError`` but must not trap.
///
/// The file is read three times: frame by frame, read ahead on a second thread (which must
/// deliver the same frames and end with the same error), and through ``ARPWatcher`` with the ARP
/// filter installed.
func fuzzPcapFile(_ bytes: UnsafeRawBufferPointer) {
    let path = Capture.path
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes))
    else { fatalError("cannot write \(path)") }

    let plain = read(path) { source, body throws(CaptureError) in try source.readFrames(body) }
    let ahead = read(path) { source, body throws(CaptureError) in try source.readFramesAhead(body) }
    precondition(plain == ahead, "read ahead differs: \(plain) against \(ahead)")

    guard let source = try? PacketSource(file: path) else { return }
    var watcher = ARPWatcher(bindings: [])
    do {
        try source.setFilter(PacketSource.arpFilter)
        try watcher.watch(source) { _ = $0.message }
    } catch {
        _ = error.description
    }
}

private enum Capture {
    /// One temporary file per process, rewritten for every input (libFuzzer runs inputs one at a time).
    static let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("jifang-fuzz-\(ProcessInfo.processInfo.processIdentifier).pcap").path
}

/// What one way of reading delivered: each frame copied out, then the error that ended the read.
private struct Reading: Equatable {
    struct Copy: Equatable {
        var number: Int
        var timestamp: CaptureTimestamp
        var bytes: [UInt8]
        var originalLength: Int
        var decoded: DecodedFrame
    }
    var opened: CaptureError?
    var frames: [Copy] = []
    var count = 0
    var error: CaptureError?
}

private func read(
    _ path: String, _ method: (PacketSource, (Frame) -> Void) throws(CaptureError) -> Int
) -> Reading {
    let source: PacketSource
    do {
        source = try PacketSource(file: path)
    } catch {
        _ = error.description
        return Reading(opened: error)
    }
    var reading = Reading()
    do {
        reading.count = try method(source) { frame in
            reading.frames.append(
                Reading.Copy(
                    number: frame.number, timestamp: frame.timestamp, bytes: Array(frame.bytes),
                    originalLength: frame.originalLength,
                    decoded: FrameDecoder.decode(frame.bytes, linkType: frame.linkType)))
        }
    } catch {
        _ = error.description
        reading.error = error
    }
    return reading
}
