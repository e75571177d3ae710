import Foundation
import JifangCapture
import JifangModel

/// The capture side of binding enforcement: reads a capture, judges it against the register
/// with an ``ARPWatcher`` and, when learning, collects the IP–MAC pairs every ARP claim shows.
///
/// Without learning, a capture is judged by ``ARPWatcher/watch(_:until:emit:)`` (routine frames
/// on the fast path); with learning every ARP frame is decoded and also updates a pair table, which
/// costs one hash lookup per frame. Not thread-safe: run it on one task.
public struct BindingWatch {
    public private(set) var watcher: ARPWatcher
    public let learnPairs: Bool
    private var pairTable: [PairKey: PairStats] = [:]

    /// - Parameters:
    ///   - entries: the binding register.
    ///   - subnets: the unit's subnets, for `bogon`; empty disables it.
    ///   - learnPairs: collect the pairs seen, for `jifang bindings learn`.
    public init(
        entries: [BindingEntry], subnets: [IPv4Subnet] = [], thresholds: ARPThresholds = ARPThresholds(),
        learnPairs: Bool = false
    ) {
        watcher = ARPWatcher(bindings: entries.map(\.binding), subnets: subnets, thresholds: thresholds)
        self.learnPairs = learnPairs
    }

    public var statistics: ARPStatistics { watcher.statistics }

    /// The pairs claimed so far (sender IP 0.0.0.0 and non-unicast MACs left out), by IP.
    public var pairs: [ObservedPair] {
        pairTable.map { key, stats in
            ObservedPair(
                ip: IPv4Address(rawValue: key.ip), mac: MACAddress(rawValue: key.mac),
                vlan: stats.vlan == UInt16.max ? nil : stats.vlan,
                firstSeen: Date(timeIntervalSince1970: stats.first), lastSeen: Date(timeIntervalSince1970: stats.last),
                packets: stats.packets)
        }.sorted { ($0.ip, $0.mac) < ($1.ip, $1.mac) }
    }

    /// Reads `source` to its end (a file) or until `deadline` / ``PacketSource/stop()`` (live),
    /// delivering events in frame order as they arise.
    public mutating func run(
        _ source: PacketSource, until deadline: ContinuousClock.Instant? = nil, emit: (ARPEvent) -> Void
    ) throws(CaptureError) {
        guard learnPairs else {
            try watcher.watch(source, until: deadline, emit: emit)
            return
        }
        try source.readFramesAhead(until: deadline) { frame in
            let decoded = FrameDecoder.decode(frame.bytes, linkType: frame.linkType)
            if case .arp(let packet) = decoded, !packet.senderIP.isUnspecified, packet.senderMAC.isUnicast {
                let time = frame.timestamp.timeInterval
                let key = PairKey(ip: packet.senderIP.rawValue, mac: packet.senderMAC.rawValue)
                pairTable[key, default: PairStats(first: time, last: time, vlan: packet.vlan ?? .max)].add(time)
            }
            watcher.observe(decoded, frame: frame.number, time: frame.timestamp, emit: emit)
        }
    }

    private struct PairKey: Hashable {
        var ip: UInt32
        var mac: UInt64
    }

    private struct PairStats {
        var first: Double
        var last: Double
        var vlan: UInt16
        var packets = 0

        mutating func add(_ time: Double) {
            first = min(first, time)
            last = max(last, time)
            packets += 1
        }
    }
}
