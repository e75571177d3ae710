import JifangConfig
import JifangModel
import JifangStore

/// Art. 55–59: every device of the listed kinds passed its spec clauses at its last poll of the period.
struct DeviceSpecCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let kinds = rule.parameters["kinds"]?.list ?? []
        let facts = Dictionary(
            grouping: try context.store.deviceSpecFacts(kinds: kinds, from: context.windowStart, to: context.windowEnd),
            by: \.unit)
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let devices = facts[unit.id] ?? []
            guard !devices.isEmpty else {
                outcomes[unit.id] = RuleOutcome(
                    .notApplicable, "The unit has no \(kinds.joined(separator: ", ")) in the register.")
                continue
            }
            let unpolled = devices.filter { $0.poll == nil }
            let failing = devices.filter { !$0.failed.isEmpty }
            let records = devices.map { "device:\($0.device)" } + devices.compactMap { $0.poll.map { "poll#\($0)" } }
            if failing.isEmpty && unpolled.isEmpty {
                outcomes[unit.id] = RuleOutcome(
                    .pass, "All \(plural(devices.count, "device")) met their spec at their last poll of the period.",
                    records: records)
            } else {
                var parts: [String] = []
                if !failing.isEmpty {
                    parts.append(
                        failing.prefix(3).map { "\($0.device) failed \($0.failed.prefix(2).joined(separator: "; "))" }
                            .joined(separator: "; ") + (failing.count > 3 ? " (and \(failing.count - 3) more)" : ""))
                }
                if !unpolled.isEmpty {
                    parts.append(
                        "\(plural(unpolled.count, "device")) answered no poll in the period "
                            + "(\(unpolled.prefix(3).map(\.device).joined(separator: ", ")))")
                }
                outcomes[unit.id] = RuleOutcome(
                    .fail,
                    "\(failing.count + unpolled.count) of \(devices.count) devices not shown to meet spec: "
                        + parts.joined(separator: "; ") + ".",
                    records: failing.map { "device:\($0.device)" } + unpolled.map { "device:\($0.device)" } + records)
            }
        }
        return outcomes
    }
}

/// Art. 97: routers and switches answered at least `minimumAvailability` of their polls.
struct DeviceUptimeCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let kinds = rule.parameters["kinds"]?.list ?? []
        let facts = Dictionary(
            grouping: try context.store.availabilityFacts(
                kinds: kinds, from: context.windowStart, to: context.windowEnd),
            by: \.unit)
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let minimum = rule.number("minimumAvailability", unit.level) ?? 0.99
            let devices = facts[unit.id] ?? []
            guard !devices.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "The unit has no \(kinds.joined(separator: " or ")).")
                continue
            }
            let short = devices.filter { $0.polls == 0 || Double($0.reachable) / Double($0.polls) < minimum }
            let polls = devices.reduce(0) { $0 + $1.polls }
            let reachable = devices.reduce(0) { $0 + $1.reachable }
            let records = devices.map { "device:\($0.device)" }
            let required = String(format: "%.1f %%", minimum * 100)
            if short.isEmpty {
                outcomes[unit.id] = RuleOutcome(
                    .pass,
                    "\(plural(devices.count, "device")) answered \(reachable) of \(polls) polls (each ≥ \(required)).",
                    records: records)
            } else {
                let detail = short.prefix(3).map { d in
                    d.polls == 0
                        ? "\(d.device): no polls"
                        : "\(d.device): \(d.reachable)/\(d.polls)"
                            + (d.firstMiss.map { ", first miss poll#\($0)" } ?? "")
                }
                outcomes[unit.id] = RuleOutcome(
                    .fail,
                    "\(short.count) of \(devices.count) devices below \(required) of polls answered ("
                        + detail.joined(separator: "; ") + ").",
                    records: short.map { "device:\($0.device)" }
                        + short.compactMap { $0.firstMiss.map { "poll#\($0)" } })
            }
        }
        return outcomes
    }
}

/// Art. 119: the unit has a firewall (a device classified as one, or a firewall in the asset register).
struct FirewallPresentCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let devices = Dictionary(
            grouping: try context.devices().filter { $0.kind == .firewall && $0.unit != nil }, by: { $0.unit! })
        let assets = Dictionary(
            grouping: try context.assets().filter { $0.kind == .firewall && $0.state != .scrapped && $0.unit != nil },
            by: { $0.unit! })
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            let names = Set((devices[unit.id] ?? []).map(\.name) + (assets[unit.id] ?? []).map(\.tag)).sorted()
            outcomes[unit.id] =
                names.isEmpty
                ? RuleOutcome(.fail, "No firewall in the device or asset register of the unit.")
                : RuleOutcome(
                    .pass, "Firewall at the Internet exit: \(names.joined(separator: ", ")).",
                    records: names.map { "device:\($0)" })
        }
        return outcomes
    }
}

/// Art. 48, 50: enough PCs or printers in use; optionally no fewer PCs than staff on post.
struct AssetCountCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let kind = rule.parameters["kind"]?.text ?? ""
        let assets = Dictionary(
            grouping: try context.assets().filter {
                $0.kind.rawValue == kind && $0.unit != nil && $0.state != .scrapped
            }, by: { $0.unit! })
        let staff = Dictionary(grouping: try context.staff().filter { $0.unit != nil }, by: { $0.unit! })
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            var required = Int(rule.number("minimum", unit.level) ?? 0)
            var reason = "at least \(required)"
            if (rule.number("atLeastStaff", unit.level) ?? 0) > 0 {
                let onPost = staff[unit.id]?.count ?? 0
                if onPost > required {
                    required = onPost
                    reason = "one per person on post (\(onPost))"
                }
            }
            let found = assets[unit.id] ?? []
            let records = found.map { "asset:\($0.tag)" }
            outcomes[unit.id] =
                found.count >= required
                ? RuleOutcome(.pass, "\(plural(found.count, kind)) registered; \(reason) required.", records: records)
                : RuleOutcome(
                    .fail, "Only \(plural(found.count, kind)) registered; \(reason) required.", records: records)
        }
        return outcomes
    }
}
