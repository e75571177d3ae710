import JifangModel

/// Bits per second from two polls' octet counters.
///
/// A counter that went down is a 32-bit wrap when the interface counts with 32 bits and the
/// wrapped difference fits the interface's speed; otherwise it was reset (device reboot, counter
/// clear) and the rate is `nil`. A reboot (uptime went down) makes every rate `nil`.
public enum InterfaceRates {
    /// `current` with `inBitsPerSecond`/`outBitsPerSecond` filled where `previous` has the same
    /// `ifIndex`, `elapsed` seconds earlier. `counter32` lists the `ifIndex` values of `current` that
    /// use 32-bit counters.
    public static func apply(
        to current: [InterfaceStatus], counter32: Set<Int>, previous: [InterfaceStatus], elapsed: Double,
        rebooted: Bool = false
    ) -> [InterfaceStatus] {
        guard elapsed > 0, !rebooted else { return current }
        let before = Dictionary(previous.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        return current.map { interface in
            guard let old = before[interface.index] else { return interface }
            var updated = interface
            let wraps = counter32.contains(interface.index)
            updated.inBitsPerSecond = rate(
                old: old.inOctets, new: interface.inOctets, elapsed: elapsed, wraps: wraps, speed: interface.speedBps)
            updated.outBitsPerSecond = rate(
                old: old.outOctets, new: interface.outOctets, elapsed: elapsed, wraps: wraps, speed: interface.speedBps)
            return updated
        }
    }

    /// Bits per second between two counter readings, or `nil` after a reset.
    public static func rate(old: UInt64?, new: UInt64?, elapsed: Double, wraps: Bool, speed: UInt64?) -> Double? {
        guard let old, let new, elapsed > 0 else { return nil }
        if new >= old { return Double(new - old) * 8 / elapsed }
        guard wraps, old <= UInt64(UInt32.max) else { return nil }
        let delta = (UInt64(UInt32.max) - old) + new + 1
        let bps = Double(delta) * 8 / elapsed
        if let speed, speed > 0, bps > Double(speed) { return nil }
        return bps
    }
}
