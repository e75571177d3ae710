import JifangModel

/// Time-series samples from one poll.
public enum HealthObservations {
    /// Observations for `health`: `cpu.percent`, `memory.percent`, `uptime.seconds`; per interface
    /// (instance = name) `if.inBps`, `if.outBps`, `if.operUp`; per storage `storage.usedPercent`;
    /// per sensor (instance = description) `sensor.<class>`; `ups.chargePercent`,
    /// `ups.runtimeMinutes`, `ups.loadPercent`, `ups.onBattery`; `fw.sessions`, `fw.vpnTunnels`.
    /// Values the device did not report produce no sample.
    public static func make(from health: DeviceHealth) -> [Observation] {
        var samples: [Observation] = []
        func add(_ metric: String, _ value: Double?, _ instance: String = "") {
            guard let value, value.isFinite else { return }
            samples.append(
                Observation(
                    device: health.device.name, metric: metric, instance: instance, time: health.polledAt, value: value)
            )
        }
        guard health.reachable else { return [] }
        add("cpu.percent", health.cpuPercent)
        add("memory.percent", health.memoryPercent)
        add("uptime.seconds", health.system.uptimeSeconds)
        for interface in health.interfaces {
            add("if.inBps", interface.inBitsPerSecond, interface.name)
            add("if.outBps", interface.outBitsPerSecond, interface.name)
            if interface.operStatus != .unknown {
                add("if.operUp", interface.operStatus == .up ? 1 : 0, interface.name)
            }
        }
        for storage in health.storage where storage.sizeBytes > 0 {
            add("storage.usedPercent", Double(storage.usedBytes) / Double(storage.sizeBytes) * 100, storage.description)
        }
        for sensor in health.sensors {
            add("sensor.\(sensor.class.rawValue)", sensor.value, sensor.description)
        }
        if let ups = health.ups {
            add("ups.chargePercent", ups.batteryChargePercent)
            add("ups.runtimeMinutes", ups.runtimeMinutes)
            add("ups.loadPercent", ups.loadPercent)
            add("ups.onBattery", ups.outputSource.map { $0 == .battery ? 1 : 0 })
        }
        if let firewall = health.firewall {
            add("fw.sessions", firewall.sessions.map(Double.init))
            add("fw.vpnTunnels", firewall.vpnTunnels.map(Double.init))
        }
        return samples
    }
}
