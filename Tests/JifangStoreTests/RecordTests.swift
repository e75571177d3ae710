import Foundation
import JifangModel
import JifangStore
import Testing

@Suite struct RecordTests {
    let router = StoreFixture.device("core-router", unit: "3301")
    let unit = OrganisationUnit(id: "3301", name: "Xihu County Center", level: .county)

    func cpu(_ severity: AlertSeverity = .warning) -> AlertCondition {
        AlertCondition(device: "core-router", type: .cpu, severity: severity, message: "CPU above 90 %")
    }

    func linkDown() -> AlertCondition {
        AlertCondition(
            device: "core-router", type: .interfaceDown, subject: "GE0/0/1", severity: .critical,
            message: "GE0/0/1 is down")
    }

    @Test func alertsOpenRefreshAndClearAcrossThreePolls() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        let t0 = StoreFixture.epoch
        try store.syncInventory(units: [unit], devices: [router], at: t0.addingTimeInterval(-60))
        let t1 = t0.addingTimeInterval(300)
        let t2 = t0.addingTimeInterval(600)

        let first = try store.record(
            health: StoreFixture.health(router, at: t0), observations: [], conditions: [cpu(), linkDown()])
        #expect(first.opened.map(\.condition.key) == [cpu().key, linkDown().key])
        #expect(first.opened.allSatisfy { $0.openedByPoll == first.pollID && $0.isOpen })
        #expect(first.events.map(\.type) == [.alertOpened, .alertOpened])

        let second = try store.record(
            health: StoreFixture.health(router, at: t1), observations: [], conditions: [cpu(.critical)])
        #expect(second.opened.isEmpty)
        #expect(second.stillOpen.map(\.id) == [first.opened[0].id])
        #expect(second.cleared.map(\.id) == [first.opened[1].id])
        #expect(second.events.map(\.type) == [.alertCleared])
        #expect(second.events[0].poll == second.pollID && second.events[0].alert == first.opened[1].id)

        let third = try store.record(health: StoreFixture.health(router, at: t2), observations: [], conditions: [])
        #expect(third.cleared.map(\.id) == [first.opened[0].id])
        #expect(try store.alerts(openOnly: true).isEmpty)

        let history = try store.alerts(device: "core-router")
        #expect(history.count == 2)
        let cpuAlert = try #require(history.first { $0.condition.type == .cpu })
        #expect(cpuAlert.openedAt == t0 && cpuAlert.lastSeenAt == t1 && cpuAlert.clearedAt == t2)
        #expect(cpuAlert.condition.severity == .critical)
        #expect(cpuAlert.openedByPoll == first.pollID)
        let link = try #require(history.first { $0.condition.type == .interfaceDown })
        #expect(link.clearedAt == t1)

