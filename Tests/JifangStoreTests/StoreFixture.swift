import Foundation
import JifangModel
import JifangStore
import JifangTesting

/// A store in a fresh temporary directory, removed when the test ends.
struct StoreFixture {
    let directory: TemporaryDirectory
    let path: String
    let store: Store

    init() throws {
        directory = try TemporaryDirectory(prefix: "jifang-store")
        path = directory.appending("jifang.sqlite").path
        store = try Store(path: path)
    }

    static let epoch = Date(timeIntervalSince1970: 1_750_000_000)

    static func device(_ name: String, unit: String? = nil) -> DeviceProfile {
        DeviceProfile(name: name, address: "127.0.0.1", port: 16100, unit: unit, location: "Room 1", owner: "Li Wei")
    }

    static func health(_ device: DeviceProfile, at time: Date, reachable: Bool = true, uptime: Double? = 1000)
        -> DeviceHealth
    {
        var health = DeviceHealth(
            device: device, polledAt: time, reachable: reachable,
            error: reachable ? nil : "No response from 127.0.0.1:16100 after 2 tries.")
        if reachable {
            health.system = SystemInfo(
                sysDescr: "Huawei VRP", sysObjectID: "1.3.6.1.4.1.2011.2.23.1",
                uptimeSeconds: uptime)
            health.identity = DeviceIdentity(kind: .router, vendor: "Huawei", model: "AR2220", serial: "2102351")
            health.pduCount = 12
        }
        return health
    }
}
