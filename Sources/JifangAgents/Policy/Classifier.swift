import Foundation
import JifangConfig
import JifangModel

/// The outcome of classifying one device: its identity and why.
public struct Classification: Sendable, Hashable {
    public var identity: DeviceIdentity
    /// A sentence naming the rule and what matched, or saying that nothing did.
    public var explanation: String
}

/// Decides a device's kind, vendor, model, OS version and serial from Policies/classification.yaml.
///
/// One engine over the rules: the first rule whose conditions all hold decides kind and vendor;
/// model, OS version and serial come from the rule's extractions, then the policy's defaults.
/// When no rule matches, the kind is `other`, the vendor `nil`, `matchedRule` `nil`, and the
/// explanation says so. Pure and thread-safe.
public struct Classifier: Sendable {
    public let policy: ClassificationPolicy

    public init(policy: ClassificationPolicy) {
        self.policy = policy
    }

    /// Classifies what a device reported.
    ///
    /// - Parameters:
    ///   - hints: MIBs the device answered beyond SNMPv2-MIB and ENTITY-MIB (see ``ClassificationHint``).
    ///   - declaredKind: the inventory's `kind:`; when set it wins over the rule's kind.
    public func classify(
        _ system: SystemInfo, hints: Set<ClassificationHint> = [], declaredKind: DeviceKind? = nil
    ) -> Classification {
        let view = SystemView(system)
        var identity = DeviceIdentity()
        var explanation: String
        if let (rule, reasons) = firstMatch(view, hints: hints) {
            identity.kind = rule.kind
            identity.vendor = rule.vendor
            identity.matchedRule = rule.name
            identity.model = view.extract(rule.extract.model + policy.defaults.model)
            identity.osVersion = view.extract(rule.extract.osVersion + policy.defaults.osVersion)
            identity.serial = view.extract(rule.extract.serial + policy.defaults.serial)
            explanation = "rule \(rule.name): " + reasons.joined(separator: ", ")
        } else {
            identity.model = view.extract(policy.defaults.model)
            identity.osVersion = view.extract(policy.defaults.osVersion)
            identity.serial = view.extract(policy.defaults.serial)
            let oid = system.sysObjectID.map { "sysObjectID \($0)" } ?? "no sysObjectID"
            let descr = system.sysDescr.map { "sysDescr \"\(Self.shortened($0))\"" } ?? "no sysDescr"
            explanation = "no classification rule matched (\(oid), \(descr)); classified as other"
        }
        if let declaredKind, declaredKind != identity.kind {
            explanation += "; the inventory declares it a \(declaredKind.rawValue)"
            identity.kind = declaredKind
        }
        return Classification(identity: identity, explanation: explanation)
    }

    private func firstMatch(_ view: SystemView, hints: Set<ClassificationHint>) -> (ClassificationRule, [String])? {
        for rule in policy.rules {
            if let reasons = Self.reasons(rule.match, view, hints) { return (rule, reasons) }
        }
        return nil
    }

    /// What matched, one phrase per condition, or `nil` if any condition fails.
    private static func reasons(_ match: ClassificationMatch, _ view: SystemView, _ hints: Set<ClassificationHint>)
        -> [String]?
    {
        var reasons: [String] = []
        if !match.sysObjectIDPrefixes.isEmpty {
            guard let oid = view.sysObjectID,
                let prefix = match.sysObjectIDPrefixes.first(where: { oid == $0 || oid.hasPrefix($0 + ".") })
            else { return nil }
            reasons.append("sysObjectID \(oid) is under \(prefix)")
        }
        if !match.sysDescr.isEmpty {
            guard let descr = view.system.sysDescr, let pattern = match.sysDescr.first(where: { $0.matches(descr) })
            else { return nil }
            reasons.append("sysDescr matches '\(pattern)'")
        }
        if !match.chassis.isEmpty {
            let texts = view.chassis.flatMap { [$0.model, $0.descr, $0.name].compactMap { $0 } }
            guard let pattern = match.chassis.first(where: { p in texts.contains(where: p.matches) }) else {
                return nil
            }
            reasons.append("chassis matches '\(pattern)'")
        }
        if !match.hints.isEmpty {
            guard let hint = match.hints.first(where: hints.contains) else { return nil }
            reasons.append("the device answers \(hint.rawValue)")
        }
        return reasons
    }

    private static func shortened(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 80 ? String(line.prefix(80)) + "…" : line
    }
}

/// The values of one device that rules read.
private struct SystemView {
    let system: SystemInfo
    let sysObjectID: String?
    /// Chassis entities, top-level ones first.
    let chassis: [PhysicalEntity]

    init(_ system: SystemInfo) {
        self.system = system
        sysObjectID = system.sysObjectID.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
        let all = system.entities.filter { $0.class == .chassis }
        chassis = all.filter { ($0.containedIn ?? 0) == 0 } + all.filter { ($0.containedIn ?? 0) != 0 }
    }

    /// The first non-empty value the extractions yield.
    func extract(_ extractions: [Extraction]) -> String? {
        for extraction in extractions {
            for text in texts(extraction.source) {
                let value =
                    extraction.pattern.map { $0.capture(in: text) }
                    ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
                if let value, !value.isEmpty { return value }
            }
        }
        return nil
    }

    private func texts(_ source: IdentitySource) -> [String] {
        let field: (PhysicalEntity) -> String?
        switch source {
        case .sysDescr: return system.sysDescr.map { [$0] } ?? []
        case .sysObjectID: return sysObjectID.map { [$0] } ?? []
        case .sysName: return system.sysName.map { [$0] } ?? []
        case .chassisModel: field = \.model
        case .chassisDescr: field = \.descr
        case .chassisName: field = \.name
        case .chassisSoftwareRev: field = \.softwareRev
        case .chassisFirmwareRev: field = \.firmwareRev
        case .chassisHardwareRev: field = \.hardwareRev
        case .chassisSerial: field = \.serial
        case .chassisManufacturer: field = \.manufacturer
        }
        return chassis.compactMap(field).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
