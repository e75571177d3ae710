import Foundation
import JifangConfig
import JifangModel
import JifangStore

/// A seeded synthetic province for tests and benchmarks: cities, counties and townships, each
/// with devices and their polls (with spec findings), staff with degrees, certificates and
/// trainings, PCs and printers, an idle asset with power-on runs, meetings and circulars, and a
/// duty log with weekly virus-scan entries and monthly supervisor reviews.
///
/// Every unit gets a "diligence" between 0.4 and 1 from the seed; each record a compliant unit
/// would keep is written with that probability, so units differ and rank differently. The same
/// seed and sizes always give the same store content (ids included, for a fresh store).
public struct SyntheticProvince: Sendable {
    public var seed: UInt64
    public var cities: Int
    public var countiesPerCity: Int
    public var townshipsPerCounty: Int
    /// Polls per device over the period.
    public var pollsPerDevice: Int
    /// Devices each unit has beyond its router and switch (and, above township level, firewall
    /// and server): access switches, UPSes and servers in turn.
    public var extraDevicesPerUnit: Int
    public var period: Period
    /// The working days on which units write their duty log.
    public var calendar: WorkingCalendar

    public init(
        seed: UInt64 = 1, cities: Int = 2, countiesPerCity: Int = 2, townshipsPerCounty: Int = 1,
        pollsPerDevice: Int = 6, extraDevicesPerUnit: Int = 0,
        period: Period = Period(year: 2026, half: 1)!, calendar: WorkingCalendar = .mondayToFriday
    ) {
        self.seed = seed
        self.cities = cities
        self.countiesPerCity = countiesPerCity
        self.townshipsPerCounty = townshipsPerCounty
        self.pollsPerDevice = pollsPerDevice
        self.extraDevicesPerUnit = extraDevicesPerUnit
        self.period = period
        self.calendar = calendar
    }

    /// What was written, for records/s figures.
    public struct Totals: Sendable, Hashable {
        public var units = 0
        public var devices = 0
        public var polls = 0
        /// Spec findings stored with the polls (not counted in ``records``).
        public var findings = 0
        public var logEntries = 0
        public var records: Int { units + devices + polls + logEntries }

        public init(units: Int = 0, devices: Int = 0, polls: Int = 0, logEntries: Int = 0) {
            self.units = units
            self.devices = devices
            self.polls = polls
            self.findings = polls
            self.logEntries = logEntries
        }
    }

    public var units: [OrganisationUnit] {
        var units = [OrganisationUnit(id: "33", name: "Province", level: .province)]
        for c in 1...max(cities, 1) {
            let city = String(format: "33%02d", c)
            units.append(OrganisationUnit(id: city, name: "City \(c)", level: .city, parent: "33"))
            for k in 1...max(countiesPerCity, 1) {
                let county = city + String(format: "%02d", k)
                units.append(OrganisationUnit(id: county, name: "County \(c)-\(k)", level: .county, parent: city))
                for t in 0..<townshipsPerCounty {
                    units.append(
                        OrganisationUnit(
                            id: county + String(format: "%03d", t + 1), name: "Township \(c)-\(k)-\(t + 1)",
                            level: .township,
                            parent: county))
                }
            }
        }
        return units
    }

