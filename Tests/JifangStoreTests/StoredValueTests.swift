import Foundation
import JifangModel
import JifangStore
import JifangTesting
import Testing

/// Rows written by another program (or a file edited by hand) with an address past 2³²−1 or
/// below 0, a VLAN past 65535, a text that is not a MAC or a day, or NULL where the schema says
/// NOT NULL, fail the read with a ``StoreError`` naming the table and column; they used to stop
/// the process (`UInt32(_:)`, `UInt16(_:)`, GRDB's non-optional decode of NULL).
@Suite struct StoredValueTests {
    static let a = BindingEntry(ip: IPv4Address(10, 0, 0, 1), mac: MACAddress(rawValue: 0x0011_2233_4455), owner: "Li")
    static let b = BindingEntry(ip: IPv4Address(10, 0, 0, 2), mac: MACAddress(rawValue: 0x0011_2233_4456), vlan: 20)
    static let tooLarge = "1099511627776"  // 2^40

    /// Whether `read` fails with a ``StoreError`` saying `place` holds `shown`.
    func fails<T>(_ place: String, holding shown: String, _ read: () throws -> T) -> Bool {
        do {
            _ = try read()
            return false
        } catch StoreError.operationFailed(_, _, let reason, _) {
            return reason.contains("\(place) holds \(shown), which is not")
        } catch {
            return false
        }
    }

    /// Drops `table`'s constraints (NOT NULL, keys), as a file written by another program might
    /// have them, keeping its rows; returns a store opened on the changed file.
    func relax(_ f: StoreFixture, _ table: String, then sql: String) throws -> Store {
        try sqlite(
            f.path,
            "CREATE TABLE relaxed AS SELECT * FROM \(table); DROP TABLE \(table); "
                + "ALTER TABLE relaxed RENAME TO \(table); \(sql)")
        return try Store(path: f.path)
    }

    @Test func aBadBindingRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        try f.store.importBindings([Self.a, Self.b], source: "import:a.csv", at: t0)
        let aIP = Self.a.ip.rawValue
        let bIP = Self.b.ip.rawValue

