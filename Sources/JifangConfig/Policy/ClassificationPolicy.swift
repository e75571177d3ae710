import JifangModel

/// Facts about a device, other than SNMPv2-MIB and ENTITY-MIB values, that classification rules
/// may test. The collector sets a hint when the device answered the MIB it names.
public enum ClassificationHint: String, Sendable, Hashable, Codable, CaseIterable {
    /// RFC 1628 UPS-MIB answered (for example `upsIdentManufacturer.0`).
    case upsMIB = "ups-mib"
    /// HOST-RESOURCES-MIB answered (for example `hrSystemUptime.0`).
    case hostResourcesMIB = "host-resources-mib"
}

/// Where an identity field is read from: a system-group value or a field of the chassis entity.
///
/// The chassis is the first ENTITY-MIB row of class `chassis` (a top-level one preferred) whose
/// field is not empty.
public enum IdentitySource: String, Sendable, Hashable, Codable, CaseIterable {
    case sysDescr
    case sysObjectID
    case sysName
    case chassisModel = "chassis.model"
    case chassisDescr = "chassis.descr"
    case chassisName = "chassis.name"
    case chassisSoftwareRev = "chassis.softwareRev"
    case chassisFirmwareRev = "chassis.firmwareRev"
    case chassisHardwareRev = "chassis.hardwareRev"
    case chassisSerial = "chassis.serial"
    case chassisManufacturer = "chassis.manufacturer"
}

/// How to read one identity field: a source, optionally narrowed by a pattern's first capture group.
public struct Extraction: Sendable, Hashable {
    public var source: IdentitySource
    /// Applied to the source text; its first capture group is the value. `nil` takes the text whole.
    public var pattern: TextPattern?

    public init(source: IdentitySource, pattern: TextPattern? = nil) {
        self.source = source
        self.pattern = pattern
    }
}

/// Ways to find model, OS version and serial, tried in order; the first non-empty value wins.
public struct IdentityExtractions: Sendable, Hashable {
    public var model: [Extraction]
    public var osVersion: [Extraction]
    public var serial: [Extraction]

    public init(model: [Extraction] = [], osVersion: [Extraction] = [], serial: [Extraction] = []) {
        self.model = model
        self.osVersion = osVersion
        self.serial = serial
    }
}

/// The conditions of a rule. Every condition given must hold; within one condition, any of its
/// alternatives may. A rule has at least one condition.
public struct ClassificationMatch: Sendable, Hashable {
    /// sysObjectID equals one of these or lies below it (whole arcs: `1.3.6.1.4.1.9` does not cover `…1.90`).
    public var sysObjectIDPrefixes: [String]
    public var sysDescr: [TextPattern]
    /// Matched against the model, description and name of every chassis entity.
    public var chassis: [TextPattern]
    public var hints: [ClassificationHint]

    public init(
        sysObjectIDPrefixes: [String] = [], sysDescr: [TextPattern] = [], chassis: [TextPattern] = [],
        hints: [ClassificationHint] = []
    ) {
        self.sysObjectIDPrefixes = sysObjectIDPrefixes
        self.sysDescr = sysDescr
        self.chassis = chassis
        self.hints = hints
    }
}

/// One rule of Policies/classification.yaml: when it matches, the device is `kind` made by `vendor`.
public struct ClassificationRule: Sendable, Hashable {
    /// Unique name, recorded as ``DeviceIdentity/matchedRule``.
    public var name: String
    public var kind: DeviceKind
    public var vendor: String?
    public var match: ClassificationMatch
    /// Tried before the policy's defaults.
    public var extract: IdentityExtractions

    public init(
        name: String, kind: DeviceKind, vendor: String?, match: ClassificationMatch,
        extract: IdentityExtractions = IdentityExtractions()
    ) {
        self.name = name
        self.kind = kind
        self.vendor = vendor
        self.match = match
        self.extract = extract
    }
}

/// The ordered classification rules; the first rule that matches decides.
public struct ClassificationPolicy: Sendable, Hashable {
    public var rules: [ClassificationRule]
    /// Extractions used after a rule's own, and for devices no rule matches.
    public var defaults: IdentityExtractions

    public init(rules: [ClassificationRule], defaults: IdentityExtractions = IdentityExtractions()) {
        self.rules = rules
        self.defaults = defaults
    }
}
