import Foundation
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting

/// `jifang-bench evaluate [--province] [--cities N] [--counties N] [--townships N] [--devices N]
/// [--polls N] [--seed N] [--store FILE] [--keep FILE]`: the half-yearly evaluation of a synthetic
/// province.
///
/// Without `--province`, three fresh stores at 1×, 2× and 4× of a smaller size (N cities, each
/// with `--counties` counties of `--townships` townships, every unit with `--devices` devices
/// beyond its router, switch, firewall and server, `--polls` polls per device; defaults 1, 10,
/// 19, 48, 97: a tenth of a province), so linear growth shows as a steady records/s.
/// `--province` evaluates one store of the full size instead: 10 cities, 2,011 units, about
/// 100,000 devices and 10 million poll and duty-log records.
///
/// Each store is populated by ``SyntheticProvince`` and evaluated for 2026H1 with every rule of
/// Policies/rules.yaml and the working days of Policies/calendar.yaml. Prints the population time (not measured), the evaluation's wall-clock
/// seconds and records read per second (units + devices + polls + duty-log entries). `--store`
/// keeps the (single-size) store in FILE and reuses it when it exists, so a province is populated
/// once; `--keep` copies the 1× store to FILE. Build with `-c release`.
enum EvaluateBenchmark {
    static func run(_ arguments: [String]) throws {
        func value(_ name: String, _ fallback: Int) -> Int {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil }
                ?? fallback
        }
        func text(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        let province = arguments.contains("--province")
        let cities = value("--cities", province ? 10 : 1)
        let counties = value("--counties", 10)
        let townships = value("--townships", 19)
        let devices = value("--devices", 48)
        let polls = value("--polls", 97)
        let seed = UInt64(value("--seed", 1))
        let keep = text("--keep")
        let storePath = text("--store")
        let rules = try ComplianceRuleSet.load(
            path: PackagePaths.root.appendingPathComponent("Policies/rules.yaml").path)
        let calendar = try WorkingCalendar.load(
            path: PackagePaths.root.appendingPathComponent("Policies/calendar.yaml").path)
        print(
            "evaluate: 2026H1, \(rules.rules.count) rules, \(counties) counties per city, \(townships) townships "
                + "per county, \(devices) more devices per unit, \(polls) polls per device"
        )
        for factor in province || storePath != nil ? [1] : [1, 2, 4] {
            let directory = try TemporaryDirectory(prefix: "jifang-bench-evaluate")
            defer { directory.remove() }
            let path = storePath ?? directory.appending("store.sqlite").path
            let reuse = storePath != nil && FileManager.default.fileExists(atPath: path)
            let synthetic = SyntheticProvince(
                seed: seed, cities: cities * factor, countiesPerCity: counties, townshipsPerCounty: townships,
                pollsPerDevice: polls, extraDevicesPerUnit: devices, calendar: calendar)
            var totals = SyntheticProvince.Totals()
            var populated = 0.0
            // Populated without flushing each commit; the evaluation then reads from a store opened as usual.
            if !reuse {
                let loading = try Store(path: path, durability: .bulkLoad)
                let populating = ContinuousClock.now
                totals = try synthetic.populate(loading)
                populated = seconds(ContinuousClock.now - populating)
                try loading.close()
                if storePath != nil { try saveTotals(totals, path) }
            } else {
                totals = try storedTotals(path)
            }
            let store = try Store(path: path)
            let start = ContinuousClock.now
            let report = try Evaluator(store: store, rules: rules, calendar: calendar).evaluate(
                period: Period("2026H1")!, asOf: CalendarDay("2026-07-01")!)
            let elapsed = seconds(ContinuousClock.now - start)
            if let keep, factor == 1 {
                try? FileManager.default.removeItem(atPath: keep)
                try store.close()
                try FileManager.default.copyItem(atPath: path, toPath: keep)
            }
            print(
                String(
                    format: "%@: %d units, %d devices, %d polls, %d log entries (%@ in %.1f s): "
                        + "evaluated %d scorecards in %.2f s, %.0f records/s",
                    province ? "province" : "\(factor)×", totals.units, totals.devices, totals.polls,
                    totals.logEntries, reuse ? "opened" : "populated", populated, report.scorecards.count, elapsed,
                    Double(totals.records) / elapsed))
        }
    }

    /// The totals of a store populated earlier (`--store`), from the file written beside it.
    static func storedTotals(_ path: String) throws -> SyntheticProvince.Totals {
        let numbers = try String(contentsOfFile: path + ".totals", encoding: .utf8).split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard numbers.count == 4 else { throw FixtureError("\(path).totals does not hold four counts") }
        return SyntheticProvince.Totals(
            units: numbers[0], devices: numbers[1], polls: numbers[2], logEntries: numbers[3])
    }

    static func saveTotals(_ totals: SyntheticProvince.Totals, _ path: String) throws {
        try "\(totals.units) \(totals.devices) \(totals.polls) \(totals.logEntries)\n".write(
            toFile: path + ".totals", atomically: true, encoding: .utf8)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
