import Foundation
import JifangCapture
import JifangCompliance
import JifangModel
import JifangTesting

/// `jifang-bench arp [--frames N] [--stations N] [--spoofing PERCENT] [--runs N] [--file PATH]`:
/// ARP capture throughput.
///
/// Writes a pcap of N ARP frames (default 1,000,000) among the given number of bound stations
/// (default 5,000) with spoofing mixed in (default 1 % spoofed replies, each a binding violation
/// and later a flip-flop, plus a tenth as many gratuitous ARP from wrong MACs and unknown stations,
/// bogons, Ethernet/ARP mismatches and one storm), then reads it with a
/// bare libpcap loop (`pcap_next_ex`, no decoding) and with the decode + detect pipeline, and
/// prints packets per second of thread CPU time for both (best of `runs`). Build with `-c release`. With `--file`
/// the capture is kept at PATH (and reused when it exists) for comparisons with other tools.
enum ArpBenchmark {
    static func run(_ arguments: [String]) throws {
        let generate = option("--frames", in: arguments) ?? 1_000_000
        let stations = option("--stations", in: arguments) ?? 5_000
        let runs = option("--runs", in: arguments) ?? 5
        let spoofing = spoofing(in: arguments)
        let kept = arguments.firstIndex(of: "--file").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        let path =
            kept
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("jifang-arp-bench-\(getpid()).pcap").path
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: path) } }

        let bindings = (0..<stations).map { AddressBinding(ip: address(of: $0), mac: hardware(of: $0)) }
        let reused = kept != nil && FileManager.default.fileExists(atPath: path)
        if !reused {
            let generated = ContinuousClock.now
            try write(frames: generate, stations: stations, spoofing: spoofing, to: path)
            print("arp: capture written in \(String(format: "%.1f", seconds(since: generated))) s")
        }
        let frames = try frameCount(path)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let content = reused ? "reused as it is" : "\(spoofing) % spoofed"
        print("arp: \(frames) frames (\(content)), \(stations) stations, \(size / 1_000_000) MB at \(path)")

        var bare = 0.0
        var pipeline = 0.0
        var summary = ""
        for _ in 0..<runs {
            let bareStart = cpuSeconds()
            let bytes = try bareLoop(path)
            bare = max(bare, Double(frames) / (cpuSeconds() - bareStart))

            let pipelineStart = cpuSeconds()
            var watcher = ARPWatcher(bindings: bindings, subnets: [IPv4Subnet("10.0.0.0/16")!])
            var counts: [ARPEventType: Int] = [:]
            try watcher.watch(try PacketSource(file: path)) { counts[$0.type, default: 0] += 1 }
            pipeline = max(pipeline, Double(frames) / (cpuSeconds() - pipelineStart))
            precondition(watcher.statistics.arp == frames && bytes > 0)
            summary =
                counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
                .joined(separator: ", ")
                + " (\(watcher.statistics.suppressed) repeats suppressed, \(watcher.stationCount.ips) IPs, "
                + "\(watcher.stationCount.macs) MACs tracked)"
        }
        print("arp: events: \(summary)")
        print("arp: bare libpcap read loop   \(rate(bare)) pkts/s")
        let share = Int((pipeline / bare * 100).rounded())
        print("arp: decode + detect pipeline \(rate(pipeline)) pkts/s (\(share) % of bare)")
    }

    static func address(of station: Int) -> IPv4Address { IPv4Address(rawValue: 0x0A00_0001 + UInt32(station)) }
    static func hardware(of station: Int) -> MACAddress { MACAddress(rawValue: 0x0200_0000_0001 + UInt64(station)) }

    /// Writes the capture with plain pcap records: faster than any generator for a million frames.
    static func write(frames: Int, stations: Int, spoofing: Double, to path: String) throws {
        var file = PcapFileBuilder(reserving: 24 + frames * 58)
        var random = SplitMix64(seed: 34_109)
        let attacker = MACAddress(rawValue: 0x0266_6666_6666)
        let start: UInt64 = 1_700_000_000_000_000  // microseconds
        for index in 0..<frames {
            let time = start + UInt64(index) * 1_000  // 1,000 frames a second
            let station = Int(random.next() % UInt64(stations))
            let target = address(of: Int(random.next() % UInt64(stations)))
            var senderMAC = hardware(of: station)
            var senderIP = address(of: station)
            var targetIP = target
            var source = senderMAC
            var destination = MACAddress.broadcast
            var operation: UInt16 = 1
            // Per 100,000 frames at `spoofing` = 1 %: 1,000 spoofed replies, 100 gratuitous from the
            // wrong MAC, 100 unregistered stations, 50 bogons, 50 Ethernet/ARP mismatches.
            switch (random.next() % 100_000) * 100 / UInt64(spoofing * 100) {
            case 0..<1_000:  // spoofed reply for a bound address
                senderMAC = attacker
                source = attacker
                operation = 2
                destination = hardware(of: 0)
            case 1_000..<1_100:  // gratuitous ARP from the wrong MAC
                senderMAC = attacker
                source = attacker
                targetIP = senderIP
            case 1_100..<1_200:  // an unregistered station
                senderMAC = MACAddress(rawValue: 0x0277_0000_0000 + random.next() % 500)
                source = senderMAC
                senderIP = IPv4Address(rawValue: 0x0A00_C800 + UInt32(random.next() % 200))
            case 1_200..<1_250:  // bogon
                senderIP = IPv4Address(rawValue: 0xC0A8_0100 + UInt32(random.next() % 200))
            case 1_250..<1_300:  // Ethernet source differs from the ARP sender
                source = attacker
            default:
                if random.next() % 2 == 0 {
                    operation = 2
                    destination = hardware(of: Int(random.next() % UInt64(stations)))
                }
            }
            if index >= frames / 2 && index < frames / 2 + 200 {  // a storm: 200 frames from one source
                source = attacker
                senderMAC = attacker
            }
            file.appendFrame(seconds: UInt32(time / 1_000_000), microseconds: UInt32(time % 1_000_000)) { out in
                out.append(mac: destination)
                out.append(mac: source)
                out.append(be16: 0x0806)
                out.append(be16: 1)
                out.append(be16: 0x0800)
                out.append(contentsOf: [6, 4])
                out.append(be16: operation)
                out.append(mac: senderMAC)
                out.append(be32: senderIP.rawValue)
                out.append(mac: operation == 2 ? destination : .zero)
                out.append(be32: targetIP.rawValue)
            }
        }
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))
    }

    static func option(_ name: String, in arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1].replacingOccurrences(of: "_", with: ""))
    }

    /// The bare libpcap read loop: every frame fetched, nothing decoded; returns the bytes read.
    static func bareLoop(_ path: String) throws -> Int {
        var bytes = 0
        try PacketSource(file: path).readFrames { bytes &+= $0.bytes.count }
        return bytes
    }

    /// The frames a capture holds, which rates are computed from (a reused capture need not hold
    /// `--frames`); counted in a pass of its own, so the timed bare loops stay bare.
    static func frameCount(_ path: String) throws -> Int {
        var frames = 0
        try PacketSource(file: path).readFrames { _ in frames += 1 }
        return frames
    }

    /// `--spoofing PERCENT` (default 1): the share of spoofed replies; the generator's grain is 0.01 %.
    static func spoofing(in arguments: [String]) -> Double {
        guard let index = arguments.firstIndex(of: "--spoofing"), index + 1 < arguments.count,
            let percent = Double(arguments[index + 1])
        else { return 1 }
        return min(max(percent, 0.01), 100)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Processor time of this thread: other work on a shared machine does not count against a run.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func rate(_ value: Double) -> String {
        String(format: "%12.0f", value)
    }
}

extension [UInt8] {
    fileprivate mutating func append(be16 value: UInt16) {
        append(contentsOf: [UInt8(value >> 8), UInt8(value & 0xFF)])
    }
    fileprivate mutating func append(be32 value: UInt32) {
        append(be16: UInt16(value >> 16))
        append(be16: UInt16(value & 0xFFFF))
    }
    fileprivate mutating func append(mac: MACAddress) { append(contentsOf: mac.octets) }
}
