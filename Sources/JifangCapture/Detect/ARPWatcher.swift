import JifangModel

/// Judges ARP traffic against the binding table (Art. 34, 109) and reports ``ARPEvent``s.
///
/// A pure engine: feed it packets in capture order with ``observe(_:frame:time:emit:)`` (or a
/// whole ``PacketSource`` with ``watch(_:until:emit:)``). It keeps state per station (IP and
/// MAC), never per packet, so memory follows the number of stations seen. Repeats of one
/// (type, IP, MAC) event are reported once per ``ARPThresholds/repeatWindow``, except when the
/// IP's MAC changed with the frame: such a change is always reported.
///
/// What a packet claims: its sender pair (sender IP is at sender MAC). A probe (sender IP
/// 0.0.0.0) claims nothing and is only checked for an unregistered MAC. One packet can raise
/// several events (a spoofed reply is a `binding-violation` and, when the IP goes back, a
/// `flip-flop`); a gratuitous claim raises `gratuitous-wrong-mac` instead of `binding-violation`,
/// and an unbound address outside the subnets `bogon` instead of `unknown-station`.
public struct ARPWatcher: Sendable {
    public let thresholds: ARPThresholds
    public let subnets: [IPv4Subnet]
    /// Counts of what was seen so far; kept when a read ends with an error.
    public internal(set) var statistics = ARPStatistics()

    /// Keyed by ``IPv4Address/rawValue``.
    var ips = StationTable(filler: IPState())
    /// Keyed by ``MACAddress/rawValue``: the MACs of the binding table.
    var macs = StationTable(filler: MACState())
    var storms = StormCounter()
    /// IPs not bound to a MAC that it claimed recently, oldest first, at most `maxIPsPerMAC + 1`
    /// per MAC so an address sweep cannot grow it; only MACs that claimed such IPs have an entry.
    var claims: [MACAddress: [ClaimedIP]] = [:]
    var owners: [IPv4Address: String] = [:]
    var lastReported = RepeatTable()
    var lastSweep: Double = -.infinity
    /// No sweep is due before this capture second: lets routine frames skip computing their time.
    var sweepCheckSecond = Int64.min

    /// - Parameters:
    ///   - bindings: the binding table; when an IP appears twice the first entry counts.
    ///   - subnets: the unit's subnets; empty disables `bogon`.
    public init(bindings: [AddressBinding], subnets: [IPv4Subnet] = [], thresholds: ARPThresholds = ARPThresholds()) {
        self.thresholds = thresholds
        self.subnets = subnets
        ips = StationTable(filler: IPState(), capacity: bindings.count + 1024)
        macs = StationTable(filler: MACState(), capacity: bindings.count + 1024)
        for binding in bindings {
            let known = ips.count
            _ = ips.slot(of: binding.ip.key, inserting: IPState(boundMAC: binding.mac, boundVLAN: binding.vlan))
            guard ips.count > known else { continue }
            macs[macs.slot(of: binding.mac.key, inserting: MACState())].registered = true
            if let owner = binding.owner { owners[binding.ip] = owner }
        }
    }

    /// Entries of per-station state: IP addresses bound or seen; MACs registered or seen claiming
    /// unbound addresses (storm counting uses a fixed 64 KiB besides).
    public var stationCount: (ips: Int, macs: Int) { (ips.count, macs.count + claims.count) }

    /// Judges one decoded frame: ARP is checked, malformed frames are reported, others counted.
    public mutating func observe(
        _ decoded: DecodedFrame, frame: Int, time: CaptureTimestamp, emit: (ARPEvent) -> Void
    ) {
        statistics.frames += 1
        switch decoded {
        case .arp(let packet):
            observe(packet, frame: frame, time: time, emit: emit)
        case .other:
            statistics.other += 1
        case .malformed(let reason, let source, let vlan):
            statistics.malformed += 1
            report(
                .malformed, ip: nil, mac: source, vlan: vlan, frame: frame, time: time.timeInterval,
                force: false, emit: emit, message: "frame \(frame) is not valid ARP: \(reason)")
        }
    }

    /// Judges one ARP packet.
    public mutating func observe(_ packet: ARPPacket, frame: Int, time: CaptureTimestamp, emit: (ARPEvent) -> Void) {
        statistics.arp += 1
        let now = time.timeInterval
        sweepIfDue(time)
        var context = Context(frame: frame, now: now, second: time.seconds)
        if packet.senderIP.isUnspecified {
            checkProbe(packet, &context, emit: emit)
        } else {
            checkClaim(packet, &context, emit: emit)
            checkMultipleIPs(packet, &context, emit: emit)
        }
        checkLinkLayer(packet, &context, emit: emit)
        checkStorm(packet, &context, emit: emit)
    }

    /// Reads `source` to its end (a file) or until `deadline` (live) and judges every frame with
    /// ``observe(_:emit:)``.
    ///
    /// Events are delivered as they arise, so when the read fails (a truncated file) every
    /// event before the failure has already been delivered; ``statistics`` stays readable.
    public mutating func watch(
        _ source: PacketSource, until deadline: ContinuousClock.Instant? = nil, emit: (ARPEvent) -> Void
    ) throws(CaptureError) {
        try source.readFramesAhead(until: deadline) { observe($0, emit: emit) }
    }
}

/// Counts kept by an ``ARPWatcher``.
public struct ARPStatistics: Sendable, Hashable, Codable {
    /// Frames judged through ``ARPWatcher/observe(_:frame:time:emit:)-(DecodedFrame,_,_,_)``.
    public var frames = 0
    public var arp = 0
    /// Frames that were not ARP.
    public var other = 0
    public var malformed = 0
    /// Events delivered (after rate limiting).
    public var events = 0
    /// Events withheld as repeats.
    public var suppressed = 0

    public init() {}
}

extension IPv4Address {
    /// The key of the station tables.
    var key: UInt64 { UInt64(rawValue) }
}

extension MACAddress {
    var key: UInt64 { rawValue }
}
