import JifangCapture
import JifangModel
import LibFuzzerDriver

// libfuzzer: -max_len=256
fuzz(fuzzFrameDecoder)

/// The first byte picks the link type (Ethernet, Linux cooked v1 or v2, or an unsupported one);
/// the rest is one captured frame.
///
/// Besides not trapping, the frame is judged twice by two watchers, once through
/// ``ARPWatcher/observe(_:emit:)`` (which reads plain ARP straight from the bytes) and once
/// through ``FrameDecoder`` alone; both must report the same events and statistics, as the
/// watcher promises. The sender is bound to its address, so the second sighting can take the
/// routine path.
func fuzzFrameDecoder(_ input: UnsafeRawBufferPointer) {
    guard let selector = input.first else { return }
    let linkTypes: [LinkType] = [.ethernet, .linuxSLL, .linuxSLL2, LinkType(rawValue: Int32(selector))]
    let linkType = linkTypes[Int(selector) % linkTypes.count]
    let bytes = UnsafeRawBufferPointer(rebasing: input.dropFirst())
    let decoded = FrameDecoder.decode(bytes, linkType: linkType)
    precondition(decoded == FrameDecoder.decode(Array(bytes), linkType: linkType), "array and pointer forms differ")
    _ = "\(decoded)"

    var bindings: [AddressBinding] = []
    if case .arp(let packet) = decoded {
        bindings.append(AddressBinding(ip: packet.senderIP, mac: packet.senderMAC, owner: "fuzz", vlan: packet.vlan))
        _ = (packet.kind, packet.isGratuitous)
    }
    var throughFrames = ARPWatcher(bindings: bindings)
    var throughDecoder = ARPWatcher(bindings: bindings)
    var framesEvents: [ARPEvent] = []
    var decoderEvents: [ARPEvent] = []
    for second in 1...2 {
        let time = CaptureTimestamp(seconds: Int64(second), nanoseconds: 0)
        let frame = Frame(number: second, timestamp: time, linkType: linkType, bytes: bytes)
        throughFrames.observe(frame) { framesEvents.append($0) }
        throughDecoder.observe(decoded, frame: second, time: time) { decoderEvents.append($0) }
    }
    precondition(framesEvents == decoderEvents, "events differ: \(framesEvents) against \(decoderEvents)")
    precondition(
        throughFrames.statistics == throughDecoder.statistics,
        "statistics differ: \(throughFrames.statistics) against \(throughDecoder.statistics)")
}
