import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// Art. 140–143 from the backup register: monthly backups of databases, logs and documents,
/// configurations kept after every change, each quarter on disc, each year archived.
///
/// Backup targets carry no unit of their own: a device's configuration counts for the device's
/// unit, and databases, logs and documents count for every unit with devices in this store (a
/// store serves one site). Only periods that have ended by the evaluation day are required;
/// `pruned` rows count, since retention removes a monthly copy only after its disc is verified.
struct BackupScheduleCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let register = try context.store.backups()
        let kept = register.filter { $0.status == .good || $0.status == .pruned }
        let devices = try context.devices()
        let unitOfDevice = Dictionary(devices.compactMap { d in d.unit.map { (d.name, $0) } }) { first, _ in first }
        let siteUnits = Set(unitOfDevice.values)
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            guard siteUnits.contains(unit.id) else {
                outcomes[unit.id] = RuleOutcome(
                    .notApplicable, "No devices or backup targets of this unit in this store.")
                continue
            }
            switch rule.text("schedule", unit.level) ?? "monthly" {
            case "after-change":
                outcomes[unit.id] = configurations(kept, register, unit: unit.id, devices: unitOfDevice, context)
            case "quarterly-disc":
                outcomes[unit.id] = packages(kept, kind: .disc, periods: quarters(context), what: "disc image")
            case "yearly-archive":
                outcomes[unit.id] = packages(kept, kind: .archive, periods: years(context), what: "archive package")
            default:
                outcomes[unit.id] = monthly(kept, register, context)
            }
        }
        return outcomes
    }

    private func monthly(_ kept: [BackupRecord], _ register: [BackupRecord], _ context: EvaluationContext)
        -> RuleOutcome
    {
        let months = self.months(context)
        let targets = Set(register.filter { $0.kind == .backup }.map(\.target)).sorted()
        guard !months.isEmpty else { return RuleOutcome(.notApplicable, "No month of the period has ended yet.") }
        guard !targets.isEmpty else {
            return RuleOutcome(
                .fail, "No database, log or document backup is recorded; \(months.count) months are due.")
        }
        var missing: [String] = []
        var records: [String] = []
        for target in targets {
            for month in months {
                if let found = kept.first(where: { $0.kind == .backup && $0.target == target && $0.period == month }) {
                    records.append("backups#\(found.id)")
                } else {
                    missing.append("\(target) \(month)")
                }
            }
        }
        guard missing.isEmpty else {
            return RuleOutcome(.fail, "Missing monthly backups: \(missing.joined(separator: ", ")).", records: records)
        }
        return RuleOutcome(
            .pass, "\(plural(targets.count, "target")) backed up in each of \(plural(months.count, "month")).",
            records: records)
    }

    private func configurations(
        _ kept: [BackupRecord], _ register: [BackupRecord], unit: String, devices: [String: String],
        _ context: EvaluationContext
    ) -> RuleOutcome {
        let mine = register.filter { $0.kind == .config && $0.category == .configuration }
            .filter { record in devices[record.target].map { $0 == unit } ?? devices.values.contains(unit) }
        guard !mine.isEmpty else {
            return RuleOutcome(.notApplicable, "No device configuration is set up for backup in this unit.")
        }
        let window = mine.filter { $0.startedAt >= context.windowStart && $0.startedAt < context.windowEnd }
        // A failed fetch is cured by a later good version of the same target.
        let uncured = window.filter { failed in
            failed.status == .failed
                && !kept.contains {
                    $0.target == failed.target && $0.kind == .config && $0.startedAt > failed.startedAt
                }
        }
        let records = window.map { "backups#\($0.id)" }
        guard uncured.isEmpty else {
            let names = Set(uncured.map(\.target)).sorted().joined(separator: ", ")
            return RuleOutcome(.fail, "Configuration backups failed and were not redone: \(names).", records: records)
        }
        let versions = window.filter { $0.status == .good || $0.status == .pruned }.count
        let targets = Set(mine.map(\.target)).count
        return RuleOutcome(
            .pass,
            "\(plural(versions, "configuration version")) kept for \(plural(targets, "device")); no failed fetch left.",
            records: records)
    }

    private func packages(_ kept: [BackupRecord], kind: BackupKind, periods: [String], what: String) -> RuleOutcome {
        guard !periods.isEmpty else { return RuleOutcome(.notApplicable, "No \(what) is due in this period yet.") }
        var records: [String] = []
        var missing: [String] = []
        for period in periods {
            if let found = kept.first(where: { $0.kind == kind && $0.period == period }) {
                records.append("backups#\(found.id)")
            } else {
                missing.append(period)
            }
        }
        guard missing.isEmpty else {
            return RuleOutcome(.fail, "No verified \(what) for \(missing.joined(separator: ", ")).", records: records)
        }
        return RuleOutcome(.pass, "A verified \(what) exists for \(periods.joined(separator: ", ")).", records: records)
    }

    /// Months of the period that ended before the evaluation day, as `2026-07`.
    private func months(_ context: EvaluationContext) -> [String] {
        var result: [String] = []
        var first = CalendarDay(year: context.firstDay.year, month: context.firstDay.month, day: 1)!
        while first <= context.lastDay {
            let last = first.adding(months: 1).adding(days: -1)
            if last <= context.lastDay {
                result.append(String(format: "%04d-%02d", first.year, first.month))
            }
            first = first.adding(months: 1)
        }
        return result
    }

    /// Quarters of the period that ended before the evaluation day, as `2026Q3`.
    private func quarters(_ context: EvaluationContext) -> [String] {
        months(context).compactMap { month in
            let number = Int(month.suffix(2))!
            return number % 3 == 0 ? "\(month.prefix(4))Q\(number / 3)" : nil
        }
    }

    /// The period's year, once December has ended.
    private func years(_ context: EvaluationContext) -> [String] {
        months(context).contains { $0.hasSuffix("-12") } ? ["\(context.period.year)"] : []
    }
}

/// Art. 118 for the suite's own accounts: every enabled account's password was changed within the
/// expiry period (default 90 days, `maxAgeDays`). Length and character mix are enforced whenever a
/// password is set, so an account can only hold a conforming one; what can lapse is the change.
/// Accounts serve the whole site, so the rule applies to every unit with devices in this store.
struct PasswordPolicyCheck: ComplianceCheck {
    func evaluate(_ rule: ComplianceRule, units: [OrganisationUnit], context: EvaluationContext) throws
        -> [String: RuleOutcome]
    {
        let accounts = try context.store.accounts().filter { !$0.disabled }
        let siteUnits = Set(try context.devices().compactMap(\.unit))
        let end = context.windowEnd
        var outcomes: [String: RuleOutcome] = [:]
        for unit in units {
            guard siteUnits.contains(unit.id), !accounts.isEmpty else {
                outcomes[unit.id] = RuleOutcome(.notApplicable, "No accounts of the suite serve this unit.")
                continue
            }
            let maxAge = rule.number("maxAgeDays", unit.level) ?? 90
            let stale = accounts.filter { end.timeIntervalSince($0.passwordChangedAt) > maxAge * 86_400 }
            let records = accounts.map { "account:\($0.username)" }
            outcomes[unit.id] =
                stale.isEmpty
                ? RuleOutcome(
                    .pass,
                    "All \(plural(accounts.count, "account")) changed their password within \(formatNumber(maxAge)) days.",
                    records: records)
                : RuleOutcome(
                    .fail,
                    "Passwords older than \(formatNumber(maxAge)) days: \(stale.map(\.username).joined(separator: ", ")).",
                    records: records)
        }
        return outcomes
    }
}
