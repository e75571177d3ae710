import JifangCapture
import JifangModel
import JifangTesting

/// What a test reads back from a capture file.
struct ReadBack {
    var frames: [(number: Int, decoded: DecodedFrame)] = []
    var events: [ARPEvent] = []
    var error: CaptureError?
    var statistics = ARPStatistics()

    /// Events of one type, as (frame, event) for readable expectations.
    func events(_ type: ARPEventType) -> [ARPEvent] {
        events.filter { $0.type == type }
    }

    func frames(of type: ARPEventType) -> [Int] {
        events(type).compactMap(\.frame)
    }
}

/// Decodes every frame of `path`.
func decodeAll(_ path: String) throws -> ReadBack {
    let source = try PacketSource(file: path)
    var result = ReadBack()
    do {
        try source.readFrames { frame in
            result.frames.append((frame.number, FrameDecoder.decode(frame.bytes, linkType: frame.linkType)))
        }
    } catch {
        result.error = error
    }
    return result
}

/// Runs an ``ARPWatcher`` over `path`.
func watchAll(
    _ path: String, bindings: [AddressBinding], subnets: [IPv4Subnet] = [], thresholds: ARPThresholds = ARPThresholds()
) throws -> ReadBack {
    let source = try PacketSource(file: path)
    var watcher = ARPWatcher(bindings: bindings, subnets: subnets, thresholds: thresholds)
    var result = ReadBack()
    do {
        try watcher.watch(source) { result.events.append($0) }
    } catch {
        result.error = error
    }
    result.statistics = watcher.statistics
    return result
}

func mac(_ text: String) -> MACAddress { MACAddress(text)! }
func ip(_ text: String) -> IPv4Address { IPv4Address(text)! }

extension DecodedFrame {
    var arp: ARPPacket? {
        if case .arp(let packet) = self { return packet }
        return nil
    }

    var malformedReason: MalformedReason? {
        if case .malformed(let reason, _, _) = self { return reason }
        return nil
    }
}
