import Foundation
import JifangModel
import JifangTesting

/// `jifang-bench watch [--frames N] [--stations N] [--spoofing PERCENT] [--rounds N] [--file PATH]`:
/// `jifang watch --pcap` end to end against the bare libpcap loop, `tcpdump -n -r` and `arpwatch -r`
/// on the same capture (the `arp` benchmark's, 1 % spoofing by default). Each is timed twice over:
/// elapsed time, which pkts/s and the targets are judged by, and user + system CPU time, which
/// shows what the work costs whatever the processors it used. The bare loop (in this process) and
/// jifang (a child process, start-up included) alternate for `rounds` rounds (default 7), and each
/// keeps its best elapsed and its best CPU time; tcpdump and arpwatch, best of three. With
/// `--file`, an existing capture is reused as it is, whatever `--spoofing` says.
///
/// jifang runs with `--format json --no-store` and the stations' bindings as a CSV file, so the
/// time covers loading the register, decoding, detecting and writing every JSON line (to
/// /dev/null); it reads the file on a second thread ahead of the checks
/// (`PacketSource.readFramesAhead`), so its CPU time exceeds its elapsed time. arpwatch runs
/// under `unshare -n` so it cannot wait on DNS; `-d` keeps it from mailing. Build with
/// `-c release`; the `jifang` executable is taken from beside this one.
enum WatchBenchmark {
    static func run(_ arguments: [String]) throws {
        let generate = ArpBenchmark.option("--frames", in: arguments) ?? 1_000_000
        let stations = ArpBenchmark.option("--stations", in: arguments) ?? 5_000
        let spoofing = ArpBenchmark.spoofing(in: arguments)
        let rounds = ArpBenchmark.option("--rounds", in: arguments) ?? 7
        let kept = arguments.firstIndex(of: "--file").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jifang-watch-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = URL(fileURLWithPath: kept ?? directory.appendingPathComponent("arp.pcap").path).standardizedFileURL
            .path
        let reused = FileManager.default.fileExists(atPath: path)
        if !reused {
            try ArpBenchmark.write(frames: generate, stations: stations, spoofing: spoofing, to: path)
        }
        let frames = try ArpBenchmark.frameCount(path)
        let bindings = directory.appendingPathComponent("bindings.csv").path
        var csv = "ip,mac\n"
        for station in 0..<stations {
            csv += "\(ArpBenchmark.address(of: station)),\(ArpBenchmark.hardware(of: station))\n"
        }
        try csv.write(toFile: bindings, atomically: true, encoding: .utf8)
        let jifang = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("jifang").path
        let content = reused ? "reused as it is" : "\(spoofing) % spoofed"
        print("watch: \(frames) frames (\(content)), \(stations) bound stations, at \(path)")

        // The bare loop and jifang take turns, so a busy spell of a shared machine falls on both
        // rather than on one; each keeps its best round.
        var bare = Timing.worst
        var watch = Timing.worst
        for _ in 0..<rounds {
            bare = bare.best(try bareLoop(path))
            watch = watch.best(
                try child(jifang, ["watch", "--pcap", path, "--bindings", bindings, "--format", "json", "--no-store"]))
        }
        let tcpdump = try best { try child("/usr/bin/tcpdump", ["-n", "-r", path]) }
        let arpwatch = try best {
            let data = directory.appendingPathComponent("arp.dat").path
            _ = FileManager.default.createFile(atPath: data, contents: nil)
            return try child("/usr/bin/unshare", ["-n", "/usr/sbin/arpwatch", "-d", "-N", "-r", path, "-f", data])
        }
        func line(_ name: String, _ timing: Timing) -> String {
            "watch: \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", timing.elapsed)) s "
                + "\(ArpBenchmark.rate(Double(frames) / timing.elapsed)) pkts/s   CPU \(String(format: "%7.3f", timing.cpu)) s "
                + "\(ArpBenchmark.rate(Double(frames) / timing.cpu)) pkts/s"
        }
        print(line("bare libpcap read loop", bare))
        print(line("tcpdump -n -r", tcpdump))
        print(line("jifang watch --pcap (json)", watch))
        print(line("arpwatch -r", arpwatch))
        print(
            "watch: jifang watch is \(percent(bare.elapsed / watch.elapsed)) of the bare loop by elapsed time "
                + "(\(percent(bare.cpu / watch.cpu)) by CPU time), \(String(format: "%.1f", arpwatch.elapsed / watch.elapsed))× "
                + "arpwatch, \(String(format: "%.1f", tcpdump.elapsed / watch.elapsed))× tcpdump"
        )
    }

    /// Elapsed and CPU seconds of a run, or the best of several (each minimum on its own).
    struct Timing {
        var elapsed: Double
        var cpu: Double

        static let worst = Timing(elapsed: .infinity, cpu: .infinity)

        func best(_ other: Timing) -> Timing {
            Timing(elapsed: min(elapsed, other.elapsed), cpu: min(cpu, other.cpu))
        }
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }

    /// One run of the bare libpcap loop of the `arp` benchmark, in this process.
    static func bareLoop(_ path: String) throws -> Timing {
        let start = ContinuousClock.now
        let cpu = ArpBenchmark.cpuSeconds()
        let bytes = try ArpBenchmark.bareLoop(path)
        precondition(bytes > 0)
        return Timing(elapsed: ArpBenchmark.seconds(since: start), cpu: ArpBenchmark.cpuSeconds() - cpu)
    }

    static func best(_ body: () throws -> Timing) throws -> Timing {
        var result = Timing.worst
        for _ in 0..<3 { result = result.best(try body()) }
        return result
    }

    /// Runs a program with output to /dev/null; returns the time from its start to its exit and
    /// the CPU time it used.
    ///
    /// Started by `posix_spawn` and reaped by `waitpid` (``ChildProcess``): Foundation's
    /// `Process.waitUntilExit` notices an exit on a run-loop tick, which added up to 0.1 s here.
    static func child(_ executable: String, _ arguments: [String]) throws -> Timing {
        let before = PollBenchmark.childrenCPU()
        let start = ContinuousClock.now
        let status = try ChildProcess(executable, arguments).wait()
        let elapsed = ArpBenchmark.seconds(since: start)
        guard status == 0 else {
            throw NSError(
                domain: "jifang-bench", code: Int(status),
                userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments.joined(separator: " ")) failed"])
        }
        return Timing(elapsed: elapsed, cpu: PollBenchmark.childrenCPU() - before)
    }
}
