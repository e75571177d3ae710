import Foundation
import JifangModel
import JifangStore
import Testing

@Suite struct ObservationTests {
    @Test func rangeQueryAcrossRecentAndCompactedSamples() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        let store = fixture.store
        try store.syncInventory(units: [], devices: [StoreFixture.device("sw-1"), StoreFixture.device("sw-2")])
        let t0 = StoreFixture.epoch
        // Five hours of one sample a minute on two interfaces: older hours move to the
        // per-series table during ingest, the last ones stay in the recent table.
        for minute in 0..<300 {
            let time = t0.addingTimeInterval(Double(minute) * 60)
            try store.insert([
                Observation(device: "sw-1", metric: "if.inBps", instance: "eth0", time: time, value: Double(minute)),
                Observation(device: "sw-1", metric: "if.inBps", instance: "eth1", time: time, value: Double(-minute)),
                Observation(device: "sw-2", metric: "if.inBps", instance: "eth0", time: time, value: 7),
            ])
        }
        let all = try store.observations(device: "sw-1", metric: "if.inBps", instance: "eth0")
        #expect(all.count == 300)
        #expect(all.map(\.value) == (0..<300).map(Double.init))
        #expect(all.first?.time == t0)

        let window = try store.observations(
            device: "sw-1", metric: "if.inBps", from: t0.addingTimeInterval(100 * 60),
            to: t0.addingTimeInterval(110 * 60))
        #expect(window.count == 20)
        #expect(window.prefix(10).allSatisfy { $0.instance == "eth0" })
        #expect(window.first?.value == 100 && window.last?.value == -109)

        let latest = try store.latestObservations(device: "sw-1")
        #expect(latest.map(\.instance) == ["eth0", "eth1"])
        #expect(latest.map(\.value) == [299, -299])
        #expect(latest.allSatisfy { $0.time == t0.addingTimeInterval(299 * 60) })
        #expect(try store.latestObservations().count == 3)
    }

    @Test func batchSentTwiceIsStoredOnce() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.syncInventory(units: [], devices: [StoreFixture.device("ups-1")])
        let batch = (0..<10).map {
            Observation(
                device: "ups-1", metric: "ups.chargePercent", time: StoreFixture.epoch.addingTimeInterval(Double($0)),
                value: 90)
        }
        try fixture.store.insert(batch, poll: nil)
        try fixture.store.insert(
            batch.map {
                var o = $0; o.value = 95; return o
            }, poll: nil)
        let stored = try fixture.store.observations(device: "ups-1", metric: "ups.chargePercent")
        #expect(stored.count == 10 && stored.allSatisfy { $0.value == 95 })
    }

    @Test func sampleOfUnknownDeviceFailsTheWholeBatch() throws {
        let fixture = try StoreFixture()
        defer { fixture.directory.remove() }
        try fixture.store.syncInventory(units: [], devices: [StoreFixture.device("ups-1")])
        let error = try #require(throws: StoreError.self) {
            try fixture.store.insert([
                Observation(device: "ups-1", metric: "ups.loadPercent", time: StoreFixture.epoch, value: 40),
                Observation(device: "nobody", metric: "ups.loadPercent", time: StoreFixture.epoch, value: 40),
            ])
        }
        #expect(error.description.contains(fixture.path))
        #expect(try fixture.store.observations(device: "ups-1", metric: "ups.loadPercent").isEmpty)
        // The series created by the rolled-back batch must not linger in the cache.
        try fixture.store.insert([
            Observation(device: "ups-1", metric: "ups.loadPercent", time: StoreFixture.epoch, value: 41)
        ])
        #expect(try fixture.store.observations(device: "ups-1", metric: "ups.loadPercent").map(\.value) == [41])
    }
}
