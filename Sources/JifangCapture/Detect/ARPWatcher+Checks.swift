import JifangModel

extension ARPWatcher {
    /// Binding, unknown station, bogon and flip-flop checks for the sender pair of a claim.
    mutating func checkClaim(_ context: inout Context, emit: (ARPEvent) -> Void) {
        let packet = context.packet
        let ip = packet.senderIP
        let mac = packet.senderMAC
        let index = ips.index(forKey: ip)
        var state = index.map { ips.values[$0] } ?? IPState()
        var flipFlopFrom: MACAddress?
        if let last = state.mac, last != mac {
            context.changed = true
            if state.previousMAC == mac, context.now - state.changedAt <= thresholds.flipFlopWindow {
                flipFlopFrom = last
            }
            state.previousMAC = last
            state.changedAt = context.now
        }
        state.mac = mac
        if let index { ips.values[index] = state } else { ips[ip] = state }

        let force = context.changed
        let vlan = packet.vlan
        let frame = context.frame
        let now = context.now
        if let bound = state.boundMAC {
            let owner = owner(of: ip)
            if mac != bound {
                let gratuitous = packet.isGratuitous
                report(
                    gratuitous ? .gratuitousWrongMAC : .bindingViolation, ip: ip, mac: mac, boundMAC: bound,
                    vlan: vlan, frame: frame, time: now, force: force, emit: emit,
                    message: "\(ip)\(owner) is bound to \(bound) but \(mac) claims it"
                        + (gratuitous ? " in a gratuitous ARP" : ""))
            } else if let boundVLAN = state.boundVLAN, let vlan, vlan != boundVLAN {
                report(
                    .bindingViolation, ip: ip, mac: mac, boundMAC: bound, vlan: vlan, frame: frame, time: now,
                    force: force, emit: emit,
                    message: "\(ip)\(owner) is bound to VLAN \(boundVLAN) but appears on VLAN \(vlan)")
            }
        } else if !subnets.isEmpty, !subnets.contains(where: { $0.contains(ip) }) {
            let subnets = subnets
            report(
                .bogon, ip: ip, mac: mac, vlan: vlan, frame: frame, time: now, force: force, emit: emit,
                message: "\(mac) claims \(ip), outside the unit's subnets "
                    + subnets.map(\.description).joined(separator: ", "))
        } else {
            let registered = macs[mac]?.registered == true
            report(
                .unknownStation, ip: ip, mac: mac, vlan: vlan, frame: frame, time: now, force: force, emit: emit,
                message: "\(ip) is not in the binding table; claimed by "
                    + (registered ? "registered MAC \(mac)" : "\(mac), also unregistered"))
        }
        if let flipFlopFrom {
            let window = Int(thresholds.flipFlopWindow)
            report(
                .flipFlop, ip: ip, mac: mac, boundMAC: state.boundMAC, vlan: vlan, frame: frame, time: now,
                force: true, emit: emit,
                message: "\(ip) went back from \(flipFlopFrom) to \(mac) within \(window) s")
        }
    }

    /// A probe (sender IP 0.0.0.0) claims nothing; only an unregistered MAC is worth a report.
    mutating func checkProbe(_ context: inout Context, emit: (ARPEvent) -> Void) {
        let packet = context.packet
        guard macs[packet.senderMAC]?.registered != true else { return }
        report(
            .unknownStation, ip: packet.targetIP, mac: packet.senderMAC, vlan: packet.vlan, frame: context.frame,
            time: context.now, force: false, emit: emit,
            message: "unregistered \(packet.senderMAC) probes for \(packet.targetIP)")
    }

    /// Ethernet source against ARP sender, and requests sent to one station instead of broadcast.
    mutating func checkLinkLayer(_ context: inout Context, emit: (ARPEvent) -> Void) {
        let packet = context.packet
        if let source = packet.ethernetSource, source != packet.senderMAC {
            report(
                .ethernetARPMismatch, ip: packet.senderIP, mac: source, boundMAC: ips[packet.senderIP]?.boundMAC,
                vlan: packet.vlan, frame: context.frame, time: context.now, force: context.changed, emit: emit,
                message: "frame from \(source) carries ARP sender \(packet.senderMAC) for \(packet.senderIP)")
        }
        guard packet.operation == .request, packet.destination == .unicast, !isRefresh(packet) else { return }
        let destination = packet.ethernetDestination.map { " at \($0)" } ?? ""
        report(
            .unicastRequest, ip: packet.senderIP, mac: packet.senderMAC, boundMAC: ips[packet.senderIP]?.boundMAC,
            vlan: packet.vlan, frame: context.frame, time: context.now, force: context.changed, emit: emit,
            message: "\(packet.senderMAC) asks for \(packet.targetIP) by unicast\(destination) claiming "
                + "\(packet.senderIP)")
    }

    /// A bound sender asking a bound target at that target's own MAC: a cache refresh (RFC 1122).
    private func isRefresh(_ packet: ARPPacket) -> Bool {
        guard !thresholds.reportUnicastRefresh, let destination = packet.ethernetDestination,
            let sender = ips[packet.senderIP], sender.boundMAC == packet.senderMAC,
            let target = ips[packet.targetIP]
        else { return false }
        return target.boundMAC == destination
    }

    /// Packet rate per link-layer source, in one-second buckets of capture time.
    mutating func checkStorm(_ context: inout Context, emit: (ARPEvent) -> Void) {
        let packet = context.packet
        let source = packet.ethernetSource ?? packet.senderMAC
        let index = macs.index(forKey: source)
        var state = index.map { macs.values[$0] } ?? MACState()
        if state.stormSecond != context.second {
            state.stormSecond = context.second
            state.stormCount = 0
        }
        state.stormCount += 1
        let count = state.stormCount
        if let index { macs.values[index] = state } else { macs[source] = state }
        let limit = thresholds.stormPacketsPerSecond
        guard count == limit + 1 else { return }
        report(
            .storm, ip: packet.senderIP.isUnspecified ? nil : packet.senderIP, mac: source, vlan: packet.vlan,
            frame: context.frame, time: context.now, force: false, emit: emit,
            message: "\(source) sent more than \(limit) ARP packets within one second")
    }

    /// One MAC claiming many IP addresses that are not bound to it (a sweep or a spoofer).
    mutating func checkMultipleIPs(_ context: inout Context, emit: (ARPEvent) -> Void) {
        let packet = context.packet
        let ip = packet.senderIP
        let mac = packet.senderMAC
        guard ips[ip]?.boundMAC != mac else { return }
        let now = context.now
        let limit = thresholds.maxIPsPerMAC
        let index = macs.index(forKey: mac)
        var state = index.map { macs.values[$0] } ?? MACState()
        state.claimed.removeAll { now - $0.seen > thresholds.ipsPerMACWindow }
        if let known = state.claimed.firstIndex(where: { $0.ip == ip }) {
            state.claimed.remove(at: known)
        } else if state.claimed.count > limit {
            state.claimed.removeFirst()
        }
        state.claimed.append(ClaimedIP(ip: ip, seen: now))
        let count = state.claimed.count
        if let index { macs.values[index] = state } else { macs[mac] = state }
        guard count > limit else { return }
        let window = Int(thresholds.ipsPerMACWindow)
        report(
            .macMultipleIPs, ip: ip, mac: mac, vlan: packet.vlan, frame: context.frame, time: now,
            force: false, emit: emit,
            message: "\(mac) claimed \(count) IP addresses not bound to it within "
                + "\(window) s (limit \(limit)), latest \(ip)")
    }
}
