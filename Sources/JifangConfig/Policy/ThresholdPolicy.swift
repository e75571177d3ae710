import JifangModel

/// Levels at which a measured value raises an alert: at or above `warning`, at or above `critical`.
public struct ThresholdLevels: Sendable, Hashable {
    public var warning: Double?
    public var critical: Double?

    public init(warning: Double? = nil, critical: Double? = nil) {
        self.warning = warning
        self.critical = critical
    }

    /// The highest level `value` reaches, with that level's limit; `nil` below every level.
    public func crossed(by value: Double) -> (severity: AlertSeverity, limit: Double)? {
        if let critical, value >= critical { return (.critical, critical) }
        if let warning, value >= warning { return (.warning, warning) }
        return nil
    }
}

/// Which ports may raise interface-down alerts. Only ports an administrator enabled
/// (ifAdminStatus up) that are not operating count.
public struct InterfaceDownRule: Sendable, Hashable {
    /// When a port that is enabled but not operating raises an alert.
    public enum Trigger: String, Sendable, Hashable, CaseIterable {
        /// Only a port seen up at the previous poll (the alert then stays open until the port is
        /// up again). Ports that were never connected stay quiet: real switches have many
        /// enabled, unused ports, and an alert for each would drown the ones that matter.
        case wentDown = "went-down"
        /// Every enabled port that is down, at every poll.
        case always
    }

    public var severity: AlertSeverity
    public var when: Trigger
    /// Name patterns (`*` matches any run of characters) tested against ifName, ifDescr and
    /// ifAlias; empty means every port.
    public var names: [String]
    /// IANAifType numbers (6 = ethernetCsmacd); empty means every type.
    public var types: [Int]

    public init(severity: AlertSeverity, when: Trigger = .wentDown, names: [String] = [], types: [Int] = []) {
        self.severity = severity
        self.when = when
        self.names = names
        self.types = types
    }
}

/// Policies/thresholds.yaml: when a poll result becomes an alert. A section left out of the file
/// means that alert is not raised.
public struct ThresholdPolicy: Sendable, Hashable {
    /// CPU load, percent.
    public var cpu: ThresholdLevels?
    /// Memory in use, percent.
    public var memory: ThresholdLevels?
    /// Any temperature sensor, °C.
    public var temperature: ThresholdLevels?
    /// Severity when a UPS runs on battery.
    public var upsOnBattery: AlertSeverity?
    /// Raised when the charge falls below `percent`, or the UPS reports its battery low or depleted.
    public var upsBatteryLow: (percent: Double, severity: AlertSeverity)?
    public var interfaceDown: InterfaceDownRule?
    /// Raised once this many polls in a row have failed.
    public var unreachable: (failures: Int, severity: AlertSeverity)?
    /// Severity when the uptime went backwards between two polls.
    public var reboot: AlertSeverity?

    public init(
        cpu: ThresholdLevels? = nil, memory: ThresholdLevels? = nil, temperature: ThresholdLevels? = nil,
        upsOnBattery: AlertSeverity? = nil, upsBatteryLow: (percent: Double, severity: AlertSeverity)? = nil,
        interfaceDown: InterfaceDownRule? = nil, unreachable: (failures: Int, severity: AlertSeverity)? = nil,
        reboot: AlertSeverity? = nil
    ) {
        self.cpu = cpu
        self.memory = memory
        self.temperature = temperature
        self.upsOnBattery = upsOnBattery
        self.upsBatteryLow = upsBatteryLow
        self.interfaceDown = interfaceDown
        self.unreachable = unreachable
        self.reboot = reboot
    }

    public static func == (lhs: ThresholdPolicy, rhs: ThresholdPolicy) -> Bool {
        lhs.cpu == rhs.cpu && lhs.memory == rhs.memory && lhs.temperature == rhs.temperature
            && lhs.upsOnBattery == rhs.upsOnBattery && lhs.upsBatteryLow?.percent == rhs.upsBatteryLow?.percent
            && lhs.upsBatteryLow?.severity == rhs.upsBatteryLow?.severity && lhs.interfaceDown == rhs.interfaceDown
            && lhs.unreachable?.failures == rhs.unreachable?.failures
            && lhs.unreachable?.severity == rhs.unreachable?.severity && lhs.reboot == rhs.reboot
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cpu)
        hasher.combine(memory)
        hasher.combine(temperature)
        hasher.combine(upsOnBattery)
        hasher.combine(upsBatteryLow?.percent)
        hasher.combine(interfaceDown)
        hasher.combine(unreachable?.failures)
        hasher.combine(reboot)
    }
}
