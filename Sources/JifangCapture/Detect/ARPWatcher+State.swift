import JifangModel

import struct Foundation.Date

extension ARPWatcher {
    /// What is known about one IP address: its binding and the MACs that claimed it last.
    ///
    /// MACs as raw numbers, ``none`` for absent. Routine packets read only its ``summary``.
    struct IPState: StationState {
        static let none = UInt64.max
        static let noVLAN = UInt16.max

        var boundMACValue = none
        var boundVLANValue = noVLAN
        /// The MAC of the last claim.
        var macValue = none
        /// The MAC before the last change, for flip-flop detection.
        var previousMACValue = none
        var changedAt: Double = -.infinity

        init() {}

        init(boundMAC: MACAddress, boundVLAN: UInt16?) {
            boundMACValue = boundMAC.rawValue
            boundVLANValue = boundVLAN ?? Self.noVLAN
        }

        var boundMAC: MACAddress? { boundMACValue == Self.none ? nil : MACAddress(rawValue: boundMACValue) }
        var boundVLAN: UInt16? { boundVLANValue == Self.noVLAN ? nil : boundVLANValue }

        /// The bound MAC when it also made the last claim (else bit 63 set), with the bound
        /// VLAN in bits 48–59 and bit 60 set when there is one: all a routine packet compares.
        var summary: UInt64 {
            let routine = boundMACValue != Self.none && macValue == boundMACValue ? boundMACValue : 1 << 63
            let vlan = boundVLANValue == Self.noVLAN ? 0 : 1 << 60 | UInt64(boundVLANValue & 0x0FFF) << 48
            return routine | vlan
        }
    }

    /// What is known about one MAC address.
    struct MACState: StationState {
        var registered = false

        var summary: UInt64 { registered ? 1 : 0 }
    }

    struct ClaimedIP: Sendable {
        var ip: IPv4Address
        var seen: Double
    }

    /// The frame being judged and what earlier checks learned about it.
    struct Context {
        let frame: Int
        let now: Double
        let second: Int64
        /// The sender IP's MAC changed with this frame; its events are never suppressed.
        var changed = false
        /// The sender IP's bound MAC, once ``ARPWatcher/checkClaim(_:_:emit:)`` looked it up.
        var boundMAC: MACAddress?
    }

    /// Reports an event unless the same one was reported within the repeat window.
    ///
    /// `message` is built only for events that are delivered.
    mutating func report(
        _ type: ARPEventType, ip: IPv4Address?, mac: MACAddress?, boundMAC: MACAddress? = nil, vlan: UInt16?,
        frame: Int, time: Double, force: Bool, emit: (ARPEvent) -> Void, message: @autoclosure () -> EventMessage
    ) {
        let window = thresholds.repeatWindow
        let recorded = lastReported.record(type, ip: ip?.rawValue ?? 0, mac: mac?.rawValue ?? 0, at: time) { last in
            !force && time - last < window && time >= last
        }
        guard recorded else {
            statistics.suppressed += 1
            return
        }
        statistics.events += 1
        emit(
            ARPEvent(
                time: Date(timeIntervalSince1970: time), type: type, ip: ip,
                mac: mac, boundMAC: boundMAC, vlan: vlan, frame: frame, message: message().text))
    }

    /// Sweeps when a repeat window has passed since the last sweep.
    ///
    /// The frame's time as a Double costs a division; it is computed only when a sweep may be
    /// due (`now` is at least the whole second), which a routine frame seldom meets.
    @inline(__always) mutating func sweepIfDue(_ time: CaptureTimestamp) {
        guard time.seconds >= sweepCheckSecond else { return }
        let now = time.timeInterval
        if now - lastSweep >= thresholds.repeatWindow { sweep(now: now) }
    }

    /// Forgets reported events older than the repeat window, so the table follows live stations.
    mutating func sweep(now: Double) {
        let window = thresholds.repeatWindow
        lastReported.removeAll { now - $0 >= window }
        lastSweep = now
        let due = (now + window).rounded(.down)
        sweepCheckSecond = due < 9.2e18 ? Int64(due) : .max
    }

    /// `who` in messages: the owner of a bound IP when the table names one.
    static func owner(of ip: IPv4Address, in owners: [IPv4Address: String]) -> String {
        owners[ip].map { " (\($0))" } ?? ""
    }
}
