import Foundation
import GRDB
import JifangModel

extension Store {
    /// Records one poll of one device in a single transaction: the poll row, its samples and
    /// findings, the device's register entry and latest health, the alerts reconciled against
    /// `conditions`, and the duty-log events this causes. Either all of it is stored or none.
    ///
    /// Alerts are matched by ``AlertCondition/key``: a condition with no open alert opens one;
    /// an open alert of this device whose condition is absent is cleared; an alert still present
    /// gets this poll's time as `lastSeenAt` and the condition's current severity and message.
    /// A device the store does not know yet is added from `health.device`.
    ///
    /// - Parameters:
    ///   - conditions: every condition that holds for this device now; an empty list clears all
    ///     of its open alerts.
    ///   - duration: seconds the poll took, if measured.
    /// - Throws: ``StoreError`` when something cannot be written (a sample or condition naming
    ///   a device the store does not know, a sample that is not a number); nothing is kept then.
    @discardableResult
    public func record(
        health: DeviceHealth, observations: [Observation], conditions: [AlertCondition], duration: Double? = nil
    ) throws -> PollResult {
        let name = health.device.name
        return try write("record the poll of \(name)") { db in
            let previous = try ensureDevice(db, health.device)
            let time = health.polledAt.storeMillis
            try db.execute(
                sql: """
                    INSERT INTO polls (device, time, reachable, error, pdu_count, duration, observation_count, uptime_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, time, health.reachable, health.error, health.pduCount, duration, observations.count,
                    health.system.uptimeSeconds,
                ])
            let poll = db.lastInsertedRowID
            _ = try insertObservations(db, observations, poll: poll)
            for (ordinal, finding) in health.findings.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO findings (poll, ordinal, rule, article, status, message, observed, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        poll, ordinal, finding.rule, finding.article, finding.status.rawValue, finding.message,
                        finding.observed, finding.source,
                    ])
            }
            try updateDevice(db, health, poll: poll)
            try Self.syncDeviceAsset(
                db, device: name, interfaceCount: health.interfaces.isEmpty ? nil : health.interfaces.count,
                actor: "poll #\(poll)", at: health.polledAt)
            try db.execute(
                sql: """
                    INSERT INTO device_health (device, poll, json) VALUES (?, ?, ?)
                    ON CONFLICT (device) DO UPDATE SET poll = excluded.poll, json = excluded.json
                    """,
                arguments: [name, poll, try JSONEncoder().encode(health)])
            var events = try stateEvents(db, health, previous: previous, poll: poll)
            var result = try reconcileAlerts(db, device: name, conditions: conditions, at: health.polledAt, poll: poll)
            events += result.events
            result.events = events
            return result
        }
    }

    /// What the device row said before this poll, for down/up/reboot events.
    struct PreviousState {
        var reachable: Bool?
        var uptimeSeconds: Double?
        var pollAt: Int64?
    }

    private func ensureDevice(_ db: Database, _ device: DeviceProfile) throws -> PreviousState {
        // A device polled before the inventory was stored; its unit only if the store knows it.
        try db.execute(
            sql: """
                INSERT INTO devices (name, address, port, unit, location, owner, declared_kind, kind, added_at)
                VALUES (?, ?, ?, (SELECT id FROM units WHERE id = ?), ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING
                """,
            arguments: [
                device.name, device.address, device.port, device.unit, device.location, device.owner,
                device.declaredKind?.rawValue, (device.declaredKind ?? .other).rawValue, Date().storeMillis,
            ])
        let row = try Row.fetchOne(
            db, sql: "SELECT last_poll_reachable, uptime_seconds, last_poll_at FROM devices WHERE name = ?",
            arguments: [device.name])
        guard let row else { return PreviousState() }
        return PreviousState(
            reachable: try row.decodeIfPresent(Bool.self, "last_poll_reachable", in: "devices"),
            uptimeSeconds: try row.decodeIfPresent(Double.self, "uptime_seconds", in: "devices"),
            pollAt: try row.decodeIfPresent(Int64.self, "last_poll_at", in: "devices"))
    }

    private func updateDevice(_ db: Database, _ health: DeviceHealth, poll: Int64) throws {
        let time = health.polledAt.storeMillis
        try db.execute(
            sql: """
                UPDATE devices SET last_poll_id = ?, last_poll_at = ?, last_poll_reachable = ?, last_poll_error = ?
                WHERE name = ?
                """,
            arguments: [poll, time, health.reachable, health.error, health.device.name])
        guard health.reachable else { return }
        // What a device did not report this time keeps its earlier value.
        let identity = health.identity
        let system = health.system
        try db.execute(
            sql: """
                UPDATE devices SET
                    kind = coalesce(declared_kind, ?), vendor = coalesce(?, vendor), model = coalesce(?, model),
                    os_version = coalesce(?, os_version), serial = coalesce(?, serial),
                    sys_descr = coalesce(?, sys_descr), sys_object_id = coalesce(?, sys_object_id),
                    matched_rule = coalesce(?, matched_rule), uptime_seconds = ?,
                    first_seen = coalesce(first_seen, ?), last_seen = ?, last_reachable_poll_id = ?
                WHERE name = ?
                """,
            arguments: [
                identity.kind.rawValue, identity.vendor, identity.model, identity.osVersion, identity.serial,
                system.sysDescr, system.sysObjectID, identity.matchedRule, system.uptimeSeconds, time, time, poll,
                health.device.name,
            ])
    }

    private func stateEvents(_ db: Database, _ health: DeviceHealth, previous: PreviousState, poll: Int64) throws
        -> [StoreEvent]
    {
        let name = health.device.name
        var events: [StoreEvent] = []
        if !health.reachable, previous.reachable != false {
            let reason = health.error.map { ": \($0)" } ?? "."
            events.append(
                try appendEvent(
                    db, type: .deviceDown, device: name, message: "\(name) stopped answering\(reason)",
                    at: health.polledAt, poll: poll))
        }
        if health.reachable, previous.reachable == false {
            events.append(
                try appendEvent(
                    db, type: .deviceUp, device: name, message: "\(name) answers again.", at: health.polledAt,
                    poll: poll))
        }
        // An uptime smaller than at the last answered poll means the device restarted in between.
        if health.reachable, let now = health.system.uptimeSeconds, let before = previous.uptimeSeconds, now < before {
            events.append(
                try appendEvent(
                    db, type: .reboot, device: name,
                    message: "\(name) restarted: uptime is \(Self.duration(now)), was \(Self.duration(before)).",
                    at: health.polledAt, poll: poll))
        }
        return events
    }

    static func duration(_ seconds: Double) -> String {
        // Uptime comes from the device; a value past Int (or not finite) is no duration.
        guard let total = Int(exactly: seconds.rounded(.towardZero)) else { return "an unknown time" }
        let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60)
        return days > 0 ? "\(days)d \(hours)h" : hours > 0 ? "\(hours)h \(minutes)m" : "\(minutes)m \(total % 60)s"
    }
}