    /// Writes the province into `store` (which should be empty) and returns the totals.
    ///
    /// Polls and duty-log entries go in through the store's bulk writers, tens of thousands of
    /// rows per transaction, so a province of ten million records takes minutes. Polls are stored
    /// with their findings but, being a bulk load, raise no alerts or events.
    @discardableResult
    public func populate(_ store: Store) throws -> Totals {
        var rng = SplitMix64(seed: seed)
        let units = self.units
        var totals = Totals()
        var devices: [DeviceProfile] = []
        var kindsByDevice: [String: DeviceKind] = [:]
        for (u, unit) in units.enumerated() where unit.level != .province {
            var kinds: [DeviceKind] = [.router, .switch]
            if unit.level != .township { kinds += [.firewall, .server] }
            let named = kinds.count
            let extra: [DeviceKind] = [.switch, .switch, .ups, .switch, .server]
            kinds += (0..<extraDevicesPerUnit).map { extra[$0 % extra.count] }
            for (i, kind) in kinds.enumerated() {
                let name = i < named ? "\(unit.id)-\(kind.rawValue)" : "\(unit.id)-\(kind.rawValue)\(i)"
                let address = "10.\(u / 250).\(u % 250).\(i + 1)"
                devices.append(DeviceProfile(name: name, address: address, unit: unit.id, declaredKind: kind))
                kindsByDevice[name] = kind
            }
        }
        try store.syncInventory(units: units, devices: devices, at: start(of: period.firstDay))
        totals.units = units.count
        totals.devices = devices.count

        let evaluated = units.filter { $0.level != .province }
        var diligence: [String: Double] = [:]
        for unit in evaluated { diligence[unit.id] = 0.4 + 0.6 * rng.unit() }

        // Polls across the period, each with the spec findings of its device.
        let span = Double(period.lastDay.ordinal - period.firstDay.ordinal + 1) * 86_400
        var batch: [PollImport] = []
        for device in devices {
            let q = diligence[device.unit!]!
            let meetsSpec = rng.unit() < q + 0.2
            let finding = Finding(
                rule: "\(kindsByDevice[device.name]!.rawValue).memory", article: "Art. 55–59",
                status: meetsSpec ? .pass : .fail, message: meetsSpec ? "memory meets spec" : "memory below spec")
            for p in 0..<pollsPerDevice {
                let time = start(of: period.firstDay).addingTimeInterval(
                    span * (Double(p) + 0.5) / Double(pollsPerDevice))
                let reachable = rng.unit() < 0.9 + q / 10
                batch.append(
                    PollImport(
                        device: device.name, time: time, reachable: reachable,
                        error: reachable ? nil : "timeout", findings: [finding]))
            }
            if batch.count >= 50_000 {
                totals.polls += try store.importPolls(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        totals.polls += try store.importPolls(batch)
        totals.findings = totals.polls

        let asOf = period.lastDay
        for unit in evaluated {
            let q = diligence[unit.id]!
            // Staff: two or three professionals and a supervisor.
            let degree: Degree =
                unit.level == .city ? .bachelor : unit.level == .county ? .associate : .secondaryTechnical
            let issuer: UnitLevel = unit.level == .township ? .city : .province
            let roles: [[StaffRole]] =
                unit.level == .township ? [[.technician], [.technician]] : [[.administrator], [.technician]]
            for (i, role) in roles.enumerated() {
                let id = "\(unit.id)-p\(i)"
                try store.saveStaffMember(
                    StaffMember(
                        id: id, name: "Staff \(unit.id)-\(i)", unit: unit.id, roles: role,
                        degree: rng.unit() < q + 0.3 ? degree : .other,
                        certificate: rng.unit() < q + 0.3
                            ? PostCertificate(
                                number: "C\(id)", issuedBy: issuer, issuedOn: period.firstDay.adding(days: -400)) : nil,
                        joinedOn: period.firstDay.adding(days: -800)))
                let sessions = rng.unit() < q ? 2 : 1
                for s in 0..<sessions {
                    try store.addTraining(
                        Training(
                            id: 0, person: id, day: period.firstDay.adding(days: 20 + 60 * s), hours: 24,
                            title: "Training \(s + 1)"))
                }
            }
            let supervisor = "\(unit.id)-sup"
            try store.saveStaffMember(
                StaffMember(id: supervisor, name: "Supervisor \(unit.id)", unit: unit.id, roles: [.supervisor]))

            // Assets: PCs, a printer, one idle PC powered on most months.
            var assets: [Asset] = []
            let pcs = rng.unit() < q ? 3 : 1
            for i in 0..<pcs {
                assets.append(Asset(tag: "\(unit.id)-pc\(i)", name: "PC \(i)", kind: .pc, unit: unit.id))
            }
            assets.append(Asset(tag: "\(unit.id)-prn", name: "Printer", kind: .printer, unit: unit.id))
            assets.append(
                Asset(
                    tag: "\(unit.id)-idle", name: "Spare PC", kind: .pc, state: .idle, unit: unit.id,
                    stateSince: period.firstDay.adding(days: -30)))
            try store.saveAssets(assets, actor: "synthetic", at: start(of: period.firstDay))
            var month = period.firstDay
            while month <= asOf {
                if rng.unit() < q + 0.2 {
                    try store.recordPowerOn(
                        PowerOnRun(asset: "\(unit.id)-idle", day: month.adding(days: 9), recordedBy: "\(unit.id)-p0"),
                        at: start(of: month.adding(days: 9)))
                }
                month = month.adding(months: 1)
            }

            // Meetings and circulars of the year so far.
            for kind in GovernanceRecord.Kind.allCases {
                let count = Int((6 * q).rounded())
                for i in 0..<count {
                    try store.addGovernanceRecord(
                        GovernanceRecord(
                            id: 0, unit: unit.id, kind: kind, day: period.firstDay.adding(days: 7 + 20 * i),
                            title: "\(kind.rawValue) \(i + 1)"))
                }
            }

            // Duty log: working days with probability close to 1 for diligent units.
            var pending: [DutyLogEntry] = []
            var entries: [Int64] = []
            var reviewedUpTo = period.firstDay.adding(days: -1)
            for ordinal in period.firstDay.ordinal...asOf.ordinal {
                let day = CalendarDay(ordinal: ordinal)
                guard calendar.isWorkingDay(day) else { continue }
                guard rng.unit() < 0.9 + q / 10 else { continue }
                // The weekly virus scan is logged on the week's first working day (Monday unless a holiday).
                let monday = ordinal - (((ordinal - 4) % 7) + 7) % 7
                let firstOfWeek = !(monday..<ordinal).contains { calendar.isWorkingDay(CalendarDay(ordinal: $0)) }
                let scan = firstOfWeek && rng.unit() < q + 0.3
                let time = start(of: day).addingTimeInterval(9 * 3600)
                pending.append(
                    DutyLogEntry(
                        id: 0, unit: unit.id, day: day, time: time, category: .other,
                        text: scan ? "Weekly virus scan of all machines" : "Routine checks",
                        author: "\(unit.id)-p0", source: .manual, recordedAt: time))
                if day.adding(days: 1).day == 1 && rng.unit() < q + 0.2 {
                    entries += try store.appendDutyLogEntries(pending).map(\.id)
                    totals.logEntries += pending.count
                    pending = []
                    try store.signDutyLogReview(
                        unit: unit.id, from: reviewedUpTo.adding(days: 1), to: day, supervisor: supervisor,
                        comment: nil,
                        entries: entries, at: start(of: day).addingTimeInterval(17 * 3600))
                    entries = []
                    reviewedUpTo = day
                }
            }
            try store.appendDutyLogEntries(pending)
            totals.logEntries += pending.count
        }
        return totals
    }

    func start(of day: CalendarDay) -> Date {
        Date(timeIntervalSince1970: Double(day.ordinal * 86_400 - 28_800))
    }
}
