import Foundation
import JifangCompliance
import JifangConfig
import JifangModel
import JifangStore
import JifangTesting

/// `jifang-bench evaluate [--cities N] [--counties N] [--townships N] [--polls N] [--seed N] [--keep FILE]`:
/// the half-yearly evaluation of a synthetic province at 1×, 2× and 4× its size.
///
/// Each size is a fresh store populated by ``SyntheticProvince`` (N cities, each with `--counties`
/// counties of `--townships` townships; defaults 1, 5, 3), then evaluated for 2026H1 with every rule
/// of Policies/rules.yaml. Prints the evaluation's wall-clock seconds and records read per second
/// (units + devices + polls + duty-log entries), so linear growth shows as a steady rate. Population
/// time is printed separately and not counted. `--keep` copies the 1× store to FILE (for trying
/// `jifang evaluate` on it). Build with `-c release`.
enum EvaluateBenchmark {
    static func run(_ arguments: [String]) throws {
        func value(_ name: String, _ fallback: Int) -> Int {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil }
                ?? fallback
        }
        let cities = value("--cities", 1)
        let counties = value("--counties", 5)
        let townships = value("--townships", 3)
        let polls = value("--polls", 12)
        let seed = UInt64(value("--seed", 1))
        let keep = arguments.firstIndex(of: "--keep").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        let rules = try ComplianceRuleSet.load(
            path: PackagePaths.root.appendingPathComponent("Policies/rules.yaml").path)
        print(
            "evaluate: 2026H1, \(rules.rules.count) rules, \(counties) counties per city, \(townships) townships per county"
        )
        for factor in [1, 2, 4] {
            let directory = try TemporaryDirectory(prefix: "jifang-bench-evaluate")
            defer { directory.remove() }
            let store = try Store(path: directory.appending("store.sqlite").path)
            let province = SyntheticProvince(
                seed: seed, cities: cities * factor, countiesPerCity: counties, townshipsPerCounty: townships,
                pollsPerDevice: polls)
            let populating = ContinuousClock.now
            let totals = try province.populate(store)
            let populated = seconds(ContinuousClock.now - populating)
            let start = ContinuousClock.now
            let report = try Evaluator(store: store, rules: rules).evaluate(
                period: Period("2026H1")!, asOf: CalendarDay("2026-07-01")!)
            let elapsed = seconds(ContinuousClock.now - start)
            if let keep, factor == 1 {
                try? FileManager.default.removeItem(atPath: keep)
                try store.close()
                try FileManager.default.copyItem(atPath: directory.appending("store.sqlite").path, toPath: keep)
            }
            print(
                String(
                    format: "%d×: %d units, %d devices, %d polls, %d log entries (populated in %.1f s): "
                        + "evaluated %d scorecards in %.2f s, %.0f records/s",
                    factor, totals.units, totals.devices, totals.polls, totals.logEntries, populated,
                    report.scorecards.count, elapsed, Double(totals.records) / elapsed))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
