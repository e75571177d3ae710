import JifangConfig
import JifangModel
import JifangStore

/// Which unit an address belongs to: the unit of its binding, else of a binding in the same /24.
struct AddressOwnership {
    var byAddress: [IPv4Address: String] = [:]
    var bySubnet: [UInt32: String] = [:]

    init(_ bindings: [BindingEntry]) {
        for binding in bindings {
            guard let unit = binding.unit else { continue }
            byAddress[binding.ip] = unit
            bySubnet[binding.ip.rawValue >> 8] = bySubnet[binding.ip.rawValue >> 8] ?? unit
        }
    }

    func unit(of ip: IPv4Address) -> String? { byAddress[ip] ?? bySubnet[ip.rawValue >> 8] }
}

/// Art. 34: the unit has bindings, and every address seen in ARP traffic on its subnets is bound.
struct BindingCoverageCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let bindings = try context.store.bindings()
        let ownership = AddressOwnership(bindings)
        let bound = Set(bindings.map(\.ip))
        let seen = try context.store.arpAddressesSeen(from: context.windowStart, to: context.windowEnd)
        var unbound: [String: [IPv4Address]] = [:]
        for ip in seen where !bound.contains(ip) {
            if let unit = ownership.unit(of: ip) { unbound[unit, default: []].append(ip) }
        }
        let counts = Dictionary(grouping: bindings.filter { $0.unit != nil }, by: { $0.unit! }).mapValues(\.count)
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let count = counts[unit.id] ?? 0
            let loose = (unbound[unit.id] ?? []).sorted()
            if count == 0 {
                outcomes[unit.id] = RuleOutcome(.fail, "No IP–MAC bindings registered for the unit.")
            } else if loose.isEmpty {
                outcomes[unit.id] = RuleOutcome(
                    .pass,
                    "\(plural(count, "binding")); every address seen on the unit's subnets in the period is bound.",
                    records: ["bindings:\(unit.id)"])
            } else {
                outcomes[unit.id] = RuleOutcome(
                    .fail,
                    "\(plural(loose.count, "address", "addresses")) seen on the unit's subnets without a binding: "
                        + loose.prefix(5).map(\.description).joined(separator: ", ") + ".",
                    records: loose.map { "arp_pair:\($0)" })
            }
        }
        return outcomes
    }
}

/// Art. 34: every binding violation in the period led to a port shutdown or a binding change.
struct ViolationsHandledCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let ownership = AddressOwnership(try context.store.bindings())
        let violations = try context.store.violationFacts(from: context.windowStart, to: context.windowEnd)
        let byUnit = Dictionary(
            grouping: violations.filter { ownership.unit(of: $0.ip) != nil }, by: { ownership.unit(of: $0.ip)! })
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let own = byUnit[unit.id] ?? []
            guard !own.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No binding violations in the period.")
                continue
            }
            let open = own.filter { !$0.handled }
            outcomes[unit.id] =
                open.isEmpty
                ? RuleOutcome(
                    .pass, "All \(plural(own.count, "violation")) handled.", records: own.map { "duty_log#\($0.event)" }
                )
                : RuleOutcome(
                    .fail,
                    "\(open.count) of \(own.count) violations neither blocked nor resolved, e.g. "
                        + open.prefix(3).map { "\($0.ip) (event #\($0.event))" }.joined(separator: ", ") + ".",
                    records: open.map { "duty_log#\($0.event)" })
        }
        return outcomes
    }
}
