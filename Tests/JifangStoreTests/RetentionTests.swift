import Foundation
import JifangModel
import JifangStore
import Testing

@Suite struct RetentionTests {
    static let day: TimeInterval = 86_400
    /// Midnight UTC, so hour and day buckets are easy to name.
    static let start = Date(timeIntervalSince1970: 1_749_945_600)

    /// Ten days of one sample every 10 minutes: value = minute of the day / 10 (0…143).
    func fill(_ store: Store) throws {
        try store.syncInventory(units: [], devices: [StoreFixture.device("fw-1")])
        var batch: [Observation] = []
        for step in 0..<(10 * 144) {
            let time = Self.start.addingTimeInterval(Double(step) * 600)
            batch.append(Observation(device: "fw-1", metric: "fw.sessions", time: time, value: Double(step % 144)))
        }
        try store.insert(batch)
    }

    @Test func rawRollsIntoHourlyThenDailyAndRerunChangesNothing() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        try fill(store)
        let now = Self.start.addingTimeInterval(10 * Self.day)
        let policy = RetentionPolicy(rawDays: 2, hourlyDays: 5, dailyDays: 7)

        let result = try store.applyRetention(policy: policy, now: now)
        // Raw older than 8 days ago → hourly; hourly older than 5 days ago → daily;
        // daily older than 3 days ago (days 0-2) deleted.
        #expect(result.rawRolledUp == 8 * 144)
        #expect(result.hourlyRolledUp == 5 * 24)
        #expect(result.dailyDeleted == 3)

        let raw = try store.observations(device: "fw-1", metric: "fw.sessions")
        #expect(raw.count == 2 * 144)
        #expect(raw.first?.time == Self.start.addingTimeInterval(8 * Self.day))

        let hourly = try store.rollups(device: "fw-1", metric: "fw.sessions", resolution: .hourly)
        #expect(hourly.count == 3 * 24)
        #expect(hourly.first?.time == Self.start.addingTimeInterval(5 * Self.day))
        // Hour 13 of a day holds values 78…83.
        let thirteen = try #require(hourly.first { $0.time == Self.start.addingTimeInterval(5 * Self.day + 13 * 3600) })
        #expect(thirteen.min == 78 && thirteen.max == 83 && thirteen.count == 6)
        #expect(thirteen.avg == 80.5)

        let daily = try store.rollups(device: "fw-1", metric: "fw.sessions", resolution: .daily)
        #expect(daily.map(\.time) == (3..<5).map { Self.start.addingTimeInterval(Double($0) * Self.day) })
        #expect(daily.allSatisfy { $0.min == 0 && $0.max == 143 && $0.count == 144 && $0.avg == 71.5 })

        let again = try store.applyRetention(policy: policy, now: now)
        #expect(again == RetentionResult(rawRolledUp: 0, hourlyRolledUp: 0, dailyDeleted: 0))
        #expect(try store.rollups(device: "fw-1", metric: "fw.sessions", resolution: .hourly) == hourly)
        #expect(try store.rollups(device: "fw-1", metric: "fw.sessions", resolution: .daily) == daily)
    }

    @Test func lateSamplesMergeIntoExistingBuckets() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        try store.syncInventory(units: [], devices: [StoreFixture.device("fw-1")])
        let hour = Self.start.addingTimeInterval(3600)
        try store.insert(
            [10, 20].map { Observation(device: "fw-1", metric: "m", time: hour.addingTimeInterval($0), value: $0) })
        let policy = RetentionPolicy(rawDays: 1, hourlyDays: 30, dailyDays: 365)
        let now = Self.start.addingTimeInterval(3 * Self.day)
        try store.applyRetention(policy: policy, now: now)
        // A forwarded batch arrives late for the same hour.
        try store.insert([Observation(device: "fw-1", metric: "m", time: hour.addingTimeInterval(30), value: 60)])
        try store.applyRetention(policy: policy, now: now)
        let bucket = try #require(try store.rollups(device: "fw-1", metric: "m", resolution: .hourly).first)
        #expect(bucket.count == 3 && bucket.min == 10 && bucket.max == 60 && bucket.avg == 30)
        #expect(try store.observations(device: "fw-1", metric: "m").isEmpty)
    }

    @Test func daysFollowTheConfiguredOffset() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fill(fixture.store)
        let china = RetentionPolicy(rawDays: 0, hourlyDays: 0, dailyDays: 30, utcOffsetSeconds: 8 * 3600)
        try fixture.store.applyRetention(policy: china, now: Self.start.addingTimeInterval(10 * Self.day))
        let daily = try fixture.store.rollups(device: "fw-1", metric: "fw.sessions", resolution: .daily)
        // Local midnight in UTC+8 is 16:00 UTC the day before.
        #expect(daily.first?.time == Self.start.addingTimeInterval(-8 * 3600))
        #expect(daily.first?.count == 16 * 6)
        // The last local day (16:00-24:00 UTC of day 9) is not over: it stays hourly.
        #expect(daily.reduce(0) { $0 + $1.count } == 10 * 144 - 8 * 6)
        #expect(try fixture.store.rollups(device: "fw-1", metric: "fw.sessions", resolution: .hourly).count == 8)
    }

    @Test func policyOutOfOrderIsRefused() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let error = try #require(throws: StoreError.self) {
            try fixture.store.applyRetention(policy: RetentionPolicy(rawDays: 30, hourlyDays: 7, dailyDays: 365))
        }
        #expect(error.description.contains("in that order"))
    }
}