        try sqlite(f.path, "UPDATE bindings SET ip = \(Self.tooLarge) WHERE ip = \(aIP)")
        #expect(fails("bindings.ip", holding: Self.tooLarge) { try f.store.bindings() })
        #expect(try f.store.binding(for: Self.b.ip) == Self.b, "a good row still reads")
        #expect(
            fails("bindings.ip", holding: Self.tooLarge) {
                try f.store.importBindings([Self.b], source: "import:b.csv", replace: true, at: t0)
            })
        try sqlite(f.path, "UPDATE bindings SET ip = -1 WHERE ip = \(Self.tooLarge)")
        #expect(fails("bindings.ip", holding: "-1") { try f.store.bindings() })
        try sqlite(
            f.path, "UPDATE bindings SET ip = \(aIP) WHERE ip = -1; UPDATE bindings SET vlan = 70000 WHERE ip = \(bIP)")
        #expect(fails("bindings.vlan", holding: "70000") { try f.store.binding(for: Self.b.ip) })
        #expect(fails("bindings.vlan", holding: "70000") { try f.store.removeBinding(ip: Self.b.ip) })
        try sqlite(
            f.path,
            "UPDATE bindings SET vlan = 20 WHERE ip = \(bIP); UPDATE bindings SET mac = 'nope' WHERE ip = \(aIP)")
        #expect(fails("bindings.mac", holding: "\"nope\"") { try f.store.bindings() })
        try sqlite(f.path, "UPDATE bindings SET mac = '\(Self.a.mac)' WHERE ip = \(aIP)")
        #expect(try f.store.bindings() == [Self.a, Self.b], "restored rows read as before")

        try sqlite(f.path, "UPDATE binding_history SET ip = -1 WHERE ip = \(aIP)")
        #expect(fails("binding_history.ip", holding: "-1") { try f.store.bindingHistory() })
        #expect(try f.store.bindingHistory(ip: Self.b.ip).map(\.kind) == [.added])
        try sqlite(f.path, "UPDATE binding_history SET ip = \(aIP) WHERE ip = -1")

        let relaxed = try relax(f, "bindings", then: "UPDATE bindings SET mac = NULL WHERE ip = \(aIP)")
        #expect(fails("bindings.mac", holding: "no value") { try relaxed.bindings() })
        #expect(try relaxed.binding(for: Self.b.ip) == Self.b)
        let history = try relax(f, "binding_history", then: "UPDATE binding_history SET source = NULL")
        #expect(fails("binding_history.source", holding: "no value") { try history.bindingHistory() })
    }

    @Test func aBadPairOrProposalRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        let good = ObservedPair(
            ip: IPv4Address(10, 0, 1, 1), mac: MACAddress(rawValue: 0x02_0000_0001), vlan: 5, firstSeen: t0,
            lastSeen: t0 + 86_400, packets: 10)
        let bad = ObservedPair(
            ip: IPv4Address(10, 0, 1, 2), mac: MACAddress(rawValue: 0x02_0000_0002), firstSeen: t0,
            lastSeen: t0 + 86_400, packets: 3)
        try f.store.recordPairs([good, bad])
        let badIP = bad.ip.rawValue

        try sqlite(f.path, "UPDATE arp_pairs SET ip = \(Self.tooLarge) WHERE ip = \(badIP)")
        #expect(fails("arp_pairs.ip", holding: Self.tooLarge) { try f.store.observedPairs() })
        #expect(fails("arp_pairs.ip", holding: Self.tooLarge) { try f.store.proposeBindings(stableFor: 0) })
        #expect(
            fails("arp_pairs.ip", holding: Self.tooLarge) {
                try f.store.arpAddressesSeen(from: t0, to: t0 + 2 * 86_400)
            })
        try sqlite(f.path, "UPDATE arp_pairs SET ip = -1 WHERE ip = \(Self.tooLarge)")
        #expect(fails("arp_pairs.ip", holding: "-1") { try f.store.observedPairs() })
        try sqlite(f.path, "UPDATE arp_pairs SET ip = \(badIP), vlan = 70000 WHERE ip = -1")
        #expect(fails("arp_pairs.vlan", holding: "70000") { try f.store.observedPairs() })
        try sqlite(f.path, "UPDATE arp_pairs SET vlan = NULL WHERE ip = \(badIP)")
        #expect(try f.store.observedPairs() == [good, bad], "restored rows read as before")
        #expect(try f.store.arpAddressesSeen(from: t0, to: t0 + 2 * 86_400) == [good.ip, bad.ip])

        let proposals = try f.store.proposeBindings(stableFor: 0, at: t0 + 86_400).proposals
        #expect(proposals.count == 2)
        try sqlite(f.path, "UPDATE binding_proposals SET ip = -1 WHERE ip = \(badIP)")
        #expect(fails("binding_proposals.ip", holding: "-1") { try f.store.bindingProposals() })
        #expect(fails("binding_proposals.ip", holding: "-1") { try f.store.approveProposals(nil) })
        try sqlite(f.path, "UPDATE binding_proposals SET ip = \(Self.tooLarge) WHERE ip = -1")
        #expect(fails("binding_proposals.ip", holding: Self.tooLarge) { try f.store.rejectProposals([1]) })
        try sqlite(f.path, "UPDATE binding_proposals SET ip = \(badIP), vlan = 70000 WHERE ip = \(Self.tooLarge)")
        #expect(fails("binding_proposals.vlan", holding: "70000") { try f.store.bindingProposals() })
        try sqlite(f.path, "UPDATE binding_proposals SET vlan = NULL WHERE ip = \(badIP)")
        #expect(try f.store.bindingProposals() == proposals, "restored rows read as before")

        let relaxed = try relax(
            f, "binding_proposals", then: "UPDATE binding_proposals SET status = NULL WHERE ip = \(badIP)")
        #expect(
            fails("binding_proposals.status", holding: "no value") { try relaxed.bindingProposals(pendingOnly: false) })
        let pairs = try relax(f, "arp_pairs", then: "UPDATE arp_pairs SET mac = NULL WHERE ip = \(badIP)")
        #expect(fails("arp_pairs.mac", holding: "no value") { try pairs.observedPairs() })
    }

    @Test func aBadARPEventOrPortActionRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        let event = ARPEvent(
            time: t0, type: .bindingViolation, ip: Self.a.ip, mac: Self.b.mac, boundMAC: Self.a.mac, vlan: 20,
            frame: 7, message: "10.0.0.1 is bound to … but … claims it")
        try f.store.recordARPEvents([LocatedARPEvent(event, switchName: "sw1", port: "Gi0/7")])
        let ip = Self.a.ip.rawValue

        try sqlite(f.path, "UPDATE arp_events SET ip = \(Self.tooLarge)")
        #expect(fails("arp_events.ip", holding: Self.tooLarge) { try f.store.arpEvents() })
        #expect(fails("arp_events.ip", holding: Self.tooLarge) { try f.store.violationFacts(from: t0, to: t0 + 60) })
        try sqlite(f.path, "UPDATE arp_events SET ip = -1")
        #expect(fails("arp_events.ip", holding: "-1") { try f.store.violationFacts(from: t0, to: t0 + 60) })
        try sqlite(f.path, "UPDATE arp_events SET ip = \(ip), vlan = 70000")
        #expect(fails("arp_events.vlan", holding: "70000") { try f.store.arpEvents() })
        try sqlite(f.path, "UPDATE arp_events SET vlan = 20")
        #expect(try f.store.arpEvents() == [LocatedARPEvent(event, switchName: "sw1", port: "Gi0/7")])
        #expect(try f.store.violationFacts(from: t0, to: t0 + 60).map(\.ip) == [Self.a.ip])

        let shut = try f.store.recordPortAction(
            PortAction(
                time: t0, device: "sw1", ifIndex: 7, ifName: "Gi0/7", mac: Self.b.mac, ip: Self.a.ip,
                previousStatus: 1, state: .shutdown, reason: "binding violation"))
        try sqlite(f.path, "UPDATE port_actions SET ip = -1")
        #expect(fails("port_actions.ip", holding: "-1") { try f.store.portActions() })
        #expect(fails("port_actions.ip", holding: "-1") { try f.store.markPortReleased(id: shut.id) })
        try sqlite(f.path, "UPDATE port_actions SET ip = \(Self.tooLarge)")
        #expect(fails("port_actions.ip", holding: Self.tooLarge) { try f.store.portActions(activeOnly: true) })
        try sqlite(f.path, "UPDATE port_actions SET ip = \(ip)")
        #expect(try f.store.portActions() == [shut], "a restored row reads as before")

        let events = try relax(f, "arp_events", then: "UPDATE arp_events SET message = NULL")
        #expect(fails("arp_events.message", holding: "no value") { try events.arpEvents() })
        let actions = try relax(f, "port_actions", then: "UPDATE port_actions SET reason = NULL")
        #expect(fails("port_actions.reason", holding: "no value") { try actions.portActions() })
    }

    @Test func aBadRowFailsTheComplianceFactsNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        let first = CalendarDay("2026-11-01")!
        let last = CalendarDay("2026-11-30")!
        try f.store.appendDutyLogEntry(
            DutyLogEntry(
                id: 0, unit: "county", day: CalendarDay("2026-11-02")!, time: t0, category: .other,
                text: "UPS alarm", author: "zhangwei", source: .manual, recordedAt: t0))
        #expect(try f.store.dutyLogDays(from: first, to: last)["county"]?.count == 1)
        #expect(try f.store.unreviewedFacts(from: first, to: last).map(\.count) == [1])
        try sqlite(
            f.path,
            "DROP TRIGGER duty_log_no_update; UPDATE duty_log SET day = '2026-11-0x', category = 'fault'")
        #expect(fails("duty_log.day", holding: "\"2026-11-0x\"") { try f.store.dutyLogDays(from: first, to: last) })
        #expect(fails("duty_log.day", holding: "\"2026-11-0x\"") { try f.store.unreviewedFacts(from: first, to: last) })
        #expect(
            fails("duty_log.day", holding: "\"2026-11-0x\"") { try f.store.faultRecordFacts(from: first, to: last) })
        #expect(
            fails("duty_log.day", holding: "\"2026-11-0x\"") {
                try f.store.dutyLogMatches(keywords: ["ups"], from: first, to: last)
            })

        try sqlite(
            f.path,
            "INSERT INTO asset_power_on_runs (asset, day, recorded_by) VALUES ('A-1', '2026-11-02', 'li');"
                + "INSERT INTO asset_power_on_runs (asset, day, recorded_by) VALUES ('A-2', '2026-11-3x', 'li')")
        #expect(fails("asset_power_on_runs.day", holding: "\"2026-11-3x\"") { try f.store.powerOnDays() })
        try sqlite(f.path, "DELETE FROM asset_power_on_runs WHERE asset = 'A-2'")
        #expect(try f.store.powerOnDays() == ["A-1": [CalendarDay("2026-11-02")!]])
        let runs = try relax(f, "asset_power_on_runs", then: "UPDATE asset_power_on_runs SET asset = NULL")
        #expect(fails("asset_power_on_runs.asset", holding: "no value") { try runs.powerOnDays() })

        try f.store.syncInventory(
            units: [OrganisationUnit(id: "3301", name: "Xihu", level: .county)],
            devices: [StoreFixture.device("r1", unit: "3301")], at: t0)
        var health = StoreFixture.health(StoreFixture.device("r1", unit: "3301"), at: t0)
        health.findings = [Finding(rule: "infra.ntp", status: .fail, message: "no NTP server")]
        try f.store.record(health: health, observations: [], conditions: [])
        let facts = try f.store.deviceSpecFacts(kinds: ["router"], from: t0, to: t0 + 60)
        #expect(facts.map(\.failed) == [["infra.ntp: no NTP server"]])
        let findings = try relax(f, "findings", then: "UPDATE findings SET rule = NULL")
        #expect(
            fails("findings.rule", holding: "no value") {
                try findings.deviceSpecFacts(kinds: ["router"], from: t0, to: t0 + 60)
            })
    }

    /// `verify` judges a backup by its locations and state: a corrupt `locations`, `status` or
    /// `kind` fails the read instead of reading as "no copies", `failed` or `backup`.
    @Test func aBadBackupRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let id = try f.store.beginBackup(
            target: "registry-db", category: .database, kind: .backup, period: "2026-11",
            at: StoreFixture.epoch)
        try f.store.finishBackup(
            id: id, status: .good, at: StoreFixture.epoch, locations: ["/srv/a", "/mnt/usb"], verified: true)

        try sqlite(f.path, "UPDATE backups SET locations = 'not a list' WHERE id = \(id)")
        #expect(fails("backups.locations", holding: "\"not a list\"") { try f.store.backups() })
        try sqlite(f.path, "UPDATE backups SET locations = '[\"/srv/a\"]', status = 'fine' WHERE id = \(id)")
        #expect(fails("backups.status", holding: "\"fine\"") { try f.store.backup(id: id) })
        try sqlite(f.path, "UPDATE backups SET status = 'good', kind = 'tape' WHERE id = \(id)")
        #expect(fails("backups.kind", holding: "\"tape\"") { try f.store.backups() })
        try sqlite(f.path, "UPDATE backups SET kind = 'backup' WHERE id = \(id)")
        #expect(try f.store.backup(id: id)?.locations == ["/srv/a"], "a good row still reads")
    }

    static let day = CalendarDay("2026-11-23")!

    /// A role, certificate level or meeting kind no version wrote used to be dropped or read as
    /// `province` or `meeting`; hours that are not a number, or NULL, stopped the process.
    @Test func aBadStaffRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let lina = StaffMember(
            id: "lina", name: "李娜", roles: [.technician, .keeper],
            certificate: PostCertificate(number: "C-7", issuedBy: .city, issuedOn: Self.day))
        try f.store.saveStaffMember(lina)
        try f.store.addTraining(Training(id: 0, person: "lina", day: Self.day, hours: 8, title: "培训"))
        try f.store.addGovernanceRecord(
            GovernanceRecord(id: 0, unit: nil, kind: .meeting, day: Self.day, title: "会议"))

        try sqlite(f.path, "UPDATE staff SET roles = 'technician,janitor'")
        #expect(fails("staff.roles", holding: "\"technician,janitor\"") { try f.store.staff() })
        #expect(fails("staff.roles", holding: "\"technician,janitor\"") { try f.store.staffMember("李娜") })
        try sqlite(f.path, "UPDATE staff SET roles = 'technician,keeper', certificate_level = 'hamlet'")
        #expect(fails("staff.certificate_level", holding: "\"hamlet\"") { try f.store.staffMember("lina") })
        try sqlite(f.path, "UPDATE staff SET certificate_level = 'city', certificate_issued_on = '2026-02-30'")
        #expect(fails("staff.certificate_issued_on", holding: "\"2026-02-30\"") { try f.store.staff() })
        try sqlite(f.path, "UPDATE staff SET certificate_issued_on = '2026-11-23'")
        #expect(try f.store.staff() == [lina], "a restored row reads as before")

        try sqlite(f.path, "UPDATE trainings SET hours = 'eight'")
        #expect(fails("trainings.hours", holding: "\"eight\"") { try f.store.trainings() })
        try sqlite(f.path, "UPDATE governance SET kind = 'party'")
        #expect(fails("governance.kind", holding: "\"party\"") { try f.store.governanceRecords() })

        let relaxed = try relax(f, "staff", then: "UPDATE staff SET name = NULL")
        #expect(fails("staff.name", holding: "no value") { try relaxed.staff() })
    }

    /// A document's state or category, or a loan's return condition, no version wrote used to read
    /// as `available`, `other` or none: a lent document read as free to lend.
    @Test func aBadDocumentOrLoanRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        try f.store.saveStaffMember(StaffMember(id: "lina", name: "李娜"))
        try f.store.addDocument(TechnicalDocument(id: "D-1", title: "Book", category: .book, keeper: "lina"))
        let loan = try f.store.lend(
            Loan(
                id: 0, document: "D-1", title: "Book", borrower: "lina", lentOn: Self.day, due: Self.day,
                lentBy: "lina"))
        let lent = try f.store.document(id: "D-1")

        try sqlite(f.path, "UPDATE documents SET state = 'missing'")
        #expect(fails("documents.state", holding: "\"missing\"") { try f.store.documents() })
        #expect(fails("documents.state", holding: "\"missing\"") { try f.store.document(id: "D-1") })
        try sqlite(f.path, "UPDATE documents SET state = '\(lent?.state.rawValue ?? "")', category = 'scroll'")
        #expect(fails("documents.category", holding: "\"scroll\"") { try f.store.documents() })
        try sqlite(f.path, "UPDATE documents SET category = 'book'")
        #expect(try f.store.document(id: "D-1") == lent, "a restored row reads as before")

        try sqlite(f.path, "UPDATE loans SET condition = 'soggy'")
        #expect(fails("loans.condition", holding: "\"soggy\"") { try f.store.loans() })
        try sqlite(f.path, "UPDATE loans SET condition = NULL, compensation = 'lots'")
        #expect(fails("loans.compensation", holding: "\"lots\"") { try f.store.loans(openOnly: true) })
        try sqlite(f.path, "UPDATE loans SET compensation = NULL")
        #expect(try f.store.loans() == [loan])

        let relaxed = try relax(f, "documents", then: "UPDATE documents SET keeper = NULL")
        #expect(fails("documents.keeper", holding: "no value") { try relaxed.documents() })
    }

    /// A waiver excuses a rule in the score: NULL or a time that is not an integer stopped the process.
    @Test func aBadWaiverRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let waiver = try f.store.addWaiver(
            Waiver(
                rule: "infra.firewall", unit: "3301", justification: "Firewall on order", approver: "Director Li",
                startsOn: Self.day, expiresOn: Self.day, createdAt: StoreFixture.epoch))
        try sqlite(f.path, "UPDATE waivers SET created_at = 'yesterday'")
        #expect(fails("waivers.created_at", holding: "\"yesterday\"") { try f.store.waivers() })
        try sqlite(f.path, "UPDATE waivers SET created_at = \(Int64(StoreFixture.epoch.timeIntervalSince1970) * 1000)")
        #expect(try f.store.waivers() == [waiver], "a restored row reads as before")
        let relaxed = try relax(f, "waivers", then: "UPDATE waivers SET approver = NULL")
        #expect(fails("waivers.approver", holding: "no value") { try relaxed.waivers() })
    }

    /// An asset's kind or state no version wrote used to read as `other` or `in use`, a day that is
    /// not a day as no day, a repair's `returned_to` as none; an interface count that is not an
    /// integer, or NULL, stopped the process.
    @Test func aBadAssetRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let pc = Asset(tag: "PC-1", name: "PC", kind: .pc, state: .idle, interfaceCount: 2)
        try f.store.saveAssets([pc], actor: "lina")

        try sqlite(f.path, "UPDATE assets SET state = 'lost'")
        #expect(fails("assets.state", holding: "\"lost\"") { try f.store.assets() })
        #expect(fails("assets.state", holding: "\"lost\"") { try f.store.asset(tag: "PC-1") })
        try sqlite(f.path, "UPDATE assets SET state = 'idle', kind = 'toaster'")
        #expect(fails("assets.kind", holding: "\"toaster\"") { try f.store.assets(state: .idle) })
        try sqlite(f.path, "UPDATE assets SET kind = 'pc', purchase_date = '2026-02-30'")
        #expect(fails("assets.purchase_date", holding: "\"2026-02-30\"") { try f.store.assets() })
        try sqlite(f.path, "UPDATE assets SET purchase_date = NULL, interface_count = 'many'")
        #expect(fails("assets.interface_count", holding: "\"many\"") { try f.store.assets() })
        #expect(
            fails("assets.interface_count", holding: "\"many\"") {
                try f.store.recordPowerOn(PowerOnRun(asset: "PC-1", day: Self.day, recordedBy: "lina"))
            })
        try sqlite(f.path, "UPDATE assets SET interface_count = 2")
        #expect(try f.store.assets() == [pc], "a restored row reads as before")

        try sqlite(f.path, "UPDATE asset_changes SET time = 'now'")
        #expect(fails("asset_changes.time", holding: "\"now\"") { try f.store.assetChanges(tag: "PC-1") })

        let ticket = try f.store.openRepair(
            RepairTicket(id: 0, asset: "PC-1", openedOn: Self.day, fault: "fan", causedBy: nil, reportedBy: "lina"))
        try sqlite(f.path, "UPDATE repair_tickets SET returned_to = 'shelf'")
        #expect(fails("repair_tickets.returned_to", holding: "\"shelf\"") { try f.store.repairTickets() })
        try sqlite(f.path, "UPDATE repair_tickets SET returned_to = NULL, cost = 'free'")
        #expect(fails("repair_tickets.cost", holding: "\"free\"") { try f.store.repairTickets(openOnly: true) })
        try sqlite(f.path, "UPDATE repair_tickets SET cost = NULL")
        #expect(try f.store.repairTickets() == [ticket])

        try f.store.recordPowerOn(PowerOnRun(asset: "PC-1", day: Self.day, recordedBy: "lina"))
        let runs = try relax(f, "asset_power_on_runs", then: "UPDATE asset_power_on_runs SET recorded_by = NULL")
        #expect(fails("asset_power_on_runs.recorded_by", holding: "no value") { try runs.powerOnRuns(asset: "PC-1") })
        try f.store.recordScrap(
            ScrapRecord(asset: "PC-1", day: Self.day, reason: "old", handedTo: "recycler", recordedBy: "lina"))
        let scrap = try relax(f, "scrap_records", then: "UPDATE scrap_records SET handed_to = NULL")
        #expect(fails("scrap_records.handed_to", holding: "no value") { try scrap.scrapRecord(asset: "PC-1") })
    }

    /// A device's kind or a unit's level no version wrote used to read as `other` or `county` (so
    /// the kind's rules were skipped, the unit scored in the wrong league); a port that is not an
    /// integer, or NULL, stopped the process.
    @Test func aBadDeviceOrUnitRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        try f.store.syncInventory(
            units: [OrganisationUnit(id: "3301", name: "Xihu", level: .county)],
            devices: [StoreFixture.device("r1", unit: "3301")], at: t0)
        let r1 = try f.store.device(named: "r1")
        let kind = r1?.kind.rawValue ?? ""

        try sqlite(f.path, "UPDATE devices SET kind = 'toaster'")
        #expect(fails("devices.kind", holding: "\"toaster\"") { try f.store.devices() })
        #expect(fails("devices.kind", holding: "\"toaster\"") { try f.store.device(named: "r1") })
        try sqlite(f.path, "UPDATE devices SET kind = '\(kind)', port = 'snmp'")
        #expect(fails("devices.port", holding: "\"snmp\"") { try f.store.devices(includeRemoved: true) })
        try sqlite(f.path, "UPDATE devices SET port = 16100")
        #expect(try f.store.device(named: "r1") == r1, "a restored row reads as before")

        try sqlite(f.path, "UPDATE units SET level = 'hamlet'")
        #expect(fails("units.level", holding: "\"hamlet\"") { try f.store.units() })
        try sqlite(f.path, "UPDATE units SET level = 'county'")
        #expect(try f.store.units() == [OrganisationUnit(id: "3301", name: "Xihu", level: .county)])

        let relaxed = try relax(f, "devices", then: "UPDATE devices SET address = NULL")
        #expect(fails("devices.address", holding: "no value") { try relaxed.devices() })
    }

    /// An alert's type or severity no version wrote used to read as `unreachable` or `warning`
    /// and be reconciled as one; an event's or alert's time that is not an integer, or NULL,
    /// stopped the process.
    @Test func aBadAlertOrEventRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        let r1 = StoreFixture.device("r1")
        let down = AlertCondition(device: "r1", type: .unreachable, severity: .critical, message: "no answer")
        try f.store.record(health: StoreFixture.health(r1, at: t0), observations: [], conditions: [])
        try f.store.record(
            health: StoreFixture.health(r1, at: t0 + 60, reachable: false), observations: [], conditions: [down])
        let alerts = try f.store.alerts()
        let events = try f.store.events()
        #expect(alerts.count == 1 && !events.isEmpty)

        try sqlite(f.path, "UPDATE alerts SET severity = 'dire'")
        #expect(fails("alerts.severity", holding: "\"dire\"") { try f.store.alerts() })
        #expect(
            fails("alerts.severity", holding: "\"dire\"") {
                try f.store.record(
                    health: StoreFixture.health(r1, at: t0 + 120, reachable: false), observations: [],
                    conditions: [down])
            })
        try sqlite(f.path, "UPDATE alerts SET severity = 'critical', type = 'meteor'")
        #expect(fails("alerts.type", holding: "\"meteor\"") { try f.store.alerts(openOnly: true) })
        try sqlite(f.path, "UPDATE alerts SET type = 'unreachable', opened_at = 'noon'")
        #expect(fails("alerts.opened_at", holding: "\"noon\"") { try f.store.alerts(device: "r1") })
        try sqlite(f.path, "UPDATE alerts SET opened_at = \(Int64(t0.timeIntervalSince1970 + 60) * 1000)")
        #expect(try f.store.alerts() == alerts, "a restored row reads as before")

        try sqlite(f.path, "UPDATE events SET poll = 'first'")
        #expect(fails("events.poll", holding: "\"first\"") { try f.store.events() })
        let relaxed = try relax(f, "alerts", then: "UPDATE alerts SET message = NULL")
        #expect(fails("alerts.message", holding: "no value") { try relaxed.alerts() })
        let relaxedEvents = try relax(f, "events", then: "UPDATE events SET message = NULL")
        #expect(fails("events.message", holding: "no value") { try relaxedEvents.events() })
    }

    /// A duty-log source no version wrote used to read as `manual`, a day that is not a day as
    /// 1970-01-01, a sign-off's days as day 0, and a UTC offset that is not a number as +8 h.
    @Test func aBadDutyLogRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        let entry = try f.store.appendDutyLogEntry(
            DutyLogEntry(
                id: 0, unit: "county", day: Self.day, time: t0, category: .other, text: "UPS alarm",
                author: "zhangwei", source: .manual, recordedAt: t0), recordedAt: t0)
        let review = try f.store.signDutyLogReview(
            unit: "county", from: Self.day, to: Self.day, supervisor: "li", comment: nil, entries: [entry.id], at: t0)
        let before = try f.store.dutyLog()

        try sqlite(
            f.path, "DROP TRIGGER duty_log_no_update; UPDATE duty_log SET source = 'oracle' WHERE id = \(entry.id)")
        #expect(fails("duty_log.source", holding: "\"oracle\"") { try f.store.dutyLog() })
        #expect(fails("duty_log.source", holding: "\"oracle\"") { try f.store.dutyLogEntry(id: entry.id) })
        #expect(fails("duty_log.source", holding: "\"oracle\"") { try f.store.dutyLogChain() })
        try sqlite(f.path, "UPDATE duty_log SET source = 'manual', day = '2026-11-2x' WHERE id = \(entry.id)")
        #expect(fails("duty_log.day", holding: "\"2026-11-2x\"") { try f.store.dutyLogEntry(id: entry.id) })
        try sqlite(f.path, "UPDATE duty_log SET day = '2026-11-23', recorded_at = 'later' WHERE id = \(entry.id)")
        #expect(fails("duty_log.recorded_at", holding: "\"later\"") { try f.store.dutyLogChain() })
        try sqlite(f.path, "UPDATE duty_log SET recorded_at = \(Int64(t0.timeIntervalSince1970) * 1000)")
        #expect(try f.store.dutyLog() == before, "a restored row reads as before")

        try sqlite(f.path, "UPDATE duty_log_reviews SET to_day = 'never'")
        #expect(fails("duty_log_reviews.to_day", holding: "\"never\"") { try f.store.dutyLogReviews() })
        try sqlite(f.path, "UPDATE duty_log_reviews SET to_day = '2026-11-23'")
        #expect(try f.store.dutyLogReviews() == [review])
        try sqlite(f.path, "UPDATE duty_log_head SET count = 'many'")
        #expect(fails("duty_log_head.count", holding: "\"many\"") { try f.store.dutyLogChain() })

        try sqlite(f.path, "UPDATE records_settings SET value = 'eight hours' WHERE key = 'utc_offset_seconds'")
        #expect(fails("records_settings.value", holding: "\"eight hours\"") { try f.store.dutyLogUTCOffset() })
        let reviews = try relax(f, "duty_log_reviews", then: "UPDATE duty_log_reviews SET supervisor = NULL")
        #expect(fails("duty_log_reviews.supervisor", holding: "no value") { try reviews.dutyLogReviews() })
    }

    /// A finding's status no version wrote used to read as `unknown`; a poll's counts or a
    /// sample's value that is not a number, or NULL, stopped the process.
    @Test func aBadPollFindingOrSampleRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        var health = StoreFixture.health(StoreFixture.device("r1"), at: t0)
        health.findings = [Finding(rule: "infra.ntp", status: .fail, message: "no NTP server")]
        let sample = Observation(device: "r1", metric: "cpu", time: t0, value: 12.5)
        try f.store.record(health: health, observations: [sample], conditions: [])
        let polls = try f.store.polls(device: "r1")
        #expect(polls.count == 1)

        try sqlite(f.path, "UPDATE findings SET status = 'maybe'")
        #expect(fails("findings.status", holding: "\"maybe\"") { try f.store.findings(device: "r1") })
        #expect(fails("findings.status", holding: "\"maybe\"") { try f.store.findingHistory(device: "r1") })
        try sqlite(f.path, "UPDATE findings SET status = 'fail'; UPDATE polls SET pdu_count = 'lots'")
        #expect(fails("polls.pdu_count", holding: "\"lots\"") { try f.store.polls(device: "r1") })
        try sqlite(f.path, "UPDATE polls SET pdu_count = \(polls[0].pduCount)")
        #expect(try f.store.polls(device: "r1") == polls, "a restored row reads as before")
        #expect(try f.store.findings(device: "r1").map(\.status) == [.fail])

        try sqlite(f.path, "UPDATE observations_recent SET value = 'hot'; UPDATE observations SET value = 'hot'")
        #expect(
            fails("observations.value", holding: "\"hot\"") { try f.store.observations(device: "r1", metric: "cpu") })
        #expect(fails("observations.value", holding: "\"hot\"") { try f.store.latestObservations() })
        try sqlite(f.path, "UPDATE observations_recent SET value = 12.5; UPDATE observations SET value = 12.5")
        #expect(try f.store.latestObservations() == [sample])

        let relaxed = try relax(f, "polls", then: "UPDATE polls SET reachable = NULL")
        #expect(fails("polls.reachable", holding: "no value") { try relaxed.polls(device: "r1") })
    }

    /// An account's role or language no version wrote used to read as `auditor` or English (a
    /// guessed role grants rights); a flag or time that is not an integer, or NULL, stopped the process.
    @Test func aBadAccountOrTokenRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let t0 = StoreFixture.epoch
        let admin = Store.Actor("admin", origin: "127.0.0.1")
        let wang = Account(
            username: "wang", displayName: "王芳", role: .technician, language: .chinese,
            passwordHash: "pbkdf2-sha256$x", passwordChangedAt: t0, createdAt: t0)
        try f.store.createAccount(wang, by: admin, at: t0)
        let token = try f.store.addAPIToken(
            digest: "d1", username: "wang", label: "ci", expiresAt: t0 + 86_400, by: admin, at: t0)

        try sqlite(f.path, "UPDATE accounts SET role = 'root'")
        #expect(fails("accounts.role", holding: "\"root\"") { try f.store.accounts() })
        #expect(fails("accounts.role", holding: "\"root\"") { try f.store.account(named: "wang") })
        #expect(fails("accounts.role", holding: "\"root\"") { try f.store.apiToken(digest: "d1") })
        try sqlite(f.path, "UPDATE accounts SET role = 'technician', language = 'klingon'")
        #expect(fails("accounts.language", holding: "\"klingon\"") { try f.store.accounts() })
        try sqlite(f.path, "UPDATE accounts SET language = 'zh', disabled = 'perhaps'")
        #expect(fails("accounts.disabled", holding: "\"perhaps\"") { try f.store.account(named: "wang") })
        try sqlite(f.path, "UPDATE accounts SET disabled = 0")
        #expect(try f.store.account(named: "wang") == wang, "a restored row reads as before")

        try sqlite(f.path, "UPDATE api_tokens SET revoked_at = 'soon'")
        #expect(fails("api_tokens.revoked_at", holding: "\"soon\"") { try f.store.apiTokens() })
        #expect(fails("api_tokens.token_revoked_at", holding: "\"soon\"") { try f.store.apiToken(digest: "d1") })
        #expect(
            fails("api_tokens.revoked_at", holding: "\"soon\"") { try f.store.revokeAPIToken(id: token.id, by: admin) })
        try sqlite(f.path, "UPDATE api_tokens SET revoked_at = NULL")
        #expect(try f.store.apiTokens() == [token])

        try sqlite(f.path, "UPDATE audit_log SET time = 'today'")
        #expect(fails("audit_log.time", holding: "\"today\"") { try f.store.auditTrail() })
        let relaxed = try relax(f, "accounts", then: "UPDATE accounts SET password_hash = NULL")
        #expect(fails("accounts.password_hash", holding: "no value") { try relaxed.accounts() })
    }

    /// A unit level no version wrote used to read as `county`, ranking the unit among the wrong
    /// peers; a score or time that is not a number, or NULL, stopped the process.
    @Test func aBadEvaluationRowFailsTheReadNamingTheColumn() throws {
        let f = try StoreFixture()
        defer { f.directory.remove() }
        let stored = StoredEvaluation(
            period: "2026H1", unit: "3301", level: .county, score: 90, rank: 1, rankedAmong: 5,
            evaluatedAt: StoreFixture.epoch, statuses: ["staff.training": "pass"])
        try f.store.saveEvaluations([stored])

        try sqlite(f.path, "UPDATE evaluations SET level = 'planet'")
        #expect(fails("evaluations.level", holding: "\"planet\"") { try f.store.evaluations(periods: ["2026H1"]) })
        #expect(fails("evaluations.level", holding: "\"planet\"") { try f.store.evaluationRecords() })
        try sqlite(f.path, "UPDATE evaluations SET level = 'county', score = 'high'")
        #expect(fails("evaluations.score", holding: "\"high\"") { try f.store.evaluations(periods: ["2026H1"]) })
        try sqlite(f.path, "UPDATE evaluations SET score = 90")
        #expect(try f.store.evaluations(periods: ["2026H1"]) == [stored], "a restored row reads as before")
        #expect(try f.store.evaluationRecords().map(\.hasScorecard) == [false])

        let relaxed = try relax(f, "evaluations", then: "UPDATE evaluations SET evaluated_at = NULL")
        #expect(fails("evaluations.evaluated_at", holding: "no value") { try relaxed.evaluationRecords() })
    }
}
