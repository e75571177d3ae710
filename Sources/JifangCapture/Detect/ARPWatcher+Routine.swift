import JifangModel

extension ARPWatcher {
    /// Judges one captured frame: decodes it and runs every check that applies.
    ///
    /// Routine traffic (a bound address claimed again by its bound MAC, nothing odd at the link
    /// layer) is recognised on the frame's bytes and only counted for storms; every other frame
    /// is decoded by ``FrameDecoder`` and judged by ``observe(_:frame:time:emit:)-(DecodedFrame,_,_,_)``.
    /// Both give the same events: the fast path only skips checks that cannot fire.
    @inline(__always) public mutating func observe(_ frame: Frame, emit: (ARPEvent) -> Void) {
        if frame.linkType == .ethernet, let plain = PlainARPFrame(ethernet: frame.bytes),
            observeRoutine(plain, frame: frame.number, time: frame.timestamp, emit: emit)
        {
            return
        }
        observe(
            FrameDecoder.decode(frame.bytes, linkType: frame.linkType), frame: frame.number, time: frame.timestamp,
            emit: emit)
    }

    /// Counts `plain` when it is routine and returns `true`; returns `false`, having changed
    /// nothing, when it needs the full checks.
    ///
    /// Routine: the sender IP is bound to the sender MAC, which also claimed it last, on the
    /// bound VLAN (or untagged); the Ethernet source is the sender MAC; and it is a reply or a
    /// broadcast request (a unicast request is judged in full, see ``checkLinkLayer(_:_:emit:)``).
    @inline(__always) mutating func observeRoutine(
        _ plain: PlainARPFrame, frame: Int, time: CaptureTimestamp, emit: (ARPEvent) -> Void
    ) -> Bool {
        let mac = plain.senderMAC
        guard plain.senderIP != 0, plain.source == mac,
            plain.operation == 2 || plain.destination & 0x0100_0000_0000 != 0,
            let summary = ips.summary(of: UInt64(plain.senderIP)),
            summary & (1 << 63 | 0xFFFF_FFFF_FFFF) == mac,
            summary & 1 << 60 == 0 || plain.vlan == PlainARPFrame.untagged
                || UInt16(truncatingIfNeeded: summary >> 48) & 0x0FFF == plain.vlan
        else { return false }
        statistics.frames += 1
        statistics.arp += 1
        sweepIfDue(time)
        let source = MACAddress(rawValue: mac)
        let count = storms.count(source, second: time.seconds)
        if count == thresholds.stormPacketsPerSecond + 1 {
            reportStorm(
                source: source, ip: IPv4Address(rawValue: plain.senderIP),
                vlan: plain.vlan == PlainARPFrame.untagged ? nil : plain.vlan, frame: frame, now: time.timeInterval,
                emit: emit)
        }
        return true
    }
}
