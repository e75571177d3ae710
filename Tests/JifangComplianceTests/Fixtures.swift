import Foundation
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting

/// A real store with two counties for 2026H1: `good` keeps every record the rules ask for, `bad`
/// breaks every rule that can be broken. Each rule is tested by its result for both.
struct TwoCounties {
    static let period = Period("2026H1")!
    static let asOf = CalendarDay("2026-07-01")!
    let directory: TemporaryDirectory
    let store: Store

    static func rules() throws -> ComplianceRuleSet {
        try ComplianceRuleSet.load(path: PackagePaths.root.appendingPathComponent("Policies/rules.yaml").path)
    }

    static func start(of day: CalendarDay) -> Date {
        Date(timeIntervalSince1970: Double(day.ordinal * 86_400 - 28_800))
    }

    init() throws {
        directory = try TemporaryDirectory(prefix: "jifang-compliance")
        store = try Store(path: directory.appending("store.sqlite").path)
        let period = Self.period
        let units = [
            OrganisationUnit(id: "33", name: "Province", level: .province),
            OrganisationUnit(id: "good", name: "Good county", level: .county, parent: "33"),
            OrganisationUnit(id: "bad", name: "Bad county", level: .county, parent: "33"),
        ]
        let devices = [
            DeviceProfile(name: "good-router", address: "10.0.1.1", unit: "good", declaredKind: .router),
            DeviceProfile(name: "good-switch", address: "10.0.1.2", unit: "good", declaredKind: .switch),
            DeviceProfile(name: "good-firewall", address: "10.0.1.3", unit: "good", declaredKind: .firewall),
            DeviceProfile(name: "bad-router", address: "10.0.2.1", unit: "bad", declaredKind: .router),
            DeviceProfile(name: "bad-switch", address: "10.0.2.2", unit: "bad", declaredKind: .switch),
        ]
        try store.syncInventory(units: units, devices: devices, at: Self.start(of: period.firstDay))
        for device in devices {
            let bad = device.unit == "bad"
            for week in 0..<20 {
                let time = Self.start(of: period.firstDay.adding(days: 3 + 7 * week))
                var health = DeviceHealth(device: device, polledAt: time, reachable: !(bad && week % 3 == 0))
                let fails = bad && device.name == "bad-router"
                health.findings = [
                    Finding(
                        rule: "router.memory", status: fails ? .fail : .pass, message: fails ? "64 MB < 128 MB" : "ok")
                ]
                try store.record(health: health, observations: [], conditions: [])
            }
        }
        // Staff (Art. 5, 6, 149).
        let certificate = PostCertificate(number: "P-1", issuedBy: .province, issuedOn: CalendarDay("2024-01-01")!)
        try store.saveStaffMember(
            StaffMember(
                id: "g-admin", name: "管理员", unit: "good", roles: [.administrator], degree: .bachelor,
                certificate: certificate))
        try store.saveStaffMember(
            StaffMember(
                id: "g-tech", name: "技术员", unit: "good", roles: [.technician], degree: .associate,
                certificate: certificate))
        try store.saveStaffMember(StaffMember(id: "g-sup", name: "主管", unit: "good", roles: [.supervisor]))
        try store.saveStaffMember(
            StaffMember(id: "b-tech", name: "技术员乙", unit: "bad", roles: [.technician], degree: .other))
        for person in ["g-admin", "g-tech"] {
            try store.addTraining(
                Training(id: 0, person: person, day: CalendarDay("2026-03-02")!, hours: 24, title: "SNMP"))
        }
        try store.addTraining(
            Training(id: 0, person: "b-tech", day: CalendarDay("2026-03-02")!, hours: 8, title: "SNMP"))
        // Assets (Art. 48, 137–139).
        try store.saveAssets(
            (0..<3).map { Asset(tag: "g-pc\($0)", name: "PC", kind: .pc, unit: "good") } + [
                Asset(
                    tag: "g-idle", name: "Spare", kind: .pc, state: .idle, unit: "good",
                    stateSince: CalendarDay("2025-12-01")),
                Asset(
                    tag: "b-idle", name: "Spare", kind: .server, state: .idle, unit: "bad",
                    stateSince: CalendarDay("2025-12-01")),
                Asset(tag: "g-broken", name: "Printer", kind: .printer, unit: "good"),
                Asset(tag: "b-broken", name: "Printer", kind: .printer, state: .underRepair, unit: "bad"),
            ], actor: "test", at: Self.start(of: period.firstDay))
        for month in 1...6 {
            try store.recordPowerOn(
                PowerOnRun(asset: "g-idle", day: CalendarDay(year: 2026, month: month, day: 10)!, recordedBy: "g-tech"))
        }
        try store.openRepair(
            RepairTicket(
                id: 0, asset: "g-broken", openedOn: CalendarDay("2026-05-01")!, fault: "jam", causedBy: nil,
                reportedBy: "g-tech"))
        // Loans (Art. 146).
        try store.addDocument(
            TechnicalDocument(id: "D1", title: "Router manual", category: .equipment, keeper: "g-admin"))
        try store.addDocument(
            TechnicalDocument(id: "D2", title: "Switch manual", category: .equipment, keeper: "g-admin"))
        let returned = try store.lend(
            Loan(
                id: 0, document: "D1", title: "Router manual", borrower: "g-tech", lentOn: CalendarDay("2026-02-01")!,
                due: CalendarDay("2026-03-01")!, lentBy: "g-admin"))
        try store.recordReturn(
            loan: returned.id, on: CalendarDay("2026-02-20")!, condition: .fine, compensation: nil,
            receivedBy: "g-admin")
        try store.lend(
            Loan(
                id: 0, document: "D2", title: "Switch manual", borrower: "b-tech", lentOn: CalendarDay("2026-02-01")!,
                due: CalendarDay("2026-03-01")!, lentBy: "g-admin"))
        // Bindings (Art. 34): the good county binds its LAN; the bad one binds nothing.
        try store.importBindings(
            [BindingEntry(ip: IPv4Address("10.0.1.10")!, mac: MACAddress(0, 1, 2, 3, 4, 5), unit: "good")],
            source: "test")
        // Meetings and circulars (Mgmt Art. 27, 29): county 6 and 4 a year, so 3 and 2 by June.
        for i in 0..<3 {
            try store.addGovernanceRecord(
                GovernanceRecord(
                    id: 0, unit: "good", kind: .meeting, day: CalendarDay(year: 2026, month: i + 1, day: 15)!,
                    title: "M"))
        }
        for i in 0..<2 {
            try store.addGovernanceRecord(
                GovernanceRecord(
                    id: 0, unit: "good", kind: .circular, day: CalendarDay(year: 2026, month: i + 1, day: 20)!,
                    title: "C"))
        }
        try store.addGovernanceRecord(
            GovernanceRecord(id: 0, unit: "bad", kind: .meeting, day: CalendarDay("2026-01-15")!, title: "M"))
        // Duty log (Art. 105, 119): every working day for good, weekly virus scans, a complete fault record.
        var goodEntries: [Int64] = []
        for ordinal in period.firstDay.ordinal...period.lastDay.ordinal {
            let day = CalendarDay(ordinal: ordinal)
            let weekday = ((ordinal % 7) + 7) % 7
            guard weekday != 2 && weekday != 3 else { continue }
            let text = weekday == 4 ? "Weekly virus scan of all PCs" : "Routine check"
            goodEntries.append(try log(unit: "good", day: day, text: text).id)
            if ordinal % 3 == 0 { _ = try log(unit: "bad", day: day, text: "Routine check") }
        }
        let fault = FaultDetails(
            symptom: "link down", cause: "fibre cut", handling: "spliced", participants: "g-tech", result: "up")
        goodEntries.append(
            try log(unit: "good", day: CalendarDay("2026-04-01")!, text: "Fault", category: .fault, fault: fault).id)
        _ = try log(
            unit: "bad", day: CalendarDay("2026-04-01")!, text: "Fault", category: .fault,
            fault: FaultDetails(
                symptom: "link down", cause: nil, handling: "spliced", participants: "b-tech", result: "up"))
        // The review covers the entries agents wrote (device-added events) as well as people's.
        let allGood = try store.dutyLog(from: period.firstDay, to: period.lastDay, unit: "good").map(\.id)
        #if DEBUG
            precondition(Set(goodEntries).isSubset(of: allGood))
        #endif
        try store.signDutyLogReview(
            unit: "good", from: period.firstDay, to: period.lastDay, supervisor: "g-sup", comment: nil,
            entries: allGood,
            at: Self.start(of: CalendarDay("2026-06-30")!))
    }

    private func log(
        unit: String, day: CalendarDay, text: String, category: DutyLogCategory = .other, fault: FaultDetails? = nil
    ) throws -> DutyLogEntry {
        let time = Self.start(of: day).addingTimeInterval(9 * 3600)
        return try store.appendDutyLogEntry(
            DutyLogEntry(
                id: 0, unit: unit, day: day, time: time, category: category, text: text,
                author: unit == "good" ? "g-tech" : "b-tech",
                source: .manual, fault: fault, recordedAt: time), recordedAt: time)
    }

    func evaluate(save: Bool = false) throws -> EvaluationReport {
        try Evaluator(store: store, rules: Self.rules()).evaluate(
            period: Self.period, asOf: Self.asOf, save: save, now: Date(timeIntervalSince1970: 1_782_864_000))
    }
}

extension EvaluationReport {
    func result(_ unit: String, _ rule: String) -> RuleResult? {
        scorecards.first { $0.unit.id == unit }?.results.first { $0.rule == rule }
    }
}
