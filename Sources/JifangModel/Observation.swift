import struct Foundation.Date

/// One numeric sample of a time series: a metric of a device, optionally of a part of it.
///
/// Metric names are dotted (`cpu.percent`, `if.inBps`, `ups.chargePercent`); `instance` names
/// the interface, sensor or storage the sample belongs to, or is empty.
public struct Observation: Sendable, Hashable, Codable {
    public var device: String
    public var metric: String
    public var instance: String
    public var time: Date
    public var value: Double

    public init(device: String, metric: String, instance: String = "", time: Date, value: Double) {
        self.device = device
        self.metric = metric
        self.instance = instance
        self.time = time
        self.value = value
    }
}
