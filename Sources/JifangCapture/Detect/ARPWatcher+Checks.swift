import JifangModel

extension ARPWatcher {
    /// Binding, unknown station, bogon and flip-flop checks for the sender pair of a claim.
    mutating func checkClaim(_ packet: ARPPacket, _ context: inout Context, emit: (ARPEvent) -> Void) {
        let ip = packet.senderIP
        let mac = packet.senderMAC
        let slot = ips.slot(of: ip.key, inserting: IPState())
        var state = ips[slot]
        var flipFlopFrom: MACAddress?
        if state.macValue != mac.rawValue, state.macValue != IPState.none {
            context.changed = true
            if state.previousMACValue == mac.rawValue, context.now - state.changedAt <= thresholds.flipFlopWindow {
                flipFlopFrom = MACAddress(rawValue: state.macValue)
            }
            state.previousMACValue = state.macValue
            state.changedAt = context.now
        }
        state.macValue = mac.rawValue
        ips[slot] = state
        context.boundMAC = state.boundMAC

        let force = context.changed
        let vlan = packet.vlan
        let frame = context.frame
        let now = context.now
        if let bound = state.boundMAC {
            // Looked up only for a message that is delivered, from a copy: `report` mutates self.
            let owners = owners
            if mac != bound {
                let gratuitous = packet.isGratuitous
                report(
                    gratuitous ? .gratuitousWrongMAC : .bindingViolation, ip: ip, mac: mac, boundMAC: bound,
                    vlan: vlan, frame: frame, time: now, force: force, emit: emit,
                    message:
                        "\(ip)\(Self.owner(of: ip, in: owners)) is bound to \(bound) but \(mac) claims it\(gratuitous ? " in a gratuitous ARP" : "")"
                )
            } else if let boundVLAN = state.boundVLAN, let vlan, vlan != boundVLAN {
                report(
                    .bindingViolation, ip: ip, mac: mac, boundMAC: bound, vlan: vlan, frame: frame, time: now,
                    force: force, emit: emit,
                    message:
                        "\(ip)\(Self.owner(of: ip, in: owners)) is bound to VLAN \(boundVLAN) but appears on VLAN \(vlan)"
                )
            }
        } else if !subnets.isEmpty, !subnets.contains(where: { $0.contains(ip) }) {
            let subnets = subnets
            report(
                .bogon, ip: ip, mac: mac, vlan: vlan, frame: frame, time: now, force: force, emit: emit,
                message:
                    "\(mac) claims \(ip), outside the unit's subnets \(subnets.map(\.description).joined(separator: ", "))"
            )
        } else {
            let registered = macs[mac.key]?.registered == true
            report(
                .unknownStation, ip: ip, mac: mac, vlan: vlan, frame: frame, time: now, force: force, emit: emit,
                message:
                    "\(ip) is not in the binding table; claimed by \(registered ? "registered MAC " : "")\(mac)\(registered ? "" : ", also unregistered")"
            )
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
    mutating func checkProbe(_ packet: ARPPacket, _ context: inout Context, emit: (ARPEvent) -> Void) {
        guard macs[packet.senderMAC.key]?.registered != true else { return }
        report(
            .unknownStation, ip: packet.targetIP, mac: packet.senderMAC, vlan: packet.vlan, frame: context.frame,
            time: context.now, force: false, emit: emit,
            message: "unregistered \(packet.senderMAC) probes for \(packet.targetIP)")
    }

    /// Ethernet source against ARP sender, and requests sent to one station instead of broadcast.
    mutating func checkLinkLayer(_ packet: ARPPacket, _ context: inout Context, emit: (ARPEvent) -> Void) {
        if let source = packet.ethernetSource, source != packet.senderMAC {
            report(
                .ethernetARPMismatch, ip: packet.senderIP, mac: source, boundMAC: ips[packet.senderIP.key]?.boundMAC,
                vlan: packet.vlan, frame: context.frame, time: context.now, force: context.changed, emit: emit,
                message: "frame from \(source) carries ARP sender \(packet.senderMAC) for \(packet.senderIP)")
        }
        guard packet.operation == .request, packet.destination == .unicast, !isRefresh(packet) else { return }
        report(
            .unicastRequest, ip: packet.senderIP, mac: packet.senderMAC, boundMAC: ips[packet.senderIP.key]?.boundMAC,
            vlan: packet.vlan, frame: context.frame, time: context.now, force: context.changed, emit: emit,
            message:
                "\(packet.senderMAC) asks for \(packet.targetIP) by unicast\(packet.ethernetDestination.map { " at \($0)" } ?? "") claiming \(packet.senderIP)"
        )
    }

    /// A bound sender asking a bound target at that target's own MAC: a cache refresh (RFC 1122).
    private func isRefresh(_ packet: ARPPacket) -> Bool {
        guard !thresholds.reportUnicastRefresh, let destination = packet.ethernetDestination,
            let sender = ips[packet.senderIP.key], sender.boundMAC == packet.senderMAC,
            let target = ips[packet.targetIP.key]
        else { return false }
        return target.boundMAC == destination
    }

    /// Packet rate per link-layer source, in one-second intervals of capture time.
    mutating func checkStorm(_ packet: ARPPacket, _ context: inout Context, emit: (ARPEvent) -> Void) {
        let source = packet.ethernetSource ?? packet.senderMAC
        guard storms.count(source, second: context.second) == thresholds.stormPacketsPerSecond + 1 else { return }
        reportStorm(
            source: source, ip: packet.senderIP.isUnspecified ? nil : packet.senderIP, vlan: packet.vlan,
            frame: context.frame, now: context.now, emit: emit)
    }

    /// Reports the packet that took `source` over the storm limit.
    mutating func reportStorm(
        source: MACAddress, ip: IPv4Address?, vlan: UInt16?, frame: Int, now: Double, emit: (ARPEvent) -> Void
    ) {
        let limit = thresholds.stormPacketsPerSecond
        report(
            .storm, ip: ip, mac: source, vlan: vlan, frame: frame, time: now, force: false, emit: emit,
            message: "\(source) sent more than \(limit) ARP packets within one second")
    }

    /// One MAC claiming many IP addresses that are not bound to it (a sweep or a spoofer).
    mutating func checkMultipleIPs(_ packet: ARPPacket, _ context: inout Context, emit: (ARPEvent) -> Void) {
        let ip = packet.senderIP
        let mac = packet.senderMAC
        guard context.boundMAC != mac else { return }
        let now = context.now
        let limit = thresholds.maxIPsPerMAC
        let window = thresholds.ipsPerMACWindow
        let count = Self.remember(ip, at: now, in: &claims[mac, default: []], limit: limit, window: window)
        guard count > limit else { return }
        report(
            .macMultipleIPs, ip: ip, mac: mac, vlan: packet.vlan, frame: context.frame, time: now,
            force: false, emit: emit,
            message:
                "\(mac) claimed \(count) IP addresses not bound to it within \(Int(window)) s (limit \(limit)), latest \(ip)"
        )
    }

    /// Adds or refreshes `ip` in a MAC's recent claims, dropping old ones; returns how many remain.
    private static func remember(
        _ ip: IPv4Address, at now: Double, in claimed: inout [ClaimedIP], limit: Int, window: Double
    ) -> Int {
        claimed.removeAll { now - $0.seen > window }
        if let known = claimed.firstIndex(where: { $0.ip == ip }) {
            claimed.remove(at: known)
        } else if claimed.count > limit {
            claimed.removeFirst()
        }
        claimed.append(ClaimedIP(ip: ip, seen: now))
        return claimed.count
    }
}
