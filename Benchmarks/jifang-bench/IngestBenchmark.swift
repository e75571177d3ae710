import Foundation
import JifangModel
import JifangStore

/// Writes observations the way a polling round of many devices does and reports rows per second.
///
/// `jifang-bench ingest [--rows N] [--devices D] [--metrics M] [--keep]`: D devices with M series
/// each are polled once a minute; each round is one `Store.insert` (one transaction).
enum IngestBenchmark {
    static func main(_ arguments: [String]) {
        var rows = 2_000_000
        var devices = 500
        var metrics = 40
        var keep = false
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch arguments[index] {
            case "--rows": rows = value ?? rows; index += 1
            case "--devices": devices = value ?? devices; index += 1
            case "--metrics": metrics = value ?? metrics; index += 1
            case "--keep": keep = true
            default:
                print("jifang-bench ingest: unknown option \(arguments[index])")
                exit(2)
            }
            index += 1
        }
        do {
            try run(rows: rows, devices: devices, metrics: metrics, keep: keep)
        } catch {
            print("jifang-bench ingest: \(error)")
            exit(1)
        }
    }

    static func run(rows: Int, devices deviceCount: Int, metrics: Int, keep: Bool) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jifang-bench-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let path = directory.appendingPathComponent("ingest.sqlite").path
        let store = try Store(path: path)
        let devices = (0..<deviceCount).map { Device(name: "device-\($0)", address: "127.0.0.\($0 % 250 + 1)") }
        try store.syncInventory(units: [], devices: devices.map(\.profile))

        let perRound = deviceCount * metrics
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        var written = 0
        var round = 0
        var elapsed: Double = 0
        var batch: [Observation] = []
        batch.reserveCapacity(perRound)
        while written < rows {
            batch.removeAll(keepingCapacity: true)
            let time = start.addingTimeInterval(Double(round) * 60)
            outer: for device in devices {
                for metric in 0..<metrics {
                    if written + batch.count == rows { break outer }
                    let value = Double((round * 7 + metric * 13) % 1000) / 10
                    batch.append(
                        Observation(
                            device: device.name, metric: metric < 4 ? "cpu.percent" : "if.inBps",
                            instance: metric < 4 ? "cpu\(metric)" : "eth\(metric)", time: time, value: value))
                }
            }
            let clock = ContinuousClock.now
            try store.insert(batch)
            elapsed += (ContinuousClock.now - clock).seconds
            written += batch.count
            round += 1
        }
        let bytes = ["", "-wal"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0
            return total + size
        }
        try store.close()
        print(
            "ingest: \(written) rows in \(round) batches of up to \(perRound) (\(deviceCount) devices × \(metrics) series)"
        )
        print(String(format: "ingest: %.2f s, %.0f rows/s", elapsed, Double(written) / elapsed))
        print(
            String(
                format: "ingest: file %.1f MB (%.1f bytes/row)%@", Double(bytes) / 1_048_576,
                Double(bytes) / Double(written), keep ? " at \(path)" : ""))
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