        // The condition coming back opens a new alert; the old one stays in the history.
        let fourth = try store.record(
            health: StoreFixture.health(router, at: t2.addingTimeInterval(300)), observations: [], conditions: [cpu()])
        #expect(fourth.opened.count == 1 && fourth.opened[0].id != cpuAlert.id)
        #expect(try store.alerts().count == 3)
        let events = try store.events(since: t0, device: "core-router")
        #expect(events.map(\.type) == [.alertOpened, .alertOpened, .alertCleared, .alertCleared, .alertOpened])
        #expect(events.allSatisfy { $0.poll != nil && $0.alert != nil })
    }

    @Test func failureInTheMiddleKeepsNothing() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        try store.syncInventory(units: [unit], devices: [router])
        let before = try store.record(
            health: StoreFixture.health(router, at: StoreFixture.epoch),
            observations: [
                Observation(device: "core-router", metric: "cpu.percent", time: StoreFixture.epoch, value: 10)
            ],
            conditions: [cpu()])
        let eventsBefore = try store.events()

        // Samples, findings and the device update are written before the alerts; the alert for a
        // device the store does not know violates a foreign key.
        var health = StoreFixture.health(router, at: StoreFixture.epoch.addingTimeInterval(300), uptime: 5)
        health.identity.model = "AR3260"
        health.findings = [Finding(rule: "router.memory", article: "Art. 55", status: .fail, message: "64 MB")]
        let ghost = AlertCondition(device: "ghost", type: .cpu, severity: .warning, message: "CPU above 90 %")
        let error = try #require(throws: StoreError.self) {
            try store.record(
                health: health,
                observations: [
                    Observation(device: "core-router", metric: "cpu.percent", time: health.polledAt, value: 99)
                ],
                conditions: [ghost])
        }
        #expect(error.description.contains("record the poll of core-router"))
        #expect(error.description.contains("FOREIGN KEY"))

        #expect(try store.polls(device: "core-router").map(\.id) == [before.pollID])
        #expect(try store.observations(device: "core-router", metric: "cpu.percent").map(\.value) == [10])
        #expect(try store.findings(device: "core-router").isEmpty)
        #expect(try store.device(named: "core-router")?.model == "AR2220")
        #expect(try store.device(named: "core-router")?.lastPollID == before.pollID)
        #expect(try store.alerts().map(\.id) == before.opened.map(\.id))
        #expect(try store.alerts(openOnly: true).count == 1)
        #expect(try store.events() == eventsBefore)
        #expect(try store.latestHealth(device: "core-router")?.polledAt == StoreFixture.epoch)

        // A sample that is not a number fails the same way.
        #expect(throws: StoreError.self) {
            try store.record(
                health: health,
                observations: [
                    Observation(device: "core-router", metric: "cpu.percent", time: health.polledAt, value: .nan)
                ],
                conditions: [])
        }
        #expect(try store.polls(device: "core-router").count == 1)
        #expect(try store.alerts(openOnly: true).count == 1)
    }

    @Test func pollUpdatesRegisterFindingsAndStateEvents() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        try store.syncInventory(units: [unit], devices: [router])
        let t0 = StoreFixture.epoch
        var health = StoreFixture.health(router, at: t0, uptime: 86_400)
        health.findings = [
            Finding(
                rule: "router.memory", article: "Art. 55", status: .pass, message: "256 MB ≥ 128 MB",
                observed: "256 MB", source: "snmp"),
            Finding(rule: "router.flash", article: "Art. 55", status: .unknown, message: "flash size not reported"),
        ]
        let first = try store.record(health: health, observations: [], conditions: [], duration: 0.25)
        let record = try #require(try store.device(named: "core-router"))
        #expect(record.kind == .router && record.vendor == "Huawei" && record.serial == "2102351")
        #expect(record.firstSeen == t0 && record.lastSeen == t0 && record.lastPollReachable == true)
        #expect(record.unit == "3301")
        #expect(try store.findings(device: "core-router") == health.findings)

        let down = try store.record(
            health: StoreFixture.health(router, at: t0.addingTimeInterval(300), reachable: false),
            observations: [], conditions: [])
        #expect(down.events.map(\.type) == [.deviceDown])
        let afterDown = try #require(try store.device(named: "core-router"))
        #expect(afterDown.lastSeen == t0 && afterDown.lastPollReachable == false)
        #expect(afterDown.lastPollError?.contains("No response") == true)
        #expect(afterDown.model == "AR2220")
        // Findings are those of the last answered poll.
        #expect(try store.findings(device: "core-router") == health.findings)

        let up = try store.record(
            health: StoreFixture.health(router, at: t0.addingTimeInterval(600), uptime: 120),
            observations: [], conditions: [])
        #expect(up.events.map(\.type) == [.deviceUp, .reboot])
        #expect(up.events.allSatisfy { $0.poll == up.pollID })
        let polls = try store.polls(device: "core-router")
        #expect(polls.map(\.reachable) == [true, false, true])
        #expect(polls[0].duration == 0.25 && polls[0].pduCount == 12 && polls[0].id == first.pollID)
        let history = try store.findingHistory(device: "core-router")
        #expect(history.map(\.poll) == [first.pollID, up.pollID])
        #expect(history[0].findings == health.findings && history[1].findings.isEmpty)
    }

    @Test func pollOfAnUnknownDeviceAddsIt() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let stray = StoreFixture.device("lab-switch", unit: "9999")
        let result = try fixture.store.record(
            health: StoreFixture.health(stray, at: StoreFixture.epoch),
            observations: [
                Observation(device: "lab-switch", metric: "cpu.percent", time: StoreFixture.epoch, value: 3)
            ],
            conditions: [])
        #expect(result.pollID > 0)
        let record = try #require(try fixture.store.device(named: "lab-switch"))
        #expect(record.unit == nil)
        #expect(record.kind == .router)
    }
}
